import { CHANNEL_LOG_PRIOR, NEIGHBOURHOOD, weighRepair } from '../../decision';
import type { CharLanguageModel } from '../../model/charLanguageModel';
import { genreAgrees } from './genreCheck';
import { DisjointSpans } from '../../text/spanOverlap';
import type { Candidate, SilentRun } from './silentGuesses';
import { searchProbe } from './probes';

/**
 * The runs kept among those found (silentRuns.ts), best first, the runs found from a mark
 * (`rivals`, already judged) among them: a run must not overlap one taken before it, and must
 * make the text more itself, by the model of the kind of text it is (genreCheck.ts). A rival that
 * loses its place to a better reading comes back in `beaten`; `gains` are those of the runs and
 * rivals kept (documentRate.ts reads them), `kept` their spans, with those of `taken` (spans kept
 * before, which the runs must not overlap either). Each run kept is told `kept` (keptAmong), which
 * its guesses' line fit leaves out when it is read (after the choice, by then every run's span).
 */
export function chooseRuns(v: string, found: Candidate[], rivals: ReadonlyArray<{ start: number; end: number; gain: number }>, lm: CharLanguageModel, taken = new DisjointSpans()): { runs: SilentRun[]; beaten: ReadonlySet<number>; gains: number[]; kept: DisjointSpans } {
  const runs: SilentRun[] = [];
  const gains: number[] = [];
  const kept = taken;
  const beaten = new Set<number>();
  const all: Array<{ gain: number; rival?: number; f?: Candidate }> = [...found.map((f) => ({ gain: f.gain, f })), ...rivals.map((r, i) => ({ gain: r.gain, rival: i }))];
  for (const x of all.sort((a, b) => b.gain - a.gain)) {
    if (x.rival !== undefined) {
      const r = rivals[x.rival];
      if (kept.free(r)) {
        kept.take(r);
        gains.push(r.gain);
      } else beaten.add(x.rival);
      continue;
    }
    const f = x.f!;
    const { start, end } = f.run;
    const probe = searchProbe();
    if (!kept.free(f.run)) {
      probe.refuse?.(start, end, 'overlap');
      continue;
    }
    const weight = weighRepair({ before: v.slice(Math.max(0, start - NEIGHBOURHOOD), start), original: v.slice(start, end), reading: f.reading, after: v.slice(end, end + NEIGHBOURHOOD) }, CHANNEL_LOG_PRIOR + f.prior + (f.evidence ?? 0));
    if (!weight.accept) {
      probe.refuse?.(start, end, 'weighRepair', weight.margin);
      continue;
    }
    if (!genreAgrees(v, start, end, f.reading, f.prior, lm)) {
      probe.refuse?.(start, end, 'genreCheck');
      continue;
    }
    runs.push(f.run);
    gains.push(f.gain);
    kept.take(f.run);
    f.run.keptAmong?.(kept);
  }
  return { runs: runs.sort((a, b) => a.start - b.start), beaten, gains, kept };
}

/**
 * The runs of a second pass (documentRate.ts: `more`, weighed at the document's rate) added to
 * those `first` kept: each must overlap none of them nor a rival kept, and is chosen among the rest
 * as chooseRuns chooses, so what the first pass judged is not judged again. `first.kept` takes the
 * second pass's spans too.
 */
export function chooseMore(v: string, first: ReturnType<typeof chooseRuns>, more: Candidate[], lm: CharLanguageModel): ReturnType<typeof chooseRuns> {
  const second = chooseRuns(v, more, [], lm, first.kept);
  return { runs: [...first.runs, ...second.runs].sort((a, b) => a.start - b.start), beaten: first.beaten, gains: [...first.gains, ...second.gains], kept: second.kept };
}
