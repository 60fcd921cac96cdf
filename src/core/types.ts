/**
 * Shared vocabulary of the zhlens core. Nothing here imports `vscode`: the editor, the CLI and
 * the tests all speak in these terms.
 */

/** The kinds of garbling zhlens knows, named as in the CLI output and the editor's diagnostics. */
export type GarbleKind =
  | 'wrong-encoding'
  | 'replacement-char'
  | 'mojibake-gbk'
  | 'mojibake-latin1'
  | 'mojibake-big5'
  | 'misaligned-gbk'
  | 'pinyin-annotation'
  | 'mixed-script';

export const ALL_GARBLE_KINDS: readonly GarbleKind[] = [
  'wrong-encoding',
  'replacement-char',
  'mojibake-gbk',
  'mojibake-latin1',
  'mojibake-big5',
  'misaligned-gbk',
  'pinyin-annotation',
  'mixed-script',
];

/** Encodings zhlens detects on bytes. `gb18030` covers GBK and GB2312; `euc-tw` is CNS 11643 (planes 1–4). */
export type DetectedEncoding = 'utf-8' | 'gb18030' | 'big5' | 'euc-tw' | 'utf-16le' | 'utf-16be';

/**
 * One garbled span of a text and, when it can be undone, how.
 * Offsets are UTF-16 code units into the analysed text (what JavaScript strings and VS Code use).
 */
export interface GarbleIssue {
  kind: GarbleKind;
  start: number;
  end: number;
  /** 0..1: how sure the detector is that the span is garbled. */
  confidence: number;
  /** The text that should replace [start, end); absent when nothing can be recovered (lossy). */
  replacement?: string;
  /** The steps that undo the garbling, in order, ftfy-style: ["encode gbk", "decode utf-8"]. */
  plan: string[];
  /** True when bytes were lost and the span can only be flagged (锟斤拷, U+FFFD). */
  lossy?: boolean;
}

export type ScriptTarget = 'keep' | 'simplified' | 'traditional';

export interface AnalyzeOptions {
  /** Kinds to look for; all text-level kinds when absent. */
  kinds?: readonly GarbleKind[];
}

export interface RepairOptions extends AnalyzeOptions {
  /** Convert the repaired text to one script (opencc-js); `keep` leaves the script alone. */
  script?: ScriptTarget;
}

export interface RepairResult {
  text: string;
  /** The issues whose replacement was applied, with offsets into the input text. */
  applied: GarbleIssue[];
  /** Issues found but not applied (lossy spans, flag-only kinds). */
  flagged: GarbleIssue[];
}

/** Result of looking at a file's bytes. */
export interface ByteDetection {
  /** Binary files (NUL bytes, image magic numbers) are never decoded or repaired. */
  binary: boolean;
  encoding: DetectedEncoding;
  /** A byte-order mark was present (and is not part of `text`). */
  bom: boolean;
  /** 0..1 */
  confidence: number;
  /** The bytes decoded with `encoding`, without the BOM. Empty for binary files. */
  text: string;
  /** Count of bytes that could not be decoded with `encoding` (each became U+FFFD). */
  undecodable: number;
}
