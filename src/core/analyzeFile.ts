import { runFileDetectors } from './pipeline/runDetectors';
import { detectedOnce } from './pipeline/detectedOnce';
import { addRegion, analyzedRegions, type TextFindings, type TextRegion, type WindowOptions } from './pipeline/textWindows';
import type { AnalyzeOptions, ByteDetection, GarbleIssue } from './types';

export interface FileAnalysis {
  detection: ByteDetection;
  /** File-level findings first (a legacy encoding), then the text's, offsets into the text analysed. */
  issues: GarbleIssue[];
  /** The regions the text's findings were decided in (repairWithFindings repairs by them). */
  regions: TextFindings['regions'];
  garbled: boolean;
  /** 0..1: confidence of the verdict `garbled` (for a clean file, that it is clean). */
  confidence: number;
}

export interface FileVerdictOptions extends AnalyzeOptions {
  /**
   * `skip`: when the file is in a legacy encoding, that is the whole verdict (the editor, whose
   * text is then a wrong decoding, and the folder scan); `analyze` (the default): the decoded
   * text is looked at too (`zhlens detect`).
   */
  legacyText?: 'analyze' | 'skip';
}

/** What a verdict is given: the file's bytes, the text a reader sees, or both (an editor's document and its file). */
export interface FileInput {
  bytes?: Uint8Array;
  /** The text to look for garbling in; the bytes decoded in their encoding when absent. */
  text?: string;
}

/** The detection of a text without bytes to look at (an unsaved document): UTF-8 as it is. */
const textOnly = (text: string): ByteDetection => ({ binary: false, encoding: 'utf-8', bom: false, confidence: 1, text, undecodable: 0 });

/**
 * The verdict on one file: which encoding its bytes are in (a file that is not UTF-8 is itself a
 * `wrong-encoding` finding: any editor that assumes UTF-8 shows it as 乱码), then what is garbled
 * in its text, window by window (pipeline/textWindows.ts). The CLI, the editor and the folder scan
 * all judge a file here. A step per window: the editor lets other work run between two.
 */
export function* fileVerdict(input: FileInput, options: FileVerdictOptions = {}, windows: WindowOptions = {}): Generator<TextRegion, FileAnalysis, void> {
  // The bytes' detection is kept with the windows: an editor's document is judged on the same file's bytes again after every edit.
  const detection = input.bytes ? detectedOnce(input.bytes, windows.cache) : textOnly(input.text ?? '');
  // Binary, or another language's legacy encoding (Shift_JIS, EUC-KR, KOI8-R…): the text shown
  // is no text to judge, and zhlens has nothing to say of it.
  if (detection.binary || detection.otherLegacy) return { detection, issues: [], regions: [], garbled: false, confidence: detection.confidence };
  const text = input.text ?? detection.text;
  const findings: TextFindings = { issues: runFileDetectors(detection, text.length, options), regions: [] };
  const legacy = detection.encoding !== 'utf-8';
  if (!(legacy && options.legacyText === 'skip' && findings.issues.length)) {
    for (const region of analyzedRegions([text], options, windows)) {
      addRegion(findings, region);
      yield region;
    }
  }
  const { issues, regions } = findings;
  const garbled = issues.length > 0;
  const confidence = garbled ? issues.reduce((m, i) => Math.max(m, i.confidence), 0) : detection.confidence;
  return { detection, issues, regions, garbled, confidence };
}

/** Bytes to verdict in one call (`zhlens detect`): fileVerdict run to its end. */
export function analyzeFile(bytes: Uint8Array, options: AnalyzeOptions = {}): FileAnalysis {
  const steps = fileVerdict({ bytes }, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
