import type { FileDetector } from '../pipeline/garbleDetector';

/**
 * A file in a legacy encoding (GB18030, Big5, UTF-16): any editor that assumes UTF-8 shows it as
 * 乱码. Judged on the bytes (bytes/detectEncoding.ts); the finding covers the whole file, and the
 * text detectors then look at the correctly decoded text. Repaired from the bytes, never from a
 * wrong decoding of them.
 */
export const wrongEncodingDetector: FileDetector = {
  level: 'file',
  kind: 'wrong-encoding',
  looksFor: 'a file in GB18030, Big5 or UTF-16 that editors open as UTF-8',
  plan: 'decode the bytes in their encoding → encode utf-8',
  noun: ['file in a legacy encoding', 'files in a legacy encoding'],
  find: (detection, textLength) =>
    detection.encoding === 'utf-8'
      ? []
      : [{ kind: 'wrong-encoding', start: 0, end: textLength, confidence: detection.confidence, plan: [`decode ${detection.encoding}`, 'encode utf-8'] }],
};
