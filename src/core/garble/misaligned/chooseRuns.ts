import { CHANNEL_LOG_PRIOR, NEIGHBOURHOOD, weighRepair } from '../../decision';
import type { CharLanguageModel } from '../../model/charLanguageModel';
import { genreAgrees } from './genreCheck';
import type { Candidate, SilentRun } from './silentGuesses';

/**
 * The runs kept among those found (silentRuns.ts), best first, the runs found from a mark
 * (`rivals`, already judged) among them: a run must not overlap one taken before it, and must
 * make the text more itself, by the model of the kind of text it is (genreCheck.ts). A rival that loses its place to a better reading comes back in
 * `beaten`.
 */
export function chooseRuns(v: string, found: Candidate[], rivals: ReadonlyArray<{ start: number; end: number; gain: number }>, lm: CharLanguageModel): { runs: SilentRun[]; beaten: ReadonlySet<number> } {
  const runs: SilentRun[] = [];
  // The spans taken, in text order: they never overlap, so their ends are in order too, and the
  // one that starts last before `b` is the only one that can reach past `a`.
  const kept: Array<{ start: number; end: number }> = [];
  const beaten = new Set<number>();
  const before = (b: number) => {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid].start < b) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const free = (a: number, b: number) => {
    const i = before(b);
    return i === 0 || kept[i - 1].end <= a;
  };
  const take = (t: { start: number; end: number }) => kept.splice(before(t.start), 0, t);
  const all: Array<{ gain: number; rival?: number; f?: Candidate }> = [...found.map((f) => ({ gain: f.gain, f })), ...rivals.map((r, i) => ({ gain: r.gain, rival: i }))];
  for (const x of all.sort((a, b) => b.gain - a.gain)) {
    if (x.rival !== undefined) {
      const r = rivals[x.rival];
      if (free(r.start, r.end)) take(r);
      else beaten.add(x.rival);
      continue;
    }
    const f = x.f!;
    const { start, end } = f.run;
    if (!free(start, end)) continue;
    const weight = weighRepair({ before: v.slice(Math.max(0, start - NEIGHBOURHOOD), start), original: v.slice(start, end), reading: f.reading, after: v.slice(end, end + NEIGHBOURHOOD) }, CHANNEL_LOG_PRIOR + f.prior + (f.evidence ?? 0));
    if (!weight.accept) continue;
    if (!genreAgrees(v, start, end, f.reading, f.prior, lm)) continue;
    runs.push(f.run);
    take(f.run);
  }
  return { runs: runs.sort((a, b) => a.start - b.start), beaten };
}
