import type { FileAnalysis } from '../../core';

/**
 * A file in another language's legacy encoding (Shift_JIS, EUC-KR, Windows-1250…) that the editor
 * decoded as UTF-8. zhlens neither repairs nor converts such a file; it says what the bytes are and
 * offers VS Code's own reopening in that encoding.
 */
export interface OtherEncoding {
  /** The encoding's WHATWG name, as the core reports it (`shift_jis`, `windows-1251`…). */
  name: string;
  /** The id VS Code opens it by (`shiftjis`, `windows1251`…); none where VS Code has no such encoding. */
  editorEncoding?: string;
}

/** VS Code's encoding ids (`files.encoding`) for the WHATWG names the core weighs where they differ by more than punctuation. */
const EDITOR_IDS: Record<string, string | undefined> = {
  ibm866: 'cp866',
  macintosh: 'macroman',
  'iso-8859-8': 'iso88598',
  'x-mac-cyrillic': undefined,
  cp855: undefined,
};

/** Encodings VS Code opens whose id is the WHATWG name without punctuation. */
const PLAIN_IDS = new Set([
  'shiftjis', 'eucjp', 'euckr', 'koi8r', 'koi8u', 'windows874',
  'windows1250', 'windows1251', 'windows1252', 'windows1253', 'windows1254', 'windows1255', 'windows1256', 'windows1257', 'windows1258',
  'iso88592', 'iso88593', 'iso88594', 'iso88595', 'iso88596', 'iso88597', 'iso885910', 'iso885913', 'iso885914', 'iso885915', 'iso885916',
  'cp852', 'cp850',
]);

export function editorEncodingOf(name: string): string | undefined {
  if (name in EDITOR_IDS) return EDITOR_IDS[name];
  const plain = name.replace(/[-_]/g, '');
  return PLAIN_IDS.has(plain) ? plain : undefined;
}

const LABELS: Record<string, string> = { shift_jis: 'Shift_JIS', macintosh: 'Mac Roman', 'x-mac-cyrillic': 'Mac Cyrillic', ibm866: 'IBM866' };

/** How the encoding is written for a reader: Shift_JIS, EUC-KR, Windows-1250, ISO-8859-2, KOI8-R, CP852. */
export function otherEncodingLabel(name: string): string {
  if (LABELS[name]) return LABELS[name];
  return name.replace(/^windows-/, 'Windows-').replace(/^(?!Windows)[a-z0-9-]+$/, (s) => s.toUpperCase());
}

/** The other encoding of a verdict on a file's bytes, if the core found one. */
export function otherEncodingOf(verdict: FileAnalysis): OtherEncoding | undefined {
  const name = verdict.detection.otherLegacy;
  return name ? { name, editorEncoding: editorEncodingOf(name) } : undefined;
}
