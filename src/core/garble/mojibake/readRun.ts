import { HOLE, decodeUtf8WithHoles } from '../../codec/utf8WithHoles';
import type { CharLanguageModel } from '../../model/charLanguageModel';
import { DROPPED_PAIR } from './gatherRuns';
import { readWithLostBytes } from './lostBytes';
import { readWithDroppedBytes } from './droppedBytes';
import { guessPrior } from './guessPrior';
import type { MojibakeSpec, Unit } from './mojibakeSpec';

/**
 * Reading a gathered run back: its code-page bytes decoded as UTF-8, with the bytes the code page
 * lost (holes) or a strict decoder dropped filled in by the character model; or, for GBK bytes
 * read as Latin-1, decoded with the alternate code pages. Whether the reading is better than the
 * run is judgeReading.ts's question.
 */

/** Holes allowed per run (the byte lost at its end); text with more lost bytes is flagged, not guessed. */
const MAX_HOLES = 1;

/** The text a run reads back as, and the plan that gets there; undefined when it reads back as nothing. */
export interface Reading {
  text: string;
  plan: string[];
  /** Characters stayed lost (U+FFFD in the text). */
  lossy?: boolean;
  /** The text with guesses too weak to write, what the run is judged by when set (lostBytes.ts). */
  likely?: string;
}

export function readRun(units: Unit[], spec: MojibakeSpec, lm: CharLanguageModel, prev: string, next: string): Reading | undefined {
  const bytes: number[] = [];
  let holes = 0;
  for (const u of units) {
    if (u.bytes) for (const b of u.bytes) bytes.push(b);
    else {
      holes++;
      for (let k = 0; k < spec.holeBytes; k++) bytes.push(HOLE);
    }
  }
  if (holes > 0 && spec.lostByteCandidates && !units.some((u) => u.bytes === DROPPED_PAIR)) {
    const lostBytes = { codecName: spec.codec.name, holeBytes: spec.holeBytes, lostByteCandidates: spec.lostByteCandidates, lostPair: spec.lostPair, pairUnlessAscii: spec.pairUnlessAscii, unitsPerLost: spec.unitsPerLost, maxReadings: spec.maxReadings };
    return readWithLostBytes(units.map((u) => u.bytes), lostBytes, guessModel(spec, lm, bytes), prev, next);
  }
  if (holes > MAX_HOLES) return undefined;
  const utf8 = decodeUtf8WithHoles(bytes, lm, prev);
  if (utf8 && !utf8.text.includes('\ufffd')) {
    const plan = [`encode ${spec.codec.name}`, 'decode utf-8'];
    // The filled bytes come in byte order: a hole's, then a dropped pair's two, as the units hold them.
    const lost: string[] = [];
    const pairs: string[] = [];
    let k = 0;
    for (const u of units) {
      if (u.bytes === DROPPED_PAIR) {
        pairs.push(`${utf8.filled[k]} ${utf8.filled[k + 1]}`);
        k += 2;
      } else if (!u.bytes) {
        for (let h = 0; h < spec.holeBytes; h++) lost.push(utf8.filled[k++]);
      }
    }
    if (pairs.length) plan.splice(1, 0, `restore dropped user-defined pair${pairs.length > 1 ? 's' : ''} ${pairs.join(', ')}`);
    if (lost.length) plan.splice(1, 0, `restore lost byte${lost.length > 1 ? 's' : ''} ${lost.join(', ')}`);
    return { text: utf8.text, plan };
  }
  if (holes === 0 && spec.droppedBytes && spec.lostByteCandidates) {
    // Each short sequence read with every place and byte the code page could have dropped; a
    // run that is not UTF-8 with dropped bytes goes on to the alternate code pages.
    const dropped = readWithDroppedBytes(bytes, spec.lostByteCandidates(undefined), spec.codec.name, guessModel(spec, lm, bytes), prev, next);
    if (dropped) return dropped;
  }
  if (holes > 0) return undefined;
  return bestAlternate(bytes, spec, lm)?.r;
}

/** The run's bytes read with the alternate code page the character model likes best. */
function bestAlternate(bytes: readonly number[], spec: MojibakeSpec, lm: CharLanguageModel): { r: Reading; score: number } | undefined {
  let best: { r: Reading; score: number } | undefined;
  for (const alt of spec.alternates ?? []) {
    const text = alt.decode(bytes);
    if (!text) continue;
    const score = lm.perChar(text);
    if (!best || score > best.score) best = { r: { text, plan: [`encode ${spec.codec.name}`, `decode ${alt.name}`] }, score };
  }
  return best;
}

const lenientUtf8 = new TextDecoder('utf-8');

/**
 * The model lost characters are guessed with: what the run's whole sequences say joins it
 * (guessPrior.ts). Not for Big5: its lattice keeps the pieces it has read per model, and a model
 * per run gained 0.2 points of CER on the tuning part for four times the time.
 */
function guessModel(spec: MojibakeSpec, lm: CharLanguageModel, bytes: readonly number[]): CharLanguageModel {
  if (spec.codec.name === 'big5') return lm;
  return guessPrior(lm, lenientUtf8.decode(new Uint8Array(bytes.filter((b) => b >= 0))));
}
