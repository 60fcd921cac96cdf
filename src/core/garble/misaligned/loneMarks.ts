import type { DbcsTable } from '../../codec/gbkTable';
import type { CharLanguageModel } from '../../model/charLanguageModel';
import { gbkGapClass, isGbkGap } from '../../codec/gbkGaps';
import { isChinese } from '../../text/chars';
import { lazyLoneRun, rereadLone, ordinary, weighableOf, weighLost, lazyRun, type Candidate, type Guess, type SilentRun } from './silentGuesses';
import type { RunSpans } from './wordGuesses';
import { logSumExp } from '../../model/logSumExp';
import { marksNear } from './nearby';
import { reaches } from './guessBound';
import { BOUND_SLACK } from './runGate';
import { shareWithWords } from './loneWords';
import type { End } from './runEnds';
import { hexByte as hex } from '../../codec/hexByte';
import { rateTuning } from './documentRate';

/**
 * A character lost whole to one mark: its lead byte was lost, and its trail, met in lead position,
 * made with the next character's lead a pair the decoder has no character for (Python's `gbk` has
 * no user-defined rows). It printed one `?` or U+FFFD for the trail and read on in step from the
 * next lead: `在蘇魯戰區?任` for 戰區擔任 (as U+FFFD, saved again in GBK). Nothing of the character is
 * left but that its trail makes a gap with the lead after it, which leaves a few hundred
 * characters; the neighbours choose among them.
 *
 * The decision is a noisy-channel one. The text as shown (a real `?` between two characters)
 * against a character lost there: the sum over every character the gap allows of its
 * likelihood between its neighbours, at the price of the channel (a lost byte). A mark that
 * reads far better as a lost character is a run; its character is written only when the model
 * prefers one clearly, else it stays U+FFFD and the span is marked lossy.
 *
 * A lone U+FFFD is the mark as Python's `gbk` with errors='replace' (and iconv-lite) prints it.
 * But a decoder prints U+FFFD for bytes lost in any encoding (a UTF-8 sequence cut short), so the
 * text as shown is not the U+FFFD's own bigrams, which no text writes: it is some character lost
 * there by another process, any character at all (the replacement-char kind's reading). Both lose
 * one character; what tells them apart is which characters the neighbours ask for. The lost GBK
 * character must be one whose trail makes a gap with the next lead, a few hundred of the
 * thousands; so the evidence is ln P(gap characters | neighbours), the share of the neighbours'
 * likelihood those few hold (`這�價` asks for 個, `主席�我` for `，`, both such characters), against
 * FFFD_MIN_SHARE. A U+FFFD another repair left is never read so: a later pass does not read a
 * misaligned run over a repair (repairText.ts), and mojibake readings are weighed first
 * (misalignedGbk.ts).
 */

/**
 * Minimum gain (nats) of "a character was lost here" over the mark as written, the channel's
 * price included. Calibrated on the tuning splits: the precision corpus's tune split stays
 * untouched down to 6; 2 nats more are kept in hand.
 */
const MIN_GAIN = 8;
/** ln P of a lost byte (the channel), charged against the lost-character reading. */
const LOST_BYTE_LOG_PRIOR = -6;
/**
 * Least ln share of the neighbours' likelihood (bigrams and words, loneWords.ts) that the characters
 * a lone U+FFFD can stand for as a misaligned trace hold, against every character. Calibrated on the tuning splits
 * (scripts/eval-repair/misaligned-lone-fffd.mjs, docs/repair-eval.md).
 */
const FFFD_MIN_SHARE = -2;
/**
 * A lone U+FFFD's gain, less its share (at most 0): where it ranks among the runs found (chooseRuns.ts).
 * A run that reads characters before the mark as well (gaining 10 nats or more) is the better
 * explanation; a lone `?` at the gate ranks the same.
 */
export const FFFD_BASE_GAIN = MIN_GAIN;
/** How far below FFFD_MIN_SHARE a U+FFFD's share by the bigrams alone may be and still be weighed with the words. */
const FFFD_WORDS_SLACK = 3;
/**
 * The scaled margin (rereadLone) at which a lone U+FFFD's character is written, in a text with a
 * rate (marksAtRate). Calibrated on the repair evaluation's tuning part, lines as written
 * (scripts/eval-repair/calibrate-lone-marks.mjs: every second Chinese character its channel can
 * lose alone taken as lost, 2,800 guesses at loneMark's gate; docs/repair-eval.md): the guesses
 * reaching it are 96.2 % right (918), as a run's guesses are held to 96 %; at 3, 91.5 % (1,276);
 * at 4, 94.2 %.
 */
const FFFD_WRITTEN_MARGIN = 5;
/**
 * The scaled margin (rereadLone) at which a lone `?`'s character is written. Calibrated as
 * FFFD_WRITTEN_MARGIN, on the same lines with a `?` for the lost character (3,933 guesses at
 * loneMark's gate lowered by a document's most rate): those reaching it 96.2 % right (819); at
 * GUESS_MARGIN (2), which a run's guesses are written at, 83.9 % (1,571); at 5, 95.2 %.
 */
