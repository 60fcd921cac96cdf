import { defaultDataHost } from '../../host/defaultDataHost';

/**
 * The data files of data/ (word lists, the character model, tables), read when first needed.
 *
 * The core reads no file itself: a host hands it the bytes. On Node (the CLI, the extension on
 * the desktop, the tests, the bench) that is src/host/defaultDataHost.ts, which reads data/ from
 * the package; a browser build (vscode.dev) replaces that module with one that hands in bytes it
 * fetched, or calls `setDataHost` before the first analysis. Every caller gets the same bytes the
 * same way, so what the tests check is what the bundle runs.
 */
export interface DataHost {
  /** The bytes of `name`, a path relative to data/ (`annotate/properWords.txt`). */
  read(name: string): Uint8Array;
}

let host: DataHost | undefined;
const cache = new Map<string, Uint8Array>();

/** Use `next` for every data file read from now on (files read already stay as they were read). */
export function setDataHost(next: DataHost): void {
  host = next;
}

/** The bytes of one data file, read once. */
export function dataBytes(name: string): Uint8Array {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = (host ??= defaultDataHost()).read(name);
    cache.set(name, bytes);
  }
  return bytes;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A UTF-8 text file, without its final line end. */
export function dataText(name: string): string {
  const text = utf8.decode(dataBytes(name));
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** A word list: UTF-8, one entry a line (data/annotate/*.txt). */
export function dataLines(name: string): string[] {
  return dataText(name).split('\n');
}

/** A table of 32-bit values, little-endian (data/codec/*.u32). */
export function dataUint32(name: string): Uint32Array {
  const bytes = dataBytes(name);
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >> 2);
}

/** A table of 16-bit values, little-endian (data/annotate/traditionalFold.u16). */
export function dataUint16(name: string): Uint16Array {
  const bytes = dataBytes(name);
  // Typed-array views need aligned offsets; a Buffer from a file read may start anywhere in its pool.
  const aligned = bytes.byteOffset % 2 === 0 ? bytes : bytes.slice();
  return new Uint16Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >> 1);
}
