import type { DbcsTable } from '../../codec/gbkTable';
import type { CharLanguageModel } from '../../model/charLanguageModel';
import { isHan } from '../../text/chars';
import { lazyLoneRun, weighLost, type Candidate, type Guess } from './silentGuesses';
import { rateTuning } from './documentRate';
import { hexByte as hex } from '../../codec/hexByte';
import { gainWithWords } from './loneWords';
import { isChinese } from '../../text/chars';

/**
 * The shortest misaligned run: a character lost its lead byte, and its trail, met in lead
 * position, was read as ASCII (0x40–0x7E) or as `€` (0x80), putting the decoder back in step at
 * once. Nothing but that one character shows: `漸u減少` for 漸漸減少 (漸 = 9D 75), `一€起落架`
 * for 一個起落架 (個 = 82 80), `會O置` for 會設置. The letter is weighed as the channel made it:
 * the likelihood that some character with that trail was lost there (summed over all of them)
 * against the letter as written. A letter that reads far better as a lost character is a run;
 * its character is written when the model prefers one clearly (silentGuesses.ts: rereadLone, with
 * the word model), else it is shown as U+FFFD and
 * the span is marked lossy. Capitals, which Chinese text also writes between characters (`X光`,
 * `A股`), need more evidence, Han on both sides, and must not recur close by; and the comparison
 * that accepts a run (decision/weighRepair) scores a capital there as the word it may be
 * (decision/asWritten.ts: `C语言` stays). ASCII symbols
 * (`透^其他` for 透過其他), which technical text names between characters (`使用@前缀`,
 * `日曜日_月曜日`), are read only when the words around them say so, and `@` never (Gates).
 */

/**
 * What a character shown alone must gain (nats, the channel's price included) to be read as a
 * lost one: `bigrams`, its two bigrams alone; from `floor` up, `words`, with the word model beside
 * them (loneWords.ts). Calibrated on clean text of tuning and training splits only
 * (docs/repair-eval.md): with the bigrams, the precision corpus's tune split stays untouched down
 * to 6 for a lower-case letter and 8 for a capital; with the words, no lower-case letter among
 * Chinese gains more than 7.9 nats (`8号a座`, in the training text of the NER corpora) and no
 * symbol between two Han characters (not recurring close by, `@` aside) more than 11.0
 * (`以一个}结束`, `交通~目前`). 2 nats more are kept in hand each time. `@` is never read: it
 * names someone in social media text (`为@方肇新`), which the words make read as a lost character
 * by up to 18 nats. Capitals are not weighed with the words: a capital among Chinese text gains
 * up to 4.7 nats with them (`M月D日`), about as much as a lost character's did on the tuning part.
 * Symbols are never read on their bigrams alone: technical text names them between characters;
 * nor when the text writes the same symbol anywhere else (markup, code, separators): the text as
 * written explains it (docs/repair-eval.md says how these gates were reached).
 */
interface Gates {
  bigrams: number;
  floor: number;
  words: number;
}
const LOWER: Gates = { bigrams: 8, floor: 6, words: 10 };
const CAPITAL: Gates = { bigrams: 10, floor: Infinity, words: Infinity };
const SYMBOL: Gates = { bigrams: Infinity, floor: 8, words: 13 };

/** The gates of a character shown alone, or undefined for one no trail shows as. */
function gatesOf(c: number): Gates | undefined {
  if ((c >= 0x61 && c <= 0x7a) || c === 0x20ac) return LOWER;
  if (c >= 0x41 && c <= 0x5a) return CAPITAL;
  // [ \ ] ^ _ ` { | } ~: the trails 0x5B–0x7E that are not letters.
  if ((c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e)) return SYMBOL;
  return undefined;
}
/** ln of the most leads a trail has: how far the sum over them can exceed the best one. */
const LOG_LEADS = Math.log(126);


/**
 * A lone trail weighed by the first pass whose gain a document's rate (documentRate.ts) could
 * carry past its gates: what the second pass decides on again (trailsAgain), with no new scan.
 * `withWords`, the gain with the word model, is worked out once, when a bar first needs it.
 */
