import type { CharLanguageModel } from '../../model/charLanguageModel';
import type { Doubt, LostByteDecoding } from '../../codec/utf8LostBytes';
import { wordOpinion } from '../misaligned/wordGuesses';

/**
 * A second opinion on the characters of one lost byte that the bigrams left U+FFFD where a code
 * page loses bytes densely (Big5; lostByteLattice.ts's doubts): each reading within reach of the
 * best is weighed again with the word model over the text around it (the run as read so far on
 * the left, guesses written here included; the right as the bigrams left it), and written only
 * with a margin wider than the one the bigrams alone needed.
 *
 * Calibrated on the repair evaluation's tuning part (docs/repair-eval.md, "Guesses for one lost
 * byte"): of the characters so restored, 93 % are right at these settings; a weight of 0.75 or a
 * margin 1 nat narrower restores two to five times as many at 81–88 %.
 */

/** How much the word model's ln P of the text around the guess counts beside the bigram lattice's score. */
const WORD_WEIGHT = 0.5;
/** Nats more than the bigram margin the doubt needed (DENSE_MIN_MARGIN and its neighbours' price). */
const WORD_EXTRA_MARGIN = 2;

type Script = 'traditional' | 'simplified' | undefined;

export function weighDoubts(d: LostByteDecoding, lm: CharLanguageModel, before: string, after: string): LostByteDecoding {
  if (d.doubts.length === 0) return d;
  let text = d.text;
  let likely = d.likely;
  const restored = [...d.restored];
  let unrecovered = d.unrecovered;
  const script = scriptOf(before + d.text + after, lm);
  for (const doubt of d.doubts) {
    const opinion = wordOpinion(lm, before + text.slice(0, doubt.at), text.slice(doubt.at + 1) + after);
    const chosen = secondOpinion(doubt, opinion, script, lm);
    if (!chosen) continue;
    text = text.slice(0, doubt.at) + chosen.ch + text.slice(doubt.at + 1);
    likely = likely.slice(0, doubt.at) + chosen.ch + likely.slice(doubt.at + 1);
    restored.splice(doubt.restoredAt, chosen.bytes.length, ...chosen.bytes);
    unrecovered--;
  }
  return { ...d, text, likely, restored, unrecovered };
}

type Option = Doubt['options'][number];

/** The reading the word model and the bigrams together prefer by the wider margin, if one is. */
function secondOpinion(doubt: Doubt, opinion: (guessed: string) => number, script: Script, lm: CharLanguageModel): Option | undefined {
  // Readings the models cannot tell apart (经 and 經, ２ and ３ fold to one character) are one
  // reading to them: weighed together, then told apart by the text's script, if at all.
  const groups = new Map<string, { score: number; members: Option[] }>();
  for (const o of doubt.options) {
    const key = lm.fold(o.ch);
    const g = groups.get(key);
    if (!g) groups.set(key, { score: o.score, members: [o] });
    else {
      g.score = Math.max(g.score, o.score);
      g.members.push(o);
    }
  }
  let best = -Infinity;
  let second = -Infinity;
  let bestMembers: Option[] = [];
  for (const [key, g] of groups) {
    const s = g.score + WORD_WEIGHT * opinion(key);
    if (s > best) {
      second = best;
      best = s;
      bestMembers = g.members;
    } else if (s > second) second = s;
  }
  if (best - second < doubt.need + WORD_EXTRA_MARGIN) return undefined;
  const chosen = memberFor(bestMembers, script, lm);
  return chosen && lm.known(chosen.ch) ? chosen : undefined;
}

/**
 * The one reading of a group that fits the text's script, if one does; a Traditional character
 * is never written into a Simplified text.
 */
function memberFor(members: Option[], script: Script, lm: CharLanguageModel): Option | undefined {
  const traditional = (o: Option) => lm.toSimplifiedChar(o.ch) !== o.ch;
  if (members.length === 1) return script === 'simplified' && traditional(members[0]) ? undefined : members[0];
  if (!script) return undefined;
  const fits = members.filter((m) => traditional(m) === (script === 'traditional'));
  return fits.length === 1 ? fits[0] : undefined;
}

/** Han characters a text must hold before its script is told. */
const MIN_HAN_FOR_SCRIPT = 4;
const HAN = /\p{Script=Han}/u;

/**
 * Whether a text writes Traditional characters (a tenth of its Han characters or more have a
 * Simplified form of their own), Simplified ones (none has), or cannot be told.
 */
function scriptOf(text: string, lm: CharLanguageModel): Script {
  let han = 0;
  let traditional = 0;
  for (const ch of text) {
    if (!HAN.test(ch)) continue;
    han++;
    if (lm.toSimplifiedChar(ch) !== ch) traditional++;
  }
  if (han < MIN_HAN_FOR_SCRIPT) return undefined;
  if (traditional === 0) return 'simplified';
  return traditional * 10 >= han ? 'traditional' : undefined;
}
