/**
 * What activation took, part by part, for the editor benchmark (`zhlens.internal.timings`): wall
 * time, and the CPU time of the extension host's thread where the runtime can tell it
 * (`process.threadCpuUsage`, Node 23.9 and later; never in the browser), which other processes
 * on a loaded machine do not inflate as they do wall time.
 */
export interface ActivationTiming {
  wallMs: number;
  cpuMs?: number;
  /** Each part of activate() by name: wall ms, and thread-CPU ms where the runtime tells them. */
  parts: Record<string, number>;
  cpuParts: Record<string, number>;
}

type ThreadCpu = () => { user: number; system: number };

function threadCpuClock(): ThreadCpu | undefined {
  const p = (globalThis as { process?: { threadCpuUsage?: ThreadCpu } }).process;
  return typeof p?.threadCpuUsage === 'function' ? () => p.threadCpuUsage!() : undefined;
}

/** The thread's CPU milliseconds so far, if the runtime can tell them. */
export function threadCpuMs(): number | undefined {
  const usage = threadCpuClock()?.();
  return usage && (usage.user + usage.system) / 1000;
}

export class ActivationTimer {
  private readonly started = performance.now();
  private readonly startedCpu = threadCpuMs();
  private last = this.started;
  private lastCpu = this.startedCpu;
  private readonly parts: Record<string, number> = {};
  private readonly cpuParts: Record<string, number> = {};

  /** The part named `what` ended now (it began where the part before it ended). */
  part(what: string): void {
    const now = performance.now();
    const cpu = threadCpuMs();
    this.parts[what] = now - this.last;
    if (cpu !== undefined && this.lastCpu !== undefined) this.cpuParts[what] = cpu - this.lastCpu;
    this.last = now;
    this.lastCpu = cpu;
  }

  done(): ActivationTiming {
    const cpu = threadCpuMs();
    return {
      wallMs: performance.now() - this.started,
      cpuMs: cpu === undefined || this.startedCpu === undefined ? undefined : cpu - this.startedCpu,
      parts: this.parts,
      cpuParts: this.cpuParts,
    };
  }
}