export interface LoneTrail {
  i: number;
  gates: Gates;
  trail: number;
  options: ReturnType<DbcsTable['leadsOf']>;
  best: Guess;
  gain: number;
  withWords?: number;
}

/**
 * The lone trails of `v` at the gates calibrated on clean text. With `near`, every one a
 * document's rate could lower the gates enough for (by up to RATE_TUNING.maxBonus), kept or not,
 * goes there too, for trailsAgain.
 */
export function loneTrails(v: string, table: DbcsTable, lm: CharLanguageModel, near?: LoneTrail[], beside?: readonly number[]): Candidate[] {
  const found: Candidate[] = [];
  const reach = near ? rateTuning().maxBonus : 0;
  // A lone trail stands between two Chinese characters: only the offsets beside them are read (every offset where `beside` is not given).
  const offsets = beside ? beside.length : v.length;
  for (let k = 0; k < offsets; k++) {
    const i = beside ? beside[k] : k;
    if (i < 1 || i + 1 >= v.length) continue;
    const c = v.charCodeAt(i);
    const gates = gatesOf(c);
    if (!gates) continue;
    if (!isChinese(v.charCodeAt(i - 1)) || !isChinese(v.charCodeAt(i + 1))) continue;
    if (!shapePasses(v, i, gates)) continue;
    const trail = c === 0x20ac ? 0x80 : c;
    const score = between(lm, v[i - 1], v[i + 1]);
    // Log-probabilities are never positive: the sum over the leads is at most their number times
    // the best, so a letter its neighbours make likely enough is not weighed further.
    const asShown = score(v[i]);
    const floor = Math.min(gates.bigrams, gates.floor) - reach;
    if (asShown + LOG_LEADS > -floor) continue;
    const options = table.leadsOf(trail);
    const lost = weighLost(options, score, lm);
    if (!lost) continue;
    const gain = lost.logSum - asShown;
    if (gain < floor) continue;
    const t: LoneTrail = { i, gates, trail, options, best: lost.best, gain };
    near?.push(t);
    const kept = keptAt(v, t, lm, 0);
    if (kept) found.push(kept);
  }
  return found;
}

/**
 * The lone trails of `near` (loneTrails) that pass their gates lowered by `bonus` nats (the
 * document's own rate of runs as the channel's prior), which goes to the final check as evidence.
 */
export function trailsAgain(v: string, near: readonly LoneTrail[], lm: CharLanguageModel, bonus: number): Candidate[] {
  const found: Candidate[] = [];
  for (const t of near) {
    const kept = keptAt(v, t, lm, bonus);
    if (kept) found.push(kept);
  }
  return found;
}

/** The lone trail `t` as a run when it passes its gates lowered by `bonus`. */
function keptAt(v: string, t: LoneTrail, lm: CharLanguageModel, bonus: number): Candidate | undefined {
  const { gates, gain } = t;
  if (gain < Math.min(gates.bigrams, gates.floor) - bonus) return undefined;
  // Below the bigrams' gate: the words around the character decide (the word model's extra nats
  // are evidence the later check, which reads characters only, does not see).
  let withWords = gain;
  if (gain < gates.bigrams - bonus) {
    withWords = t.withWords ??= gainWithWords(t.options, v, t.i, lm);
    if (withWords < gates.words - bonus) return undefined;
  }
  const evidence = withWords - gain + bonus;
  return {
    gain,
    prior: 0,
    ...(evidence !== 0 ? { evidence } : {}),
    reading: t.best.ch,
    // What is written is worked out once the run is kept, with the word model (rereadLone).
    run: lazyLoneRun(t.i, t.options, v, lm, t.best, gain, lonePlan(v[t.i], t.trail), true),
  };
}

// The two closures a kept character needs, made outside the scan's loop: a closure made in the
// loop over its variables would give every character read its own context to allocate.

/** A character's score between two neighbours. */
function between(lm: CharLanguageModel, prev: string, next: string): (ch: string) => number {
  return (ch) => lm.bigram(prev, ch) + lm.bigram(ch, next);
}

