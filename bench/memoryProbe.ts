/**
 * One operation on one workload file in a fresh process, for its memory peak:
 *
 *   node --expose-gc out/bench/memoryProbe.js OPERATION FILE
 *
 * The input is read (as bytes or as a UTF-8 string, as the operation takes it) and a full GC
 * run; the process's resident-set high-water mark at that point is the baseline (Node, the
 * bundle and the input). The operation then runs once, the first call in the process, so its
 * lazily built tables (the character model, the lexicons) are counted, as they would be for the
 * first file an editor opens. Prints JSON: the baseline and the peak, in KB
 * (process.resourceUsage().maxRSS).
 */
import { readFileSync } from 'node:fs';
import { OPERATIONS, type OperationName } from './operations';

const [name, file] = process.argv.slice(2) as [OperationName, string];
const op = OPERATIONS[name];
if (!op) throw new Error(`unknown operation ${name}`);
const raw = readFileSync(file);
const input = op.input === 'bytes' ? new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength) : raw.toString('utf8');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
gc();
const baselineKb = process.resourceUsage().maxRSS;
const heapBefore = process.memoryUsage().heapUsed;
const result = op.run(input);
const peakKb = process.resourceUsage().maxRSS;
// The result is kept alive to here so that the heap figure includes it.
const heapAfterKb = Math.round((process.memoryUsage().heapUsed - heapBefore) / 1024);
void result;
process.stdout.write(JSON.stringify({ baselineKb, peakKb, heapAfterKb }) + '\n');
