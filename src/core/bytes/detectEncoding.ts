import type { ByteDetection } from '../types';

/** Decide how a file's bytes are encoded. (Placeholder: UTF-8 only, until the detector lands.) */
export function detectEncoding(bytes: Uint8Array): ByteDetection {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { binary: false, encoding: 'utf-8', bom: false, confidence: 0, text, undecodable: 0 };
}
