import { setFlagsFromString } from 'node:v8';

/**
 * How the command line's heap grows. V8 sizes its heap for throughput: the young generation grows
 * to two 16 MB semi-spaces, and after each full collection the old generation may grow to up to
 * four times what survived. Repairing a 10 MB file piece by piece keeps about 20 MB alive, but
 * with those defaults the process peaked at 200–250 MB resident, most of it garbage not yet
 * collected. Both factors are read by V8 at each collection, so they can be set here, at start,
 * without a flag the user must pass: the young generation stays at its first size (a scavenge
 * then costs less, and what survives it is soon collected in the old generation) and the old
 * generation grows by 70 % of what survived. Measured on 10 MB repairs (docs/performance.md,
 * 6 December), with the old generation at first let grow by 100 %: peak 200–250 → 100–130 MB,
 * the same CPU time within the machine's noise, the same output. What stays live while a piece
 * is analysed is about 35 MB (the detectors' tables and caches), so the heap's growth past it is
 * most of what the command adds to Node's own 64 MB: at 100 % the misaligned GBK repair of 10 MB
 * peaked at 150–152 MB, at 70 % 142–145 MB (same CPU time within the noise; 50 % cost about 9 %
 * CPU in an earlier measurement).
 */
export function boundHeapGrowth(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=70');
}