const MARK_WRITTEN_MARGIN = 5.5;
/** The most marks within nearby.ts's neighbourhood of the mark (itself included). */
const MAX_MARKS_NEARBY = 2;

type Options = ReadonlyArray<readonly [number, string]>;

/**
 * Per class of the next character's lead byte (gbkGapClass: the trails that make a gap with it
 * are the same for every lead of a class): the characters whose trail makes a gap with it, as [code, char].
 */
const byNextLead = new Map<number, Options>();

/**
 * The characters that can be lost whole before a character of lead byte `lead`: those whose trail
 * makes a gap with it, as [code, char] (also read by scripts/eval-repair/misaligned-lost-whole.mjs).
 */
export function lostBefore(lead: number, table: DbcsTable, lm: CharLanguageModel): Options {
  const key = gbkGapClass(lead);
  let list = byNextLead.get(key);
  if (!list) {
    const found: Array<readonly [number, string]> = [];
    // 0x80 is no lead byte at all: Python prints U+FFFD for it whatever follows.
    for (let t = 0x80; t <= 0xfe; t++) {
      if (t > 0x80 && !isGbkGap(t, lead)) continue;
      for (const [l, ch] of table.leadsOf(t)) if (ordinary(ch, lm) && ch !== '\u3000') found.push([(l << 8) | t, ch]);
    }
    list = found;
    byNextLead.set(key, list);
  }
  return list;
}

/**
 * The lone marks of `v` read as runs, `?` and U+FFFD. A `?` that falls short of its gate by no more
 * than the most a document's rate lowers it (documentRate.ts) goes to `near`, for marksAgain.
 */
export function loneMarks(v: string, table: DbcsTable, lm: CharLanguageModel, near?: Candidate[]): Candidate[] {
  const found: Candidate[] = [];
  const nearGain = MIN_GAIN - rateTuning().maxBonus;
  for (const mark of LONE_MARKS) {
    for (let i = v.indexOf(mark, 1); i >= 0; i = v.indexOf(mark, i + 1)) {
      const toNear = near !== undefined && mark === '?';
      const c = loneMark(v, i, table, lm, toNear ? nearGain : MIN_GAIN);
      if (c && toNear && c.gain < MIN_GAIN) near.push(c);
      else if (c) found.push(c);
    }
  }
  return found;
}

/** The `?` of `near` (loneMarks) whose gate a document's `bonus` lowers enough, the bonus their evidence. */
export function marksAgain(near: readonly Candidate[], bonus: number): Candidate[] {
  return near.filter((c) => c.gain >= MIN_GAIN - bonus).map((c) => ({ ...c, evidence: (c.evidence ?? 0) + bonus }));
}

const LONE_MARKS = ['?', '\ufffd'];

/**
 * The lone mark at `i` as a run, when it gains `minGain` (a `?`) or its characters hold
 * `minShare` of the neighbours' likelihood (a U+FFFD; `gain` is then that share plus FFFD_BASE_GAIN).
 * scripts/eval-repair/misaligned-marks.mjs and misaligned-lone-fffd.mjs weigh every mark with no gate.
 */
export function loneMark(v: string, i: number, table: DbcsTable, lm: CharLanguageModel, minGain = MIN_GAIN, minShare = FFFD_MIN_SHARE): Candidate | undefined {
  if (i < 1 || i + 1 >= v.length) return undefined;
  const before = v.charCodeAt(i - 1);
  const after = v.charCodeAt(i + 1);
  if (!isChinese(before) || !isChinese(after)) return undefined;
  if (marksNear(v, i) > MAX_MARKS_NEARBY) return undefined;
  const code = table.codeOf(after);
  if (code < 0x100) return undefined;
  const options = lostBefore(code >> 8, table, lm);
  if (options.length === 0) return undefined;
  const prev = v[i - 1];
  const next = v[i + 1];
  const score = (ch: string) => lm.bigram(prev, ch) + lm.bigram(ch, next);
  const lost = weighLost(options, score, lm);
  if (!lost) return undefined;
  const g = lost.best;
  const plan = (r: Guess | undefined) => [
    `${v[i]} between ${prev} and ${next}: a character whose lead byte was lost, its trail unpaired before ${hex(code >> 8)}`,
    r ? `restored as ${hex(r.byte >> 8)}${hex(r.byte & 0xff)}` : 'not recoverable, kept as U+FFFD',
  ];
  if (v[i] === '\ufffd') {
    // Both readings lose one character: the share of the likelihood the gap's characters hold.
    // The bigrams first (cheap): a share far below the gate by them is not weighed with the words.
    // Every character is scored by its bigrams once, for this and for the words' share.
    const every = weighableOf(everyCharacterOf(table), lm);
    const everyScores = every.map(([, ch]) => score(ch));
    if (lost.logSum - logSumExp(everyScores) < minShare - FFFD_WORDS_SLACK) return undefined;
    const share = shareWithWords(options, every, everyScores, v, i, lm);
    if (share < minShare) return undefined;
    const gain = FFFD_BASE_GAIN + share;
    // Its character is written only in a text that shows the channel at work (marksAtRate): U+FFFD
    // hides the byte, and a third of the lone U+FFFD that other processes leave pass this gate too
    // (docs/repair-eval.md), so elsewhere a character written here would be the neighbours' guess,
    // not the bytes'. The U+FFFD then stays and the span is lossy.
    const run = fffdRun(i, (others) => rereadLone(options, v, i, lm, others), plan, Math.min(0.99, 0.5 + gain / 60));
    return { gain, prior: LOST_BYTE_LOG_PRIOR, reading: g.ch, run };
  }
  const gain = lost.logSum + LOST_BYTE_LOG_PRIOR - score(v[i]);
  if (gain < minGain) return undefined;
  return {
    gain,
    prior: LOST_BYTE_LOG_PRIOR,
    reading: g.ch,
    // What is written is worked out once the run is kept, with the word model (rereadLone).
    run: lazyLoneRun(i, options, v, lm, g, gain, plan, false, MARK_WRITTEN_MARGIN),
  };
}

