/**
 * A character trie over UTF-16 code units, stored in typed arrays so that scanning a megabyte of
 * text allocates nothing: no substring per position, no string per character.
 *
 * Layout: node 0 is the root. Every node keeps its children as a run of (code, child) pairs sorted
 * by code, searched by bisection, or, with HASHED_EDGES children or more, as a small hash table of
 * its own (a negative count: minus its number of slots), and one probe loop (childOf) serves every
 * node, the root of a trie of a few words (the names of one document) included, so that building
 * one costs no 256 KB table. A root of more than SMALL_ROOT children (the word lists) finds them
 * through a 65,536-entry table instead, one lookup per character, which is what a scan does most.
 * A node is two words (TrieArrays.nodes: its first edge, its count and where words end), an edge
 * two words (code, child), so that each step of a walk costs about one read of memory for the edge
 * and one for the node it leads to, not one per array. A node's word-end bits are 1 where a word
 * ends.
 *
 * A trie is built either forward (words as written: "what word starts here?") or backward (words
 * reversed: "what word ends here?", for walking left from an organization suffix).
 *
 * Several lists can share one trie (CharTrie.lists): a node's word-end bits then hold one bit per list,
 * each list's trie reads its own bit, and one walk tells the longest word of every list
 * (longestEach), which is what the tagger's features ask at every character.
 */
/** Children of the root up to which it keeps them as an edge run like any node, not in a 65,536-entry table. */
const SMALL_ROOT = 64;

/** The slot of `code` in a hashed run of `mask` + 1 slots. */
function slotOf(code: number, mask: number): number {
  return (Math.imul(code, 0x9e3779b1) >>> 16) & mask;
}

/**
 * The number of children from which a node keeps them in a small hash table of its own (a run of
 * slots twice as many, found by the code's slot) instead of a sorted run searched by bisection:
 * the nodes a walk meets first (the characters before a frequent last character) have hundreds,
 * and a bisection over them costs a mispredicted branch a probe.
 */
const HASHED_EDGES = 4;

/** The slots a node of `count` children takes in the edge arrays. */
function edgeRun(count: number): number {
  if (count < HASHED_EDGES) return count;
  let run = 4;
  while (run < count * 2) run <<= 1;
  return run;
}

/** The arrays of a built trie (below), shared by the tries of lists built together. */
class TrieArrays {
  constructor(
    /**
     * The root's child by code (65,536 entries) when it has more than SMALL_ROOT children;
     * otherwise undefined, and the root's children are an edge run like any node's.
     */
    readonly rootChild: Int32Array | undefined,
    /**
     * Two words a node: its first edge, then its edge count << 8 | its word-end bits (bit k set
     * where a word of list k ends), so that one read of memory gives a walk all it needs of a node.
     */
    readonly nodes: Int32Array,
    /** Two words an edge slot: the code, then the child (0: an empty slot of a hashed run). */
    readonly edges: Int32Array,
    /** Words of each list. */
    readonly sizes: number[],
  ) {}
}

/** Builds the arrays of a trie of up to 8 lists. */
function build(lists: ReadonlyArray<Iterable<string>>, backward: boolean): TrieArrays {
  // Build with plain maps first, then flatten breadth-first into the arrays.
  const children: Array<Map<number, number>> = [new Map()];
  const ends: number[] = [0];
  const sizes = lists.map(() => 0);
  lists.forEach((words, list) => {
    const bit = 1 << list;
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
      if (!(ends[node] & bit)) sizes[list]++;
      ends[node] |= bit;
    }
  });
  const nodes = children.length;
  let rootChild: Int32Array | undefined;
  if (children[0].size > SMALL_ROOT) {
    rootChild = new Int32Array(0x10000);
    for (const [code, child] of children[0]) rootChild[code] = child;
    children[0] = new Map();
  }
  const nodeWords = new Int32Array(nodes * 2);
  let slots = 0;
  for (let node = 0; node < nodes; node++) slots += edgeRun(children[node].size);
  const edges = new Int32Array(slots * 2);
  let edge = 0;
  for (let node = 0; node < nodes; node++) {
    const count = children[node].size;
    const run = edgeRun(count);
    nodeWords[node * 2] = edge;
    if (run === count) {
      nodeWords[node * 2 + 1] = (count << 8) | ends[node];
      for (const [code, child] of [...children[node]].sort((a, b) => a[0] - b[0])) {
        edges[edge * 2] = code;
        edges[edge * 2 + 1] = child;
        edge++;
      }
      continue;
    }
    // A run of `run` slots (a power of two), each child at its code's slot or the next free one.
    nodeWords[node * 2 + 1] = (-run << 8) | ends[node];
    for (const [code, child] of children[node]) {
      let slot = slotOf(code, run - 1);
      while (edges[(edge + slot) * 2 + 1] !== 0) slot = (slot + 1) & (run - 1);
      edges[(edge + slot) * 2] = code;
      edges[(edge + slot) * 2 + 1] = child;
    }
    edge += run;
  }
  return new TrieArrays(rootChild, nodeWords, edges, sizes);
}

