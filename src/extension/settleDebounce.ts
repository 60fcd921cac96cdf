/**
 * One debounce for every feature (documentState.ts): requests for a key (a document) wait until
 * the key has been quiet for the delay of the latest request, and then fire once with every
 * reason asked for meanwhile. No editor here, so it is unit-tested on its own.
 */
export class SettleDebounce<R> {
  private readonly pending = new Map<string, { timer: ReturnType<typeof setTimeout>; reasons: Set<R> }>();

  constructor(private readonly fire: (key: string, reasons: ReadonlySet<R>) => void) {}

  /** Ask for `key` to settle after `delayMs` of quiet, for `reason`. */
  schedule(key: string, reason: R, delayMs: number): void {
    const earlier = this.pending.get(key);
    clearTimeout(earlier?.timer);
    const reasons = earlier?.reasons ?? new Set<R>();
    reasons.add(reason);
    const timer = setTimeout(() => {
      this.pending.delete(key);
      this.fire(key, reasons);
    }, delayMs);
    this.pending.set(key, { timer, reasons });
  }

  /** Forget what is pending for `key` (its document closed). */
  cancel(key: string): void {
    clearTimeout(this.pending.get(key)?.timer);
    this.pending.delete(key);
  }

  dispose(): void {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
  }
}
