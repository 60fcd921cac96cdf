/**
 * The best `size` items offered, by score, ties kept in the order they were offered: exactly what
 * a stable sort of everything offered followed by a cut would keep, without sorting (or building)
 * what cannot make it. A heap with the worst kept item at its root.
 */
export class BestOf<T> {
  private readonly items: T[] = [];
  private readonly scores: number[] = [];
  private readonly orders: number[] = [];
  private offered = 0;

  constructor(private readonly size: number) {}

  get length(): number {
    return this.items.length;
  }

  /** The score a new item has to beat (a tie loses: it was offered later). */
  get floor(): number {
    return this.items.length === this.size ? this.scores[0] : -Infinity;
  }

  admits(score: number): boolean {
    return score > this.floor;
  }

  add(score: number, item: T): void {
    const order = this.offered++;
    if (this.items.length < this.size) {
      this.items.push(item);
      this.scores.push(score);
      this.orders.push(order);
      this.siftUp(this.items.length - 1);
    } else if (score > this.scores[0]) {
      this.items[0] = item;
      this.scores[0] = score;
      this.orders[0] = order;
      this.siftDown(0);
    }
  }

  /** The kept items, best first. */
  sorted(): T[] {
    const idx = this.items.map((_, i) => i);
    idx.sort((a, b) => this.scores[b] - this.scores[a] || this.orders[a] - this.orders[b]);
    return idx.map((i) => this.items[i]);
  }

  /** Item a is worse than item b: lower score, or the same score offered later. */
  private worse(a: number, b: number): boolean {
    const sa = this.scores[a];
    const sb = this.scores[b];
    return sa < sb || (sa === sb && this.orders[a] > this.orders[b]);
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < n && this.worse(l, worst)) worst = l;
      if (r < n && this.worse(r, worst)) worst = r;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(a: number, b: number): void {
    const item = this.items[a];
    this.items[a] = this.items[b];
    this.items[b] = item;
    const score = this.scores[a];
    this.scores[a] = this.scores[b];
    this.scores[b] = score;
    const order = this.orders[a];
    this.orders[a] = this.orders[b];
    this.orders[b] = order;
  }
}
