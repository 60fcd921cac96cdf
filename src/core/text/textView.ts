/**
 * A text with some spans taken out, and the way back to the original offsets.
 *
 * Detectors that must see through other findings use it: misaligned GBK runs are found in the text
 * without its pinyin annotations (`規(guī)?;瘧?yīng)用` is looked at as `規?;瘧?yīng)用`).
 */
export class TextView {
  readonly text: string;
  /**
   * For each view offset i (0..text.length), the original offset of the view character at i;
   * null when nothing is taken out (the offsets are the same, and a long text is not copied).
   */
  private readonly origin: Int32Array | null;

  constructor(readonly original: string, removed: ReadonlyArray<{ start: number; end: number }>) {
    if (removed.length === 0) {
      this.text = original;
      this.origin = null;
      return;
    }
    const spans = [...removed].sort((a, b) => a.start - b.start);
    const parts: string[] = [];
    const origin = new Int32Array(original.length + 1);
    let pos = 0;
    let v = 0;
    const keep = (from: number, to: number) => {
      parts.push(original.slice(from, to));
      for (let i = from; i < to; i++) origin[v++] = i;
    };
    for (const s of spans) {
      if (s.start < pos) continue;
      keep(pos, s.start);
      pos = s.end;
    }
    keep(pos, original.length);
    origin[v] = original.length;
    this.text = parts.join('');
    this.origin = origin.subarray(0, v + 1);
  }

  /** Original offset where the view character at `i` starts (for a span start). */
  startOf(i: number): number {
    return this.origin ? this.origin[i] : i;
  }

  /** Original offset just after the view character at `i - 1` (for a span end). */
  endOf(i: number): number {
    if (!this.origin) return i;
    return i === 0 ? this.origin[0] : this.origin[i - 1] + 1;
  }
}
