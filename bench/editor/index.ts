/**
 * The editor half of the bench, loaded by the extension host in place of the in-host test suite
 * (scripts/bench.mjs starts it through test/vscode/extensionHostTests.mjs). One cold extension
 * host per run, so each cold figure is a first time, as a user meets it:
 * - activation: `Extension.activate()` of zhlens, which loads dist/extension.js and runs activate(),
 *   when zhlens is not active yet (since `onStartupFinished` it usually is by the time this runs);
 * - activate(): what zhlens's activate() took, as it timed itself (`zhlens.internal.timings`), in
 *   wall time and in CPU time of the extension host's thread, part by part;
 * - bundle load: a fresh copy of dist/extension.js required in this host, which is most of what
 *   activation costs besides activate(). The copy carries a unique last line so V8's in-process
 *   compilation cache cannot serve it; the other files of dist/ (the core's bundle, the *.bin
 *   tables) are copied along;
 * - core load: the same for dist/core.js, which the extension requires at the first call into the
 *   core (the first document checked), not at activation;
 * - open → shown: from openTextDocument of the Yizhuang article to the return of showTextDocument
 *   (the workbench's own part, before zhlens is asked anything);
 * - open → diagnostics / notification / highlights: from the same start to zhlens's diagnostics on
 *   the document, to its notification handed to the workbench, and to the first figure or
 *   organization highlight drawn (`zhlens.internal.decorationRanges`, polled every 10 ms), all
 *   as zhlens does them by itself on open (no command is run);
 * - zhlens's own part, stage by stage, from zhlens's record (`zhlens.internal.timings`): from the
 *   article's editor coming into view (zhlens hears it) to the analysis starting, the core ready,
 *   the analysis done, the diagnostics set and the notification handed over (the verdict), then
 *   the highlights and the outline, which come after it; wall and thread-CPU milliseconds.
 * Cold is the article as the first document of the session; warm the same text again in a new
 * document (a copy outside the workspace), with the core loaded and its tables built.
 * The figures go to $ZHLENS_TEST_RESULT_FILE with the counts the runner expects.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

const EXTENSION_ID = 'zhlens.zhlens';
const ARTICLE = 'yizhuang-article/garbled.txt';

function zhlensDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'zhlens');
}

/** Resolves at the time the first zhlens diagnostics for `uri` are published. */
function diagnosticsPublished(uri: vscode.Uri): Promise<number> {
  return new Promise((resolve) => {
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && zhlensDiagnostics(uri).length > 0) {
        sub.dispose();
        resolve(performance.now());
      }
    });
  });
}

/** Resolves at the time zhlens has drawn its first highlight in `uri`'s editor (polled; undefined after 10 s). */
async function firstHighlight(uri: vscode.Uri): Promise<number | undefined> {
  const until = performance.now() + 10_000;
  while (performance.now() < until) {
    const ranges = await vscode.commands.executeCommand<unknown[]>('zhlens.internal.decorationRanges', uri.toString());
    if (Array.isArray(ranges) && ranges.length > 0) return performance.now();
    await new Promise((r) => setTimeout(r, 10));
  }
  return undefined;
}

/** CPU milliseconds of this thread so far (the extension host's), where the runtime can tell them. */
function threadCpuMs(): number | undefined {
  const usage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage?.();
  return usage && (usage.user + usage.system) / 1000;
}