export class CharTrie {
  /** TrieArrays.rootChild, .nodes and .edges. */
  private readonly rootChild: Int32Array | undefined;
  private readonly nodes: Int32Array;
  private readonly edges: Int32Array;
  readonly size: number;

  private readonly endMask: number;

  constructor(words: Iterable<string> | TrieArrays, readonly backward = false, list = 0) {
    const a = words instanceof TrieArrays ? words : build([words], backward);
    this.rootChild = a.rootChild;
    this.nodes = a.nodes;
    this.edges = a.edges;
    this.endMask = list < 0 ? 0xff : 1 << list;
    this.size = list < 0 ? a.sizes.reduce((n, x) => n + x, 0) : a.sizes[list];
  }

  /**
   * Tries of several lists built together (up to 8): one trie for each list, and last, the trie
   * of all of them, whose longestEach reads every list in one walk.
   */
  static lists(lists: ReadonlyArray<Iterable<string>>, backward = false): CharTrie[] {
    if (lists.length > 8) throw new Error('CharTrie.lists: 8 lists at most');
    const a = build(lists, backward);
    return [...lists.map((_, k) => new CharTrie(a, backward, k)), new CharTrie(a, backward, -1)];
  }

  /** The child of `node` along `code`, or 0: the root's table, else the node's edge run. */
  private step(node: number, code: number): number {
    const rootChild = this.rootChild;
    return node === 0 && rootChild !== undefined ? rootChild[code] : this.childOf(node, code);
  }

  /** The child of `node` along `code` in its edge run (the one probe loop of every node), or 0. */
  private childOf(node: number, code: number): number {
    const nodes = this.nodes, edges = this.edges;
    const count = nodes[node * 2 + 1] >> 8;
    let lo = nodes[node * 2];
    if (count < 0) {
      const mask = -count - 1;
      for (let slot = slotOf(code, mask); ; slot = (slot + 1) & mask) {
        const child = edges[(lo + slot) * 2 + 1];
        if (child === 0 || edges[(lo + slot) * 2] === code) return child;
      }
    }
    let hi = lo + count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = edges[mid * 2];
      if (c === code) return edges[mid * 2 + 1];
      if (c < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** True when some word starts (forward trie) or ends (backward trie) with this code unit. */
  hasFirst(code: number): boolean {
    return this.step(0, code) !== 0;
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
        if ((this.nodes[node * 2 + 1] & this.endMask) !== 0 && start - i >= minLength) best = start - i;
      }
    } else {
      for (let i = start; i < text.length; i++) {
        node = this.step(node, text.charCodeAt(i));
        if (node === 0) break;
        if ((this.nodes[node * 2 + 1] & this.endMask) !== 0 && i + 1 - start >= minLength) best = i + 1 - start;
      }
    }
    return best;
  }

  /**
   * Backward trie of lists built together: `out[k]` = the length of the longest word of list k
   * ending at `start` (exclusive end), capped at 255, or 0. False, and `out` left as it was, when
   * no word ends with text[start − 1] (hasFirst), so that a scan asks the root once per character.
   */
  longestEach(text: string, start: number, out: Uint8Array): boolean {
    if (start <= 0) return false;
    let node = this.step(0, text.charCodeAt(start - 1));
    if (node === 0) return false;
    // A loop, not out.fill(0): `out` holds a few values, and a call costs more than the stores.
    for (let k = 0; k < out.length; k++) out[k] = 0;
    const nodes = this.nodes;
    for (let i = start - 1; ; ) {
      let bits = nodes[node * 2 + 1] & 0xff;
      const length = start - i > 255 ? 255 : start - i;
      for (let k = 0; bits !== 0; k++, bits >>= 1) if (bits & 1) out[k] = length;
      if (--i < 0) break;
      node = this.childOf(node, text.charCodeAt(i));
      if (node === 0) break;
    }
    return true;
  }

  /** Whether `text.slice(start, end)` is a word (a forward trie walks it forward, a backward one backward). */
  has(text: string, start: number, end: number): boolean {
    let node = 0;
    for (let k = 0; k < end - start; k++) {
      node = this.step(node, text.charCodeAt(this.backward ? end - 1 - k : start + k));
      if (node === 0) return false;
    }
    return end > start && (this.nodes[node * 2 + 1] & this.endMask) !== 0;
  }
}
