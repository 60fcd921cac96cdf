/**
 * Node's globals that the bundled code still names, for the browser bundle (scripts/build.mjs
 * injects this module: every bare `Buffer` in the bundle becomes this import). iconv-lite builds
 * its output in Buffers, and the core hands it Buffers; the `buffer` package is the browser's
 * Buffer, the one bundlers have used for a decade.
 */
export { Buffer } from 'buffer';
