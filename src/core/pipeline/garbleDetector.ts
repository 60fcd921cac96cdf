import type { ByteDetection, GarbleIssue, GarbleKind } from '../types';
import type { MojibakeSpec } from '../garble/mojibake/mojibakeSpec';
import type { TextScan } from './textScan';

/**
 * One kind of garbling, as the pipeline sees it (src/core/pipeline/detectors.ts lists them all,
 * in order). Each detector lives in its own module under src/core/garble/ beside the code that
 * finds its spans; every finding carries its own plan, with the bytes it restores.
 */
interface DetectorBase {
  readonly kind: GarbleKind;
  /** What the garbling looks like and what it becomes: `鍙傛暟 → 参数`. */
  readonly looksFor: string;
  /** The steps that undo it, in words (a finding's plan names the actual bytes). */
  readonly plan: string;
  /** How a count of its findings reads, singular and plural (describeIssueCounts). */
  readonly noun: readonly [string, string];
}

/** A detector of spans in decoded text. */
export interface TextDetector extends DetectorBase {
  readonly level: 'text';
  /**
   * Character classes of the pre-scan (TextScan's NON_ASCII, QUESTION_MARK, REPLACEMENT_CHAR,
   * PARENTHESIS): a text holding none of them has nothing for this detector, which is not run.
   */
  readonly needs: number;
  /** Detectors whose findings this one reads (`input.found`); they run first, wanted or not. */
  readonly uses?: readonly GarbleKind[];
  /** For the mojibake detectors: the code page whose stops the pre-scan collects for all of them in one pass. */
  readonly mojibakeSpec?: () => MojibakeSpec;
  find(input: DetectorInput): GarbleIssue[];
}

/** A detector of findings about a whole file, judged on its bytes (a legacy encoding). */
export interface FileDetector extends DetectorBase {
  readonly level: 'file';
  /** Findings about the file whose bytes gave `detection`; `textLength` is the decoded text's length. */
  find(detection: ByteDetection, textLength: number): GarbleIssue[];
}

export type GarbleDetector = TextDetector | FileDetector;

/** What a text detector is handed. */
export interface DetectorInput {
  readonly text: string;
  /** The text classified once, for every detector. */
  readonly scan: TextScan;
  /** The findings of a detector named in `uses`, on the same text, before any overlap is resolved. */
  found(kind: GarbleKind): readonly GarbleIssue[];
  /** What the wanted detectors before this one kept: sorted, without overlaps. */
  readonly kept: readonly GarbleIssue[];
}
