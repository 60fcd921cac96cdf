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
  const step = options.onStep;
  const scan = new TextScan(text, MOJIBAKE_SPECS());
  step?.('scan');
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
      if (step && scan.has(d.needs)) step(d.kind);
      results.set(d.kind, issues);
    }
    return issues;
  };
  let mojibakeDone = false;
  for (const d of TEXT_DETECTORS) {
    if (!wanted(d.kind)) continue;
    if (!d.mojibakeSpec) {
      kept = mergeWithoutOverlap(kept, run(d));
      continue;
    }
    if (mojibakeDone) continue;
    mojibakeDone = true;
    // UTF-8 read with one code page or another: where two readings overlap, the one that explains
    // more of the text wins (a Big5 run of a hundred characters is not cut by a GBK pair inside it).
    // The same holds against a misaligned-GBK run overlapping a longer Big5 reading: a few pairs of
    // Big5 mojibake read one byte out of step make sense by chance. (The misaligned-GBK search
    // already weighs GBK mojibake readings itself.)
    const readings = longestFirst(TEXT_DETECTORS.filter((m) => m.mojibakeSpec && wanted(m.kind)).flatMap((m) => run(m)));
    const big5 = readings.filter((r) => r.kind === 'mojibake-big5');
    kept = kept.filter((k) => k.kind !== 'misaligned-gbk' || !big5.some((r) => r.start < k.end && k.start < r.end && r.end - r.start > k.end - k.start));
    kept = mergeWithoutOverlap(kept, readings);
  }
  // What is written on purpose is no finding: code outside comments and strings (by the text's
  // languageId), quoted samples of mojibake, 锟斤拷 written about.
  const issues = withoutDeliberateGarbling(text, kept, options.languageId);
  step?.('deliberate');
  return issues;
}

/** Issues without overlaps, the longer kept where two overlap, in text order. */
function longestFirst(issues: GarbleIssue[]): GarbleIssue[] {
  // Readings that overlap nothing (as in a whole file of mojibake: tens of thousands) are all
  // kept, in text order: what the insertion below gives them, without its quadratic splicing.
  const inOrder = [...issues].sort((a, b) => a.start - b.start);
  if (inOrder.every((i, k) => i.start < i.end && (k === 0 || inOrder[k - 1].end <= i.start))) return inOrder;
  // `chosen` stays in text order: an issue overlaps it only where its neighbours there do.
  const chosen: GarbleIssue[] = [];
  for (const i of [...issues].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    let lo = 0;
    let hi = chosen.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (chosen[mid].start < i.start) lo = mid + 1;
      else hi = mid;
    }
    if ((lo > 0 && chosen[lo - 1].end > i.start) || (lo < chosen.length && chosen[lo].start < i.end)) continue;
    chosen.splice(lo, 0, i);
  }
  return chosen;
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

