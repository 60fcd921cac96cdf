/**
 * The editor half of the bench, loaded by the extension host in place of the in-host test suite
 * (scripts/bench.mjs starts it through test/vscode/extensionHostTests.mjs). One cold extension
 * host per run, so each figure is a first time, as a user meets it:
 * - activation: `Extension.activate()` of zhlens, which loads dist/extension.js and runs activate(),
 *   when zhlens is not active yet (since `onStartupFinished` it usually is by the time this runs);
 * - activate(): what zhlens's activate() took, as it timed itself (`zhlens.internal.activationMs`),
 *   measured whether or not zhlens was active before; with the bundle load below, the activation
 *   when `Extension.activate()` could not be timed;
 * - bundle load: a fresh copy of dist/extension.js required in this host, which is most of what
 *   activation costs (activate() itself only creates a diagnostics collection and registers
 *   commands). The copy carries a unique last line so V8's in-process compilation cache cannot
 *   serve it; the other files of dist/ (the core's bundle, the *.bin tables) are copied along;
 * - core load: the same for dist/core.js, which the extension requires at the first call into the
 *   core (the first file checked), not at activation;
 * - open → shown: from openTextDocument of the Yizhuang article to the return of showTextDocument
 *   (the workbench's own part, before zhlens is asked anything);
 * - open → notification: from openTextDocument of the Yizhuang article, through showing it and
 *   running `zhlens.detect` (the command that analyses and shows the message), to the command's
 *   return, when its message has been handed to the workbench;
 * - open → diagnostics: from the same start to zhlens's diagnostics on the document;
 * - open → highlights: from the same start to the first figure or organization highlight zhlens
 *   drew in the editor (`zhlens.internal.decorationRanges`, polled every 10 ms): the highlights
 *   come after the garbling verdict, never before it.
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

/** Milliseconds to require a fresh copy of one of the extension's bundles (its top level runs; activate() does not). */
function bundleLoadMs(extensionPath: string, bundle: 'extension.js' | 'core.js'): number {
  const dist = path.join(extensionPath, 'dist');
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'zhlens-bench-'));
  try {
    // The files only: dist/web/ (the browser's bundle) is a folder, and a copy of it would fail.
    for (const f of fs.readdirSync(dist, { withFileTypes: true })) if (f.isFile() && !f.name.endsWith('.map')) fs.copyFileSync(path.join(dist, f.name), path.join(copy, f.name));
    const main = path.join(copy, bundle);
    fs.writeFileSync(main, fs.readFileSync(path.join(dist, bundle), 'utf8') + `\n// ${Date.now()}\n`);
    const t0 = performance.now();
    require(main);
    return performance.now() - t0;
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

async function measure(): Promise<Record<string, unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  const notes: string[] = [];
  let activationMs: number | undefined;
  let activateMs: number | undefined;
  if (ext.isActive) notes.push('zhlens was already active when the bench started (onStartupFinished): activation is activate() as zhlens timed it, plus the bundle load below');
  else {
    const t0 = performance.now();
    await ext.activate();
    activationMs = performance.now() - t0;
  }
  activateMs = await vscode.commands.executeCommand<number>('zhlens.internal.activationMs');

  const loadMs = bundleLoadMs(ext.extensionPath, 'extension.js');
  const coreLoadMs = bundleLoadMs(ext.extensionPath, 'core.js');

  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  const uri = vscode.Uri.joinPath(folder.uri, ARTICLE);
  const published = diagnosticsPublished(uri);
  const t0 = performance.now();
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const shown = performance.now();
  const highlighted = firstHighlight(uri);
  const issues = await vscode.commands.executeCommand<unknown[]>('zhlens.detect');
  const notified = performance.now();
  const diagnosed = await Promise.race([published, new Promise<undefined>((r) => setTimeout(() => r(undefined), 10_000))]);
  if (!Array.isArray(issues) || issues.length === 0) notes.push('zhlens.detect found nothing in the Yizhuang article');
  if (diagnosed === undefined) notes.push('no zhlens diagnostics within 10 s of opening the article');
  const highlightedAt = await highlighted;
  if (highlightedAt === undefined) notes.push('no zhlens highlights within 10 s of opening the article');
  return {
    activationMs,
    activateMs,
    bundleLoadMs: loadMs,
    coreLoadMs,
    openToShownMs: shown - t0,
    openToNotificationMs: notified - t0,
    openToDiagnosticsMs: diagnosed === undefined ? undefined : diagnosed - t0,
    openToHighlightsMs: highlightedAt === undefined ? undefined : highlightedAt - t0,
    diagnostics: zhlensDiagnostics(uri).length,
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
