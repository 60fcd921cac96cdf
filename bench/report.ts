/**
 * The bench's one table and its targets. Every figure is a median of repeated runs in CPU
 * milliseconds (wall milliseconds beside it); "vs anchor" is the anchor's time per MB divided by
 * ours on the same input measured in the same run, so 2× means twice as fast as the anchor.
 */
import { MB, sizeLabel } from './corpus';
import type { Timing } from './timing';
import type { ColdFigures } from './coldStart';
import { editorRows, editorTargets, type EditorFigures } from './editorReport';

export interface Row {
  op: string;
  anchor: boolean;
  workload: string;
  /** Nominal size (20 KB, 1 MB, 10 MB); 0 for a file measured at its own size. */
  size: number;
  /** Actual input size in bytes (UTF-8 for text). */
  bytes: number;
  file: string;
  timing: Timing;
  /** Resident-set high-water marks of the child process, before and after the one run. */
  memory?: { baselineKb: number; peakKb: number };
  note?: string;
}

export type { EditorFigures } from './editorReport';

const perMb = (r: Row) => r.timing.cpuMs / (r.bytes / MB);
const fmt = (x: number, digits = 1) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(digits) : x.toFixed(digits + 1));

function anchorOf(row: Row, rows: Row[]): Row | undefined {
  const find = (op: string, workload: string) => rows.find((r) => r.op === op && r.workload === workload && r.size === row.size);
  if (row.op === 'detectEncoding') return find('jschardet', row.workload);
  if (row.op === 'repairFile') return find(`iconv ${row.workload.replace(' bytes', '')}`, row.workload);
  if (row.op === 'repairText' && row.workload === 'latin1 file') return find('ftfy', row.workload);
  if (row.op === 'analyzeText' || row.op === 'repairText' || row.op === 'annotateText') return find('iconv gb18030', 'gb18030 bytes');
  return undefined;
}

function vsAnchor(row: Row, rows: Row[]): string {
  const a = anchorOf(row, rows);
  return a ? `${fmt(perMb(a) / perMb(row))}× ${a.op}` : '';
}

function table(headers: string[], body: string[][], rightAligned: Set<number>): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((r) => [...r[i]].length)));
  const line = (cells: string[]) => cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

interface Target {
  name: string;
  measured: string;
  pass: boolean | undefined;
}

