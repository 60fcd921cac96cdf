import type { CharLanguageModel } from '../../model/charLanguageModel';
import { scriptOfCodePoint } from '../../script/scriptOfChar';

/**
 * What the text around lost bytes says about the character they were, beyond the bigrams: the
 * character model folds Traditional into Simplified (種 and 种 are one entry) and knows nothing of
 * brackets further away than the character before. A guess for a lost character is scored with
 * the model returned here, which lowers, against the characters that whole sequences of the run
 * spell:
 *  - a character of the other script, when the run commits to one (`歸种人` in Traditional text
 *    is not what 私, E7 A7 81, lost its 81 in);
 *  - a closing bracket whose opening one the run never writes, or an opening one never closed
 *    (`設備」電視機` for `設備、電視機`, E3 80 8D against E3 80 81);
 * and raises a bracket the run needs: the closing one of a quotation it opens more often than it
 * closes (`聖之任者也。」` at a line end, where the 8D of 」 is lost before the line feed and the
 * bigrams alone prefer `。。`), or the opening one of a quotation it closes more often.
 * Known characters are scored alike on every path, so only the guesses are moved.
 */

/** ln-probability taken from a guess in the other script. */
const OTHER_SCRIPT = -6;
/** ln-probability taken from a bracket without its other half in the run. */
const UNPAIRED_BRACKET = -4;
/** ln-probability given to a bracket the run leaves open (or closes without opening). */
const DUE_BRACKET = 6;
/** Committed characters, and the share of one script among them, before a run counts as written in it. */
const MIN_COMMITTED = 3;
const ONE_SCRIPT = 0.9;

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['「', '」'], ['『', '』'], ['【', '】'], ['〔', '〕'], ['〖', '〗'], ['〈', '〉'], ['《', '》'], ['（', '）'], ['〝', '〞'],
];

/** `known`: the characters the run's whole sequences spell. The model itself when nothing is known either way. */
export function guessPrior(lm: CharLanguageModel, known: string): CharLanguageModel {
  let traditional = 0;
  let simplified = 0;
  for (const ch of known) {
    const s = scriptOfCodePoint(ch.codePointAt(0)!);
    if (s === 'traditional') traditional++;
    else if (s === 'simplified') simplified++;
  }
  const committed = traditional + simplified;
  const other =
    committed >= MIN_COMMITTED && traditional >= ONE_SCRIPT * committed ? 'simplified' : committed >= MIN_COMMITTED && simplified >= ONE_SCRIPT * committed ? 'traditional' : undefined;
  const unpaired = new Set<string>();
  const due = new Set<string>();
  for (const [open, close] of PAIRS) {
    const opens = count(known, open);
    const closes = count(known, close);
    if (opens === 0) unpaired.add(close);
    if (closes === 0) unpaired.add(open);
    if (opens > closes) due.add(close);
    if (closes > opens) due.add(open);
  }
  const penalty = (ch: string): number => {
    let p = 0;
    if (other && scriptOfCodePoint(ch.codePointAt(0) ?? 0) === other) p += OTHER_SCRIPT;
    if (unpaired.has(ch)) p += UNPAIRED_BRACKET;
    if (due.has(ch)) p += DUE_BRACKET;
    return p;
  };
  const prior: CharLanguageModel = Object.create(lm);
  prior.bigram = (a: string, b: string) => lm.bigram(a, b) + penalty(b);
  prior.unigram = (c: string) => lm.unigram(c) + penalty(c);
  return prior;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}
