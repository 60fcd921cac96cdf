import type { CharLanguageModel } from '../../model/charLanguageModel';
import type { Doubt, LostByteDecoding } from '../../codec/utf8LostBytes';
import { currentDocument, documentPairKey } from '../../codec/utf8LostBytes';
import { wordOpinion } from '../misaligned/wordGuesses';
import { isHan } from '../../text/chars';

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

/**
 * A reading that makes, with a neighbour, a pair of characters the
 * document writes elsewhere (its clean text, and its mojibake read back where no byte is lost: a
 * name, a term said twice) gains this much in the second opinion: a cache model over the
 * document, asked only for the doubts' few readings, never in the lattice (calibrated on the
 * tuning part, docs/repair-eval.md).
 */
const DOCUMENT_PAIR = 6;

/** Whether the document writes `a` right before `b` (the last and first characters of two strings). */
function documentWrites(a: string, b: string): boolean {
  const doc = currentDocument();
  if (!doc || !a || !b) return false;
  const last = [...a.slice(-2)].pop()!;
  const first = String.fromCodePoint(b.codePointAt(0)!);
  return doc.pairs().has(documentPairKey(last) + documentPairKey(first));
}

/** DOCUMENT_PAIR for each of `a`+`ch` and `ch`+`b` the document writes. */
function documentBonus(left: string, ch: string, right: string): number {
  return DOCUMENT_PAIR * (Number(documentWrites(left, ch)) + Number(documentWrites(ch, right)));
}

export function weighDoubts(d: LostByteDecoding, lm: CharLanguageModel, before: string, after: string): LostByteDecoding {
  if (d.doubts.length === 0) return d;
  // Code units, written in place: a run may hold hundreds of doubts.
  const text = d.text.split('');
  const likely = d.likely.split('');
  const restored = [...d.restored];
  let unrecovered = d.unrecovered;
  const script = scriptOf(before + d.text + after, lm);
  for (const doubt of d.doubts) {
    // As much of the text each side as a word through the doubt can reach (wordOpinion cuts it
    // further, at a line break and to the word model's length), never the whole run.
    const left = text.slice(Math.max(0, doubt.at - CONTEXT), doubt.at).join('');
    const right = text.slice(doubt.at + 1, doubt.at + 1 + CONTEXT).join('');
    const l = doubt.at < CONTEXT ? before + left : left;
    const r = doubt.at + 1 + CONTEXT > text.length ? right + after : right;
    const chosen = rememberedOpinion(doubt, l, r, script, lm);
    if (!chosen) continue;
    text[doubt.at] = chosen.ch;
    likely[doubt.at] = chosen.ch;
    restored.splice(doubt.restoredAt, chosen.bytes.length, ...chosen.bytes);
    unrecovered--;
  }
  return { ...d, text: text.join(''), likely: likely.join(''), restored, unrecovered };
}

/** Code units of context taken each side of a doubt: twice the longest word, for surrogate pairs. */
const CONTEXT = 8;

/**
 * Verdicts by doubt (its readings are shared by every reading of the same stretch: utf8LostBytes
 * remembers stretches), document and context: a run is read again for each edge judgeReading tries.
 */
const verdicts = new WeakMap<Doubt['options'], Map<string, Option | null>>();

function rememberedOpinion(doubt: Doubt, left: string, right: string, script: Script, lm: CharLanguageModel): Option | undefined {
  let byContext = verdicts.get(doubt.options);
  if (!byContext) verdicts.set(doubt.options, (byContext = new Map()));
  const key = `${currentDocument()?.id ?? 0}\u0001${doubt.need}\u0001${script ?? ''}\u0001${left}\u0001${right}`;
  let verdict = byContext.get(key);
  if (verdict === undefined) {
    verdict = secondOpinion(doubt, wordOpinion(lm, left, right), script, lm, left, right) ?? null;
    byContext.set(key, verdict);
  }
  return verdict ?? undefined;
}

type Option = Doubt['options'][number];

/** The reading the word model and the bigrams together prefer by the wider margin, if one is. */
function secondOpinion(doubt: Doubt, opinion: (guessed: string) => number, script: Script, lm: CharLanguageModel, left: string, right: string): Option | undefined {
  // Readings the models cannot tell apart (经 and 經, ２ and ３ fold to one character) are one
  // reading to them: weighed together, then told apart by the text's script, if at all.
  const groups = new Map<string, { score: number; members: Option[] }>();
  for (const o of doubt.options) {
    const key = lm.fold(o.ch);
    const score = o.score + documentBonus(left, o.ch, right);
    const g = groups.get(key);
    if (!g) groups.set(key, { score, members: [o] });
    else {
      g.score = Math.max(g.score, score);
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

/**
 * Whether a text writes Traditional characters (a tenth of its Han characters or more have a
 * Simplified form of their own), Simplified ones (none has), or cannot be told.
 */
function scriptOf(text: string, lm: CharLanguageModel): Script {
  let han = 0;
  let traditional = 0;
  for (let i = 0; i < text.length; i++) {
    // By code unit: the Han of the Basic Multilingual Plane (a surrogate is no Han).
    if (!isHan(text.charCodeAt(i))) continue;
    han++;
    if (lm.toSimplifiedChar(text[i]) !== text[i]) traditional++;
  }
  if (han < MIN_HAN_FOR_SCRIPT) return undefined;
  if (traditional === 0) return 'simplified';
  return traditional * 10 >= han ? 'traditional' : undefined;
}
