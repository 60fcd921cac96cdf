/**
 * Where analyzeText's time goes (`--steps`): the analysis of one workload run again a few times
 * after its timed runs, with the pipeline telling each step's end (AnalyzeOptions.onStep: the
 * pre-scan, each detector that had something to look at, the deliberate-garbling filter). Each
 * step's CPU time is the process's CPU time since the step before; the median over the runs. A
 * detector's time includes the merge of the findings before it with those kept so far.
 */
import { analyzeText } from '../src/core';
import { cpuNow, median } from './timing';

export interface StepFigures {
  workload: string;
  size: string;
  /** Median CPU ms of the whole call, and of each step, in the order the steps ran. */
  totalMs: number;
  steps: Array<{ step: string; cpuMs: number }>;
}

/** `runs` analyses of `text` (warm: the bench has timed it before), each step's CPU ms. */
export function analysisSteps(text: string, workload: string, size: string, runs: number): StepFigures {
  const perStep = new Map<string, number[]>();
  const totals: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = cpuNow();
    let last = start;
    analyzeText(text, {
      onStep: (step) => {
        const now = cpuNow();
        const list = perStep.get(step) ?? [];
        list.push(now - last);
        perStep.set(step, list);
        last = now;
      },
    });
    totals.push(cpuNow() - start);
  }
  return { workload, size, totalMs: median(totals), steps: [...perStep].map(([step, ms]) => ({ step, cpuMs: median(ms) })) };
}

export function printSteps(figures: readonly StepFigures[]): void {
  if (!figures.length) return;
  console.log('\nWhere analyzeText goes (CPU ms, median of the runs after the timed ones; share of the call)');
  for (const f of figures) {
    const parts = f.steps
      .filter((s) => s.cpuMs >= 0.05 * f.totalMs || s.cpuMs >= 1)
      .sort((a, b) => b.cpuMs - a.cpuMs)
      .map((s) => `${s.step} ${s.cpuMs.toFixed(s.cpuMs < 10 ? 2 : 0)} (${Math.round((100 * s.cpuMs) / f.totalMs)} %)`);
    console.log(`  ${f.workload} ${f.size}: ${f.totalMs.toFixed(f.totalMs < 10 ? 2 : 0)} ms = ${parts.join(', ')}`);
  }
}