/** The plan of a lone trail shown as `shown`, once its lead is restored or not. */
function lonePlan(shown: string, trail: number): (r: { byte: number } | undefined) => string[] {
  return (r) => [
    `encode gbk (${shown} → ${hex(trail)})`,
    `lost lead byte before ${hex(trail)}: ${r ? `restored as ${hex(r.byte)}` : 'not recoverable, kept as U+FFFD'}`,
    'decode gbk in step',
  ];
}

/** The shape rules a character shown alone between Chinese passes before it is weighed. */
function shapePasses(v: string, i: number, gates: Gates): boolean {
  // A capital or a symbol: only between two Han characters, and not one the text writes again
  // close by, as a format (`YYYY年M月D日`), a name or a separator (`日_月_火`) recurs.
  if (gates !== LOWER && (!isHan(v.charCodeAt(i - 1)) || !isHan(v.charCodeAt(i + 1)) || recurs(v, i))) return false;
  // A symbol the text writes anywhere else is its own (markup, code, a separator): the text as
  // written explains it. So is a bracket the line closes, or one that closes a bracket the line
  // opened (`先{車丸}`, a character spelled by its parts): brackets are written in pairs, a trail
  // comes alone.
  return gates !== SYMBOL || (v.indexOf(v[i]) === i && v.lastIndexOf(v[i]) === i && !paired(v, i));
}

/** The brackets a trail can show as (0x5B–0x7E), each with its partner. */
const OPENS: Record<string, string> = { '[': ']', '{': '}' };
const CLOSES: Record<string, string> = { ']': '[', '}': '{' };

/** The bracket at `i` has its partner on its line: after it for an opening one, before it for a closing one. */
function paired(v: string, i: number): boolean {
  const close = OPENS[v[i]];
  if (close !== undefined) {
    const at = v.indexOf(close, i + 1);
    return at >= 0 && v.lastIndexOf('\n', at) < i;
  }
  const open = CLOSES[v[i]];
  if (open === undefined) return false;
  const at = v.lastIndexOf(open, i - 1);
  if (at < 0) return false;
  const lineEnd = v.indexOf('\n', at);
  return lineEnd < 0 || lineEnd > i;
}

/** Characters on each side looked at for the same ASCII character again. */
const RECUR_NEIGHBOURHOOD = 40;

function recurs(v: string, i: number): boolean {
  const c = v[i];
  const from = Math.max(0, i - RECUR_NEIGHBOURHOOD);
  const to = Math.min(v.length, i + RECUR_NEIGHBOURHOOD + 1);
  const before = v.lastIndexOf(c, i - 1);
  const after = v.indexOf(c, i + 1);
  return (before >= from) || (after >= 0 && after < to);
}

/**
 * A character at `i` shown alone between Chinese characters weighed with no gate, for
 * measurement (scripts/eval-repair/misaligned-lone-trails.mjs): its kind, the bigrams' gain of a
 * lost character over it as written, the same with the word model, and whether the scan's
 * shape rules (Han on both sides, not recurring close by, not written elsewhere) pass it.
 */
export function weighLoneTrail(v: string, i: number, table: DbcsTable, lm: CharLanguageModel):
  { kind: 'lower' | 'capital' | 'symbol'; gain: number; withWords: number; shapeOk: boolean } | undefined {
  const c = v.charCodeAt(i);
  const gates = gatesOf(c);
  if (!gates || i < 1 || i + 1 >= v.length) return undefined;
  if (!isChinese(v.charCodeAt(i - 1)) || !isChinese(v.charCodeAt(i + 1))) return undefined;
  const kind = gates === LOWER ? 'lower' : gates === CAPITAL ? 'capital' : 'symbol';
  const shapeOk = shapePasses(v, i, gates);
  const options = table.leadsOf(c === 0x20ac ? 0x80 : c);
  const score = between(lm, v[i - 1], v[i + 1]);
  const lost = weighLost(options, score, lm);
  if (!lost) return undefined;
  return { kind, gain: lost.logSum - score(v[i]), withWords: gainWithWords(options, v, i, lm), shapeOk };
}
