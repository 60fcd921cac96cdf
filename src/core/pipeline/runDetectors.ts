import type { AnalyzeOptions, ByteDetection, GarbleIssue, GarbleKind } from '../types';
import { DETECTORS } from './detectors';
import type { DetectorInput, FileDetector, TextDetector } from './garbleDetector';
import { TextScan } from './textScan';
import { withoutDeliberateGarbling } from '../decision/deliberateGarbling';

const TEXT_DETECTORS = DETECTORS.filter((d): d is TextDetector => d.level === 'text');
const FILE_DETECTORS = DETECTORS.filter((d): d is FileDetector => d.level === 'file');
const MOJIBAKE_SPECS = () => TEXT_DETECTORS.flatMap((d) => (d.mojibakeSpec ? [d.mojibakeSpec()] : []));

const wants = (options: AnalyzeOptions) => (kind: GarbleKind) => !options.kinds || options.kinds.includes(kind);

/**
 * The pipeline over one text: the text is classified once (TextScan), then every wanted text
 * detector of DETECTORS runs in order (with those it `uses`), and each one's findings join the
 * result where they overlap nothing kept before them; last, what is written on purpose goes.
 * Every garbled span, in text order, without overlaps.
 */
export function runTextDetectors(text: string, options: AnalyzeOptions = {}): GarbleIssue[] {
  // Pure ASCII (code, English) has nothing any detector looks for: one quick pass and done.
  if (!hasNonAscii(text)) return [];
  const wanted = wants(options);
  const scan = new TextScan(text, MOJIBAKE_SPECS());
  const results = new Map<GarbleKind, GarbleIssue[]>();
  let kept: GarbleIssue[] = [];
  const input: DetectorInput = {
    text,
    scan,
    found: (kind) => results.get(kind) ?? [],
    get kept() {
      return kept;
    },
  };
  const run = (d: TextDetector): GarbleIssue[] => {
    let issues = results.get(d.kind);
    if (!issues) {
      for (const kind of d.uses ?? []) run(TEXT_DETECTORS.find((u) => u.kind === kind)!);
      issues = scan.has(d.needs) ? d.find(input) : [];
      results.set(d.kind, issues);
    }
    return issues;
  };
  for (const d of TEXT_DETECTORS) {
    if (wanted(d.kind)) kept = mergeWithoutOverlap(kept, run(d));
  }
  // What is written on purpose is no finding: code outside comments and strings (by the text's
  // languageId), quoted samples of mojibake, 锟斤拷 written about.
  return withoutDeliberateGarbling(text, kept, options.languageId);
}

/** The file-level findings of a file whose bytes gave `detection` (its decoded text is `textLength` long). */
export function runFileDetectors(detection: ByteDetection, textLength: number, options: AnalyzeOptions = {}): GarbleIssue[] {
  if (detection.binary) return [];
  const wanted = wants(options);
  return FILE_DETECTORS.filter((d) => wanted(d.kind)).flatMap((d) => d.find(detection, textLength));
}

/**
 * `kept` (sorted, no overlaps) with the issues of `added` that overlap none of it, in one sweep:
 * a text with 10⁵ pinyin annotations must not cost 10¹⁰ comparisons.
 */
function mergeWithoutOverlap(kept: readonly GarbleIssue[], added: readonly GarbleIssue[]): GarbleIssue[] {
  const incoming = [...added].sort((a, b) => a.start - b.start);
  const out: GarbleIssue[] = [];
  let k = 0;
  let lastAddedEnd = -1;
  for (const i of incoming) {
    while (k < kept.length && kept[k].end <= i.start) out.push(kept[k++]);
    // The kept issue at k ends after i starts; i overlaps it when it also starts before i ends
    // (an empty span overlaps nothing).
    const clash = k < kept.length && kept[k].start < i.end && i.start < kept[k].end;
    if (clash || i.start < lastAddedEnd) continue;
    out.push(i);
    lastAddedEnd = i.end;
  }
  while (k < kept.length) out.push(kept[k++]);
  return out;
}

function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return true;
  return false;
}