function targets(rows: Row[], editor: EditorFigures | undefined, cold: ColdFigures | undefined): Target[] {
  const out: Target[] = [];
  if (cold) {
    out.push({ name: 'cold first verdict (load dist/core.js + analyzeText, Yizhuang article) ≤ 100 ms above bare node', measured: `+${fmt(cold.extraCpuMs)} ms (bare node ${fmt(cold.bareCpuMs)} ms, ${fmt(cold.coldCpuMs / cold.bareCpuMs, 2)}× bare)`, pass: cold.extraCpuMs <= 100 });
    out.push({ name: 'core heap after the first analysis ≤ 15 MB', measured: `${fmt(cold.coreHeapMb)} MB`, pass: cold.coreHeapMb <= 15 });
  } else out.push({ name: 'cold first verdict ≤ 100 ms above bare node', measured: 'not measured', pass: undefined });
  const at = (op: string, size: number, workload?: string) => rows.filter((r) => r.op === op && r.size === size && (!workload || r.workload === workload));
  const worst = (rs: Row[]) => rs.reduce<Row | undefined>((w, r) => (!w || r.timing.cpuMs > w.timing.cpuMs ? r : w), undefined);
  const limit = (name: string, rs: Row[], maxMs: number) => {
    const w = worst(rs);
    if (w) out.push({ name, measured: `${fmt(w.timing.cpuMs)} ms (worst: ${w.workload})`, pass: w.timing.cpuMs <= maxMs });
  };
  const small = 20 * 1024;
  limit('byte detection, 20 KB ≤ 2 ms', at('detectEncoding', small), 2);
  limit('byte detection, 1 MB ≤ 30 ms', at('detectEncoding', MB), 30);
  limit('text detection, 20 KB ≤ 2 ms', at('analyzeText', small), 2);
  limit('text detection, Yizhuang article (11 KB) ≤ 2 ms', at('analyzeText', 0), 2);
  limit('text detection, 1 MB ≤ 30 ms', at('analyzeText', MB), 30);
  limit('a keystroke in a 1 MB document ≤ 5 ms', at('keystroke', MB), 5);
  for (const r of rows.filter((r) => r.op === 'repairFile' && r.workload === 'gb18030 bytes')) {
    const a = anchorOf(r, rows);
    if (a) out.push({ name: `repair of a GB18030 file, ${sizeLabel(r.size)}: ≥ 0.5× raw gb18030 decode`, measured: `${fmt(perMb(a) / perMb(r), 2)}×`, pass: perMb(a) / perMb(r) >= 0.5 });
  }
  // Each kind of the issue's list at its largest size, against the raw gb18030 decode of the same bytes.
  for (const [op, workload] of REPAIR_KINDS) {
    const r = rows.filter((x) => x.op === op && x.workload === workload).sort((a, b) => b.size - a.size)[0];
    // Against the raw gb18030 decode for every kind (the Latin-1 file's own anchor is ftfy).
    const a = r && rows.find((x) => x.op === 'iconv gb18030' && x.size === r.size);
    if (r && a && r.size >= MB) out.push({ name: `repair, ${workload}, ${sizeLabel(r.size)}: ≥ 0.5× raw gb18030 decode`, measured: `${fmt(perMb(a) / perMb(r), 2)}× (${fmt(perMb(r))} ms/MB)`, pass: perMb(a) / perMb(r) >= 0.5 });
  }
  const repairsAt10 = rows.filter((r) => (r.op === 'repairText' || r.op === 'repairFile') && r.size >= 10 * MB && r.memory);
  if (repairsAt10.length) {
    const top = repairsAt10.reduce((a, b) => (b.memory!.peakKb > a.memory!.peakKb ? b : a));
    out.push({ name: 'peak RSS repairing 10 MB ≤ 150 MB', measured: `${fmt(top.memory!.peakKb / 1024)} MB (worst: ${top.op} · ${top.workload})`, pass: top.memory!.peakKb / 1024 <= 150 });
  }
  for (const size of [MB, 10 * MB]) {
    const w = worst(at('repairText', size).filter((r) => r.workload !== 'latin1 file'));
    const a = w && anchorOf(w, rows);
    if (w && a) out.push({ name: `repair of garbled text, ${sizeLabel(size)}: ≥ 0.5× raw gb18030 decode`, measured: `${fmt(perMb(a) / perMb(w), 2)}× (worst: ${w.workload})`, pass: perMb(a) / perMb(w) >= 0.5 });
  }
  for (const r of rows.filter((r) => r.op === 'repairText' && r.workload === 'latin1 file')) {
    const a = anchorOf(r, rows);
    if (a) out.push({ name: `Latin-1 mojibake file, ${sizeLabel(r.size)}: ≥ 10× ftfy`, measured: `${fmt(perMb(a) / perMb(r))}×`, pass: perMb(a) / perMb(r) >= 10 });
  }
  limit('annotate, 1 MB ≤ 100 ms', at('annotateText', MB), 100);
  out.push(...editorTargets(editor));
  if (editor?.vsixBytes !== undefined) out.push({ name: 'VSIX ≤ 2 MB', measured: `${fmt(editor.vsixBytes / MB, 2)} MB`, pass: editor.vsixBytes <= 2 * MB });
  else out.push({ name: 'VSIX ≤ 2 MB', measured: 'not measured', pass: undefined });
  // Linear growth: the CPU cost per MB may not grow from one size to the next by more than half.
  let steepest: { ratio: number; label: string } | undefined;
  const sizes = [...new Set(rows.map((r) => r.size).filter((s) => s > 0))].sort((a, b) => a - b);
  for (const r of rows.filter((r) => r.size === sizes.at(-1))) {
    const perSize = sizes.map((s) => rows.find((x) => x.op === r.op && x.workload === r.workload && x.size === s)).filter((x): x is Row => !!x);
    for (let i = 1; i < perSize.length; i++) {
      const ratio = perMb(perSize[i]) / perMb(perSize[i - 1]);
      if (!steepest || ratio > steepest.ratio) steepest = { ratio, label: `${r.op} · ${r.workload}, ${sizeLabel(perSize[i - 1].size)} → ${sizeLabel(perSize[i].size)}` };
    }
  }
  if (steepest) out.push({ name: 'linear growth: cost per MB rises ≤ 1.5× from one size to the next', measured: `${fmt(steepest.ratio, 2)}× (steepest: ${steepest.label})`, pass: steepest.ratio <= 1.5 });
  return out;
}