/** The lone U+FFFD runs loneMarks made, each with the rate of its text once known (marksAtRate). */
const fffdRates = new WeakMap<SilentRun, { bonus: number }>();

/**
 * The run of a lone U+FFFD at `i`: the U+FFFD kept and the span lossy, unless marksAtRate gave its
 * text a rate (a first pass found confident runs, documentRate.ts) and `reread`'s guess (the
 * character whose trail makes a gap with the next lead, read as rereadLone reads one: bigrams with
 * the line's prior, the word model, the line's fit) is sure at FFFD_WRITTEN_MARGIN. Where the
 * channel is at work in the text, a lone U+FFFD before a gap is its trace, and the bytes leave the
 * few characters the guess is made among.
 */
function fffdRun(i: number, reread: (others: RunSpans | undefined) => Guess | undefined, plan: (r: Guess | undefined) => string[], confidence: number): SilentRun {
  const rate = { bonus: 0 };
  const run = lazyRun(i, i + 1, (others) => {
    const r = rate.bonus > 0 ? reread(others) : undefined;
    const sure = r !== undefined && r.margin >= FFFD_WRITTEN_MARGIN;
    return { out: sure ? r.ch : '\ufffd', lossy: !sure, plan: plan(sure ? r : undefined), confidence };
  });
  fffdRates.set(run, rate);
  return run;
}

/** Tells the lone U+FFFD runs among `found` (loneMarks) their text's `bonus` (documentBonus), before any is read. */
export function marksAtRate(found: readonly Candidate[], bonus: number): void {
  for (const c of found) {
    const rate = fffdRates.get(c.run);
    if (rate) rate.bonus = bonus;
  }
}

/** Han or CJK punctuation (text/chars.ts), re-exported for the measuring scripts that read it here. */
export { isChinese };

/**
 * Whether the mark that ends a run (silentRuns.ts) explains the text alone at least `gain` nats
 * better than the text as shown (`shown`: the mark's two bigrams): one character lost there (its
 * lead lost, its trail unable to pair with what follows, the mark the decoder printed; a run that
 * shows no character, the replacement-char kind's), the characters before the mark left as they
 * are. That reading costs the channel what a run's does (one lost byte), so a run whose reading
 * gains no more than it is not the likelier explanation: without this the mark's own unlikely
 * bigrams paid a run that read the clean character before it as well (`控�` → `��` for 控制,
 * `決定。�我` → `決定�，我`).
 */
export function markAlone(v: string, end: End, shown: number, gain: number, table: DbcsTable, lm: CharLanguageModel): boolean {
  return reaches(lostAloneOf(table), v[end.at - 1], end.next, lm, gain + shown - BOUND_SLACK);
}

type PairList = ReadonlyArray<readonly [number, string]>;

const pairLists = new WeakMap<DbcsTable, { lostAlone?: PairList; every?: PairList }>();

/** The characters a lone lost lead can leave a mark for: those whose trail is 0x81 or above ([trail, character]), one list per table. */
function lostAloneOf(table: DbcsTable): PairList {
  return pairsOf(table, 'lostAlone');
}

/** Every character of the table ([code, character]): what a character lost by any process may have been. */
function everyCharacterOf(table: DbcsTable): PairList {
  return pairsOf(table, 'every');
}

function pairsOf(table: DbcsTable, which: 'lostAlone' | 'every'): PairList {
  let lists = pairLists.get(table);
  if (!lists) pairLists.set(table, (lists = {}));
  let list = lists[which];
  if (!list) {
    const all: Array<readonly [number, string]> = [];
    // Pair by pair (decodePair), not through trailsOf: that would keep a list of every lead's
    // characters for these lists.
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let t = which === 'lostAlone' ? 0x81 : 0x40; t <= 0xfe; t++) {
        const ch = t === 0x7f ? undefined : table.decodePair(lead, t);
        if (ch !== undefined) all.push([which === 'lostAlone' ? t : (lead << 8) | t, ch]);
      }
    }
    lists[which] = list = all;
  }
  return list;
}
