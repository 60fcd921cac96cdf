/**
 * A character trie over UTF-16 code units, stored in typed arrays so that scanning a megabyte of
 * text allocates nothing: no substring per position, no string per character.
 *
 * Layout: node 0 is the root; its children are found through a 65,536-entry table (one lookup per
 * character, which is what a scan does most), or, for a trie of a few words (the names of one
 * document), through a small hash table, so that building one costs no 256 KB table. Every other node keeps its children as a run of
 * (code, child) pairs sorted by code, searched by bisection. `wordEnd[node]` is 1 where a word ends.
 *
 * A trie is built either forward (words as written: "what word starts here?") or backward (words
 * reversed: "what word ends here?", for walking left from an organization suffix).
 */
/** Children of the root up to which they are found through a small hash table. */
const SMALL_ROOT = 64;

function rootSlot(code: number, mask: number): number {
  return (Math.imul(code, 0x9e3779b1) >>> 16) & mask;
}

export class CharTrie {
  /** The root's child by code (65,536 entries), or, when rootCodes is set, by slot of a small hash table. */
  private readonly rootChild: Int32Array;
  private readonly rootCodes: Uint16Array | undefined;
  private readonly rootMask: number;
  private readonly firstEdge: Int32Array;
  private readonly edgeCount: Int32Array;
  private readonly edgeCode: Uint16Array;
  private readonly edgeChild: Int32Array;
  private readonly wordEnd: Uint8Array;
  readonly size: number;

  constructor(words: Iterable<string>, readonly backward = false) {
    // Build with plain maps first, then flatten breadth-first into the arrays.
    const children: Array<Map<number, number>> = [new Map()];
    const ends: number[] = [0];
    let size = 0;
    for (const word of words) {
      if (word.length === 0) continue;
      let node = 0;
      for (let k = 0; k < word.length; k++) {
        const code = word.charCodeAt(backward ? word.length - 1 - k : k);
        let next = children[node].get(code);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          ends.push(0);
          children[node].set(code, next);
        }
        node = next;
      }
      if (!ends[node]) size++;
      ends[node] = 1;
    }
    const nodes = children.length;
    this.size = size;
    const rootCount = children[0].size;
    if (rootCount > SMALL_ROOT) {
      this.rootChild = new Int32Array(0x10000);
      this.rootCodes = undefined;
      this.rootMask = 0;
      for (const [code, child] of children[0]) this.rootChild[code] = child;
    } else {
      let slots = 4;
      while (slots < rootCount * 2) slots <<= 1;
      this.rootMask = slots - 1;
      this.rootChild = new Int32Array(slots);
      this.rootCodes = new Uint16Array(slots);
      for (const [code, child] of children[0]) {
        let slot = rootSlot(code, this.rootMask);
        while (this.rootChild[slot] !== 0) slot = (slot + 1) & this.rootMask;
        this.rootChild[slot] = child;
        this.rootCodes[slot] = code;
      }
    }
    this.firstEdge = new Int32Array(nodes);
    this.edgeCount = new Int32Array(nodes);
    this.edgeCode = new Uint16Array(nodes);
    this.edgeChild = new Int32Array(nodes);
    this.wordEnd = Uint8Array.from(ends);
    let edge = 0;
    for (let node = 1; node < nodes; node++) {
      const sorted = [...children[node]].sort((a, b) => a[0] - b[0]);
      this.firstEdge[node] = edge;
      this.edgeCount[node] = sorted.length;
      for (const [code, child] of sorted) {
        this.edgeCode[edge] = code;
        this.edgeChild[edge] = child;
        edge++;
      }
    }
  }

  /** The child of `node` along `code`, or 0. */
  private step(node: number, code: number): number {
    if (node === 0) return this.rootStep(code);
    let lo = this.firstEdge[node];
    let hi = lo + this.edgeCount[node] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.edgeCode[mid];
      if (c === code) return this.edgeChild[mid];
      if (c < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** True when some word starts (forward trie) or ends (backward trie) with this code unit. */
  hasFirst(code: number): boolean {
    return this.rootStep(code) !== 0;
  }

  private rootStep(code: number): number {
    const codes = this.rootCodes;
    if (codes === undefined) return this.rootChild[code];
    for (let slot = rootSlot(code, this.rootMask); ; slot = (slot + 1) & this.rootMask) {
      const child = this.rootChild[slot];
      if (child === 0 || codes[slot] === code) return child;
    }
  }

  /**
   * Forward trie: the length of the longest word starting at `start`, at least `minLength` long, or 0.
   * Backward trie: the length of the longest word ending at `start` (exclusive end), or 0.
   */
  longest(text: string, start: number, minLength = 1): number {
    let node = 0;
    let best = 0;
    if (this.backward) {
      for (let i = start - 1; i >= 0; i--) {
        node = this.step(node, text.charCodeAt(i));
        if (node === 0) break;
        if (this.wordEnd[node] && start - i >= minLength) best = start - i;
      }
    } else {
      for (let i = start; i < text.length; i++) {
        node = this.step(node, text.charCodeAt(i));
        if (node === 0) break;
        if (this.wordEnd[node] && i + 1 - start >= minLength) best = i + 1 - start;
      }
    }
    return best;
  }

  /** Whether `text.slice(start, end)` is a word (forward trie only). */
  has(text: string, start: number, end: number): boolean {
    let node = 0;
    for (let i = start; i < end; i++) {
      node = this.step(node, text.charCodeAt(i));
      if (node === 0) return false;
    }
    return end > start && this.wordEnd[node] === 1;
  }
}
