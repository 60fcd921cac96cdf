/**
 * Tables by 32-bit key for the organization tagger (orgTagger.ts): a bit filter before them, so
 * that a key the model lacks mostly costs no probe, and an open-addressing index of entries.
 */
/** Bits of the filters of the tables by key: 2^18 bits, 32 KB, which stay in the processor's cache. */
export const FILTER_BITS = 1 << 18;
const filterSlot = (key: number) => Math.imul(key, 0x85ebca6b) >>> 14;
export function setBit(filter: Int32Array, key: number): void {
  const b = filterSlot(key);
  filter[b >>> 5] |= 1 << (b & 31);
}
export function hasBit(filter: Int32Array, key: number): boolean {
  const b = filterSlot(key);
  return (filter[b >>> 5] & (1 << (b & 31))) !== 0;
}

/**
 * Entries by 32-bit key (a character pair, a word's hash): open addressing over 2 words a slot,
 * the key and the entry's index + 1 (0: empty), so that the probes walk a compact array and the
 * rows sit apart, dense.
 */
export class KeyIndex {
  readonly slots: Int32Array;
  readonly mask: number;
  /** One bit per filterSlot of a key: clear where no key is, so most absent keys cost no probe of the slots. */
  readonly filter = new Int32Array(FILTER_BITS >>> 5);

  constructor(keys: Uint32Array) {
    for (const key of keys) setBit(this.filter, key | 0);
    let size = 2;
    while (size < keys.length * 2) size <<= 1;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    keys.forEach((key, entry) => {
      let slot = this.first(key | 0);
      while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = key | 0;
      this.slots[slot * 2 + 1] = entry + 1;
    });
  }

  first(key: number): number {
    return (Math.imul(key, 0x9e3779b1) >>> 12) & this.mask;
  }

  /** The entry of `key`, or −1. */
  find(key: number): number {
    if (!hasBit(this.filter, key)) return -1;
    const slots = this.slots;
    let slot = this.first(key);
    for (;;) {
      const entry = slots[slot * 2 + 1];
      if (entry === 0) return -1;
      if (slots[slot * 2] === key) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
  }
}