/** The repairs the issue asks a ratio for, each kind on its own. */
const REPAIR_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['repairText', 'mojibake-gbk'],
  ['repairText', 'latin1 file'],
  ['repairFile', 'gb18030 bytes'],
  ['repairText', 'misaligned-gbk'],
  ['repairText', 'pinyin-annotation'],
];

/** CPU ms per MB of each repair at every size measured: the per-MB growth, one line per kind. */
function growthLines(rows: Row[]): string[] {
  const lines: string[] = [];
  for (const [op, workload] of REPAIR_KINDS) {
    const bySize = rows.filter((r) => r.op === op && r.workload === workload && r.size > 0).sort((a, b) => a.size - b.size);
    if (bySize.length > 1) lines.push(`  ${op} · ${workload}: ${bySize.map((r) => `${sizeLabel(r.size)} ${fmt(perMb(r))}`).join(' / ')} ms/MB`);
  }
  return lines;
}

/** The cold first verdict's steps and main thread, one line. */
function coldSteps(cold: ColdFigures): string {
  const thread =
    cold.extraThreadMs === undefined
      ? 'main thread not measured by this runtime and system'
      : `main thread +${fmt(cold.extraThreadMs)} ms, V8's background threads +${fmt(cold.extraBackgroundMs ?? Number.NaN)} ms (the optimizing compiler, the GC's helpers)`;
  const optimized = Object.entries(cold.optimized).map(([tier, n]) => `${n} ${tier}`).join(', ') || 'none reported';
  const later = cold.cached
    ? `\na later session, the core through the editor's code cache (coreCodeCache.ts): +${fmt(cold.cached.extraCpuMs)} ms process${cold.cached.extraThreadMs === undefined ? '' : `, main thread +${fmt(cold.cached.extraThreadMs)}`}, the load ${fmt(cold.cached.loadMs)} ms`
    : '';
  const thread2 = (c: { extraCpuMs: number; extraThreadMs?: number }) => `+${fmt(c.extraCpuMs)} ms process${c.extraThreadMs === undefined ? '' : `, main thread +${fmt(c.extraThreadMs)}`}`;
  const cli = cold.cli
    ? `\nthe command line, \`zhlens detect\` on the article (dist/cli.js): without a code cache ${thread2(cold.cli.plain)}; a later run, through its code cache (src/cli/mainCodeCache.ts), ${thread2(cold.cli.cached)}`
    : '';
  const counted = cold.instructions
    ? `\nthe same in instructions (valgrind, one run each): main thread +${fmt(cold.instructions.cold.mainM - cold.instructions.bare.mainM)} M, background threads +${fmt(cold.instructions.cold.backgroundM - cold.instructions.bare.backgroundM)} M, process +${fmt(cold.instructions.cold.mainM + cold.instructions.cold.backgroundM - cold.instructions.bare.mainM - cold.instructions.bare.backgroundM)} M above bare node's ${fmt(cold.instructions.bare.mainM + cold.instructions.bare.backgroundM)} M`
    : '';
  return `cold first verdict (${cold.node}): ${thread}; by step, ${cold.extraThreadMs === undefined ? 'process' : 'main-thread'} CPU ms (medians): ${cold.steps.map(([name, ms]) => `${name} ${fmt(ms)}`).join(', ')}; optimized compilations in one more run: ${optimized}${later}${cli}${counted}`;
}

