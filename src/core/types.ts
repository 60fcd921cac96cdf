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
  /**
   * What a span flagged without a replacement would read as, when the reading was found but the
   * text does not bear it out (a line that also holds characters the channel would have garbled).
   * Never applied; it says what the flag is about.
   */
  reading?: string;
}

export type ScriptTarget = 'keep' | 'simplified' | 'traditional';

export interface AnalyzeOptions {
  /** Kinds to look for; all text-level kinds when absent. */
  kinds?: readonly GarbleKind[];
  /**
   * The editor's languageId of the text (`typescript`, `python`, `markdown`, `plaintext`…;
   * `languageOfPath` gives it for a file name). In source code only comments and string literals
   * are looked at. Absent: the text is read as prose.
   */
  languageId?: string;
  /**
   * Called as each step of the analysis of one text ends, with the step's name: `scan` (the text
   * classified once), each detector's kind, `deliberate` (what is written on purpose taken out).
   * The caller times the steps (the time since the call before, or since it called analyzeText):
   * the bench's breakdown and the editor's debug timings. Steps with nothing to look at are not
   * run and not reported; a window found in a cache runs no step.
   */
  onStep?: (step: string) => void;
}

export interface RepairOptions extends AnalyzeOptions {
  /** Convert the repaired text to one script (opencc-js); `keep` leaves the script alone. */
  script?: ScriptTarget;
}

/**
 * One replacement in a text: [start, end) of the text before the edit (UTF-16 code units) becomes
 * `text`. An edit list is sorted, its edits do not overlap, and each offset refers to the text
 * before any of them.
 */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface RepairResult {
  text: string;
  /** The issues whose replacement was applied, with offsets into the input text. */
  applied: GarbleIssue[];
  /**
   * Every change from the input to `text`, all passes and the script conversion composed, each
   * as small as it can be: `applyEdits(input, edits) === text`. What moves notes and cursors.
   * Worked out at the first read.
   */
  edits: TextEdit[];
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
  /**
   * The bytes are in another language's legacy encoding (its WHATWG name: `shift_jis`, `euc-kr`,
   * `windows-1251`…), which zhlens does not convert: `encoding` is then utf-8 and `text` what an
   * editor assuming UTF-8 shows, a wrong decoding that no text finding is made on.
   */
  otherLegacy?: string;
}

/**
 * The meanings a reader's highlight can carry, each drawn in its own theme colour. Stored in the
 * notes file as a `classifying` body with this value.
 */
export type HighlightColour = 'key-fact' | 'question' | 'quote' | 'to-check';

export const HIGHLIGHT_COLOURS: readonly HighlightColour[] = ['key-fact', 'question', 'quote', 'to-check'];