/** Wall and thread-CPU milliseconds to require a fresh copy of one of the extension's bundles (its top level runs; activate() does not). */
function bundleLoad(extensionPath: string, bundle: 'extension.js' | 'core.js'): { wallMs: number; cpuMs?: number } {
  const dist = path.join(extensionPath, 'dist');
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'zhlens-bench-'));
  try {
    // The files only: dist/web/ (the browser's bundle) is a folder, and a copy of it would fail.
    for (const f of fs.readdirSync(dist, { withFileTypes: true })) if (f.isFile() && !f.name.endsWith('.map')) fs.copyFileSync(path.join(dist, f.name), path.join(copy, f.name));
    const main = path.join(copy, bundle);
    fs.writeFileSync(main, fs.readFileSync(path.join(dist, bundle), 'utf8') + `\n// ${Date.now()}\n`);
    const cpu0 = threadCpuMs();
    const t0 = performance.now();
    require(main);
    const wallMs = performance.now() - t0;
    const cpu1 = threadCpuMs();
    return { wallMs, cpuMs: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0 };
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

interface Timings {
  activation: { wallMs: number; cpuMs?: number; parts: Record<string, number>; cpuParts: Record<string, number> };
  verdict?: { openedAt: number; stages: Record<string, number>; cpuStages: Record<string, number> };
}

const timingsOf = (uri?: vscode.Uri) => vscode.commands.executeCommand<Timings>('zhlens.internal.timings', uri?.toString());

/** zhlens's record of `uri`'s open → verdict once it has handed over the notification (polled; what it has after 10 s otherwise). */
async function verdictStages(uri: vscode.Uri): Promise<Timings['verdict']> {
  const until = performance.now() + 10_000;
  for (;;) {
    const verdict = (await timingsOf(uri)).verdict;
    if ((verdict && 'notification handed over' in verdict.stages) || performance.now() > until) return verdict;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Opens `uri` as a reader does (open, show) and times what zhlens does on its own, with no command. */
async function openAndTime(uri: vscode.Uri, notes: string[], label: string): Promise<Record<string, unknown>> {
  const published = diagnosticsPublished(uri);
  const t0 = performance.now();
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const shown = performance.now();
  const highlighted = firstHighlight(uri);
  const diagnosed = await Promise.race([published, new Promise<undefined>((r) => setTimeout(() => r(undefined), 10_000))]);
  if (diagnosed === undefined) notes.push(`${label}: no zhlens diagnostics within 10 s of opening the article`);
  const verdict = await verdictStages(uri);
  const handedOver = verdict?.stages['notification handed over'];
  if (handedOver === undefined) notes.push(`${label}: no notification handed over within 10 s of opening the article`);
  const highlightedAt = await highlighted;
  if (highlightedAt === undefined) notes.push(`${label}: no zhlens highlights within 10 s of opening the article`);
  // Outline and folding are asked for by the workbench when it wants them: give it a moment.
  await new Promise((r) => setTimeout(r, 300));
  const after = (await timingsOf(uri)).verdict;
  return {
    openToShownMs: shown - t0,
    openToDiagnosticsMs: diagnosed === undefined ? undefined : diagnosed - t0,
    openToNotificationMs: verdict && handedOver !== undefined ? verdict.openedAt + handedOver - t0 : undefined,
    openToHighlightsMs: highlightedAt === undefined ? undefined : highlightedAt - t0,
    // zhlens's own part: from its hearing of the editor to the verdict (diagnostics and notification).
    ownVerdictMs: handedOver,
    ownVerdictCpuMs: verdict?.cpuStages['notification handed over'],
    // The open → verdict minus the workbench's open → shown, as a check of the above.
    afterShownMs: verdict && handedOver !== undefined && diagnosed !== undefined ? Math.max(verdict.openedAt + handedOver, diagnosed) - shown : undefined,
    stages: after?.stages,
    cpuStages: after?.cpuStages,
    diagnostics: zhlensDiagnostics(uri).length,
  };
}

async function measure(): Promise<Record<string, unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  const notes: string[] = [];
  let activationMs: number | undefined;
  if (ext.isActive) notes.push('zhlens was already active when the bench started (onStartupFinished): activation is activate() as zhlens timed it, plus the bundle load below');
  else {
    const t0 = performance.now();
    await ext.activate();
    activationMs = performance.now() - t0;
  }
  const { activation } = await timingsOf();

  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  const uri = vscode.Uri.joinPath(folder.uri, ARTICLE);
  const cold = await openAndTime(uri, notes, 'cold');
  if (!cold.diagnostics) notes.push('zhlens found nothing in the Yizhuang article');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  // The same text again as a new document: the core is loaded and its tables built.
  const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhlens-bench-warm-'));
  const copy = path.join(copyDir, 'garbled.txt');
  fs.copyFileSync(uri.fsPath, copy);
  let warm: Record<string, unknown>;
  try {
    warm = await openAndTime(vscode.Uri.file(copy), notes, 'warm');
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(copyDir, { recursive: true, force: true });
  }

  // After the opens: loading fresh copies of the bundles here must not warm what the opens measure.
  const load = bundleLoad(ext.extensionPath, 'extension.js');
  const coreLoad = bundleLoad(ext.extensionPath, 'core.js');
  return {
    activationMs,
    activateMs: activation.wallMs,
    activateCpuMs: activation.cpuMs,
    activateParts: activation.parts,
    activateCpuParts: activation.cpuParts,
    bundleLoadMs: load.wallMs,
    bundleLoadCpuMs: load.cpuMs,
    coreLoadMs: coreLoad.wallMs,
    coreLoadCpuMs: coreLoad.cpuMs,
    ...cold,
    warm,
    notes,
  };
}

export async function run(): Promise<void> {
  const resultFile = process.env.ZHLENS_TEST_RESULT_FILE;
  try {
    const figures = await measure();
    if (resultFile) fs.writeFileSync(resultFile, JSON.stringify({ passed: 1, failed: 0, figures }));
  } catch (e) {
    if (resultFile) fs.writeFileSync(resultFile, JSON.stringify({ passed: 0, failed: 1, error: String(e) }));
    throw e;
  }
}