export function printReport(rows: Row[], notes: string[], editor: EditorFigures | undefined, cold?: ColdFigures): void {
  const body = rows.map((r) => [
    r.anchor ? `(${r.op})` : r.op,
    r.workload,
    r.size ? sizeLabel(r.size) : sizeLabel(r.bytes),
    String(r.timing.runs),
    fmt(r.timing.cpuMs),
    fmt(r.timing.wallMs),
    fmt(perMb(r)),
    fmt(r.bytes / MB / (r.timing.cpuMs / 1000)),
    r.memory ? `${fmt(r.memory.peakKb / 1024)}` : '',
    r.memory && r.memory.baselineKb ? `+${fmt((r.memory.peakKb - r.memory.baselineKb) / 1024)}` : '',
    vsAnchor(r, rows) || r.note || '',
  ]);
  if (cold) {
    body.unshift(
      ['(bare node)', 'start and exit', '', String(cold.runs), fmt(cold.bareCpuMs), '', '', '', '', '', 'anchor of the row below'],
      ['cold first verdict', 'Yizhuang article', sizeLabel(11 * 1024), String(cold.runs), `+${fmt(cold.extraCpuMs)}`, `+${fmt(cold.extraWallMs)}`, '', '', '', `+${fmt(cold.coreHeapMb)} heap`, `node + dist/core.js + analyzeText: ${fmt(cold.coldCpuMs / cold.bareCpuMs, 2)}× bare node (${cold.findings} findings)`],
    );
  }
  if (editor) {
    for (const r of editorRows(editor)) body.push([r.what, 'Yizhuang article', '', String(editor.runs ?? 1), r.cpuMs === undefined ? '' : fmt(r.cpuMs), r.wallMs === undefined ? '' : fmt(r.wallMs), '', '', '', '', `VS Code (code-server)${r.cpuMs === undefined ? '' : ', cpu = the extension host thread'}${r.note ? `: ${r.note}` : ''}`]);
    if (editor.vsixBytes !== undefined) body.push(['VSIX size', 'zhlens.vsix', sizeLabel(editor.vsixBytes), '', '', '', '', '', '', '', `${editor.vsixBytes} bytes`]);
  }
  const headers = ['operation', 'workload', 'size', 'runs', 'cpu ms', 'wall ms', 'cpu ms/MB', 'MB/s', 'peak MB', 'Δ MB', 'vs anchor (speed)'];
  console.log(table(headers, body, new Set([3, 4, 5, 6, 7, 8, 9])));
  console.log('\n(anchor) rows are other tools on the same input. cpu = user+system time of the process (the machine is shared; wall time is noisier).');
  console.log('per-MB growth: compare cpu ms/MB of one operation and workload across the sizes.');
  console.log('peak MB = resident-set high-water mark of a fresh process running the operation once; Δ MB = its rise over the process with the input loaded.');
  if (cold) console.log(coldSteps(cold));
  for (const n of [...notes, ...(editor?.notes ?? [])]) console.log(`note: ${n}`);
  const growth = growthLines(rows);
  if (growth.length) console.log(['\nper-MB growth of the repairs (CPU ms per MB at each size)', ...growth].join('\n'));
  console.log('\ntargets');
  for (const t of targets(rows, editor, cold)) console.log(`  ${t.pass === undefined ? 'n/a ' : t.pass ? 'pass' : 'MISS'}  ${t.name}: ${t.measured}`);
}
