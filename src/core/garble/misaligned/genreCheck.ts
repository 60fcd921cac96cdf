import type { CharLanguageModel } from '../../model/charLanguageModel';
import { firstCodePoint, lastCodePoint } from '../../text/chars';
import { FIT_CHARS, lineModel } from './wordGuesses';

/**
 * The text as it stands is scored by the model of the kind of text it is. The character model
 * knows modern running text, so a line of classical verse (`啄虾矫翮`) reads poorly by it and a
 * run of common modern characters read out of its bytes (`南航敏`) can seem to explain it better.
 * Where the line reads better by the classical model (wordGuesses.ts, lineModel), a run found by
 * the character model must also gain by the classical one: its reading against the text as shown,
 * with one character of context each side, the run's channel price included. Lines the character
 * model reads well (modern text) are not looked at again.
 */
export function genreAgrees(v: string, start: number, end: number, reading: string, prior: number, lm: CharLanguageModel): boolean {
  const before = v.slice(Math.max(0, start - FIT_CHARS * 2), start);
  const shown = v.slice(start, end);
  const after = v.slice(end, end + FIT_CHARS * 2);
  const line = lineModel(lm, before, shown, after);
  if (line.model === lm) return true;
  const b = lastCodePoint(before);
  const a = firstCodePoint(after);
  const gain = line.model.score(b + reading + a) - line.model.score(b + shown + a);
  return gain + prior > 0;
}
