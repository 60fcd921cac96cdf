import * as vscode from 'vscode';
import { fileVerdict, languageOfPath, repairWithFindings, type FileAnalysis, type GarbleIssue } from '../../core';
import { FileChangedError } from '../../files/fileErrors';
import { AnalysisCancelled, nextTurn, verdictInTurns } from './documentAnalysis';
import { readForRewrite, rewriteFile, type FileRead } from './fileRewrite';
import { describeCounts } from './garbleKindLabels';
import { HARD_SIZE_LIMIT_BYTES, readSettings, type ZhlensSettings } from '../settings';
import { encodingLabel } from './wrongEncoding';
import { otherEncodingLabel } from './otherEncoding';

/** Folders no reader wants scanned, on top of `zhlens.ignore`. */
const ALWAYS_EXCLUDED = ['**/.git/**', '**/node_modules/**', '**/*.orig'];

export type FileVerdict =
  | { kind: 'clean' }
  | { kind: 'garbled'; issues: GarbleIssue[]; fixable: number; regions: FileAnalysis['regions'] }
  | { kind: 'wrong-encoding'; encoding: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'fixed'; spans: number; backup?: string };

export interface FolderReport {
  folder: string;
  files: { path: string; verdict: FileVerdict }[];
  cancelled: boolean;
}

interface ScannedFile {
  uri: vscode.Uri;
  path: string;
  /** The bytes as scanned: a fix replaces the file only while it still holds them. */
  read: FileRead;
  bom: boolean;
  text: string;
}

/**
 * Scan (or repair) every file under a folder, with a cancellable progress notification and a
 * report in the output channel. Files are judged on their bytes, as the CLI does: a legacy
 * encoding is reported (Convert File to UTF-8 handles it), binary and oversized files are
 * skipped. Fix writes only after the reader confirms, only UTF-8 files, only files without
 * unsaved changes in an editor and unchanged on disk since the scan (byte for byte), each
 * through a temporary file renamed over it (`fileRewrite.ts`).
 */
export async function scanFolder(folder: vscode.Uri, mode: 'scan' | 'fix', output: vscode.OutputChannel): Promise<FolderReport | undefined> {
  const settings = readSettings(folder);
  if (mode === 'fix' && !vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('zhlens does not write files in an untrusted workspace. Trust the workspace to fix a folder.'));
    return undefined;
  }
  // A virtual file system offers no temporary file and rename (package.json declares this limit).
  if (mode === 'fix' && folder.scheme !== 'file' && folder.scheme !== 'vscode-remote') {
    void vscode.window.showWarningMessage(vscode.l10n.t('zhlens fixes folders on disk only; {0} is in a virtual file system.', vscode.workspace.asRelativePath(folder)));
    return undefined;
  }
  const report: FolderReport = { folder: folder.fsPath, files: [], cancelled: false };
  const toFix: { file: ScannedFile; findings: { issues: GarbleIssue[]; regions: FileAnalysis['regions'] } }[] = [];
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('zhlens: scanning {0}', vscode.workspace.asRelativePath(folder)), cancellable: true },
    async (progress, token) => {
      const exclude = `{${[...ALWAYS_EXCLUDED, ...settings.ignore].join(',')}}`;
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), exclude, undefined, token);
      uris.sort((a, b) => a.path.localeCompare(b.path));
      for (const [n, uri] of uris.entries()) {
        if (token.isCancellationRequested) {
          report.cancelled = true;
          break;
        }
        const path = vscode.workspace.asRelativePath(uri, false);
        progress.report({ message: path, increment: 100 / uris.length });
        try {
          const verdict = await judgeFile(uri, path, settings, token);
          if ('file' in verdict) {
            report.files.push({ path, verdict: verdict.verdict });
            if (verdict.verdict.kind === 'garbled' && verdict.verdict.fixable) toFix.push({ file: verdict.file, findings: verdict.verdict });
          } else {
            report.files.push({ path, verdict });
          }
        } catch (e) {
          if (e instanceof AnalysisCancelled) {
            report.cancelled = true;
            break;
          }
          report.files.push({ path, verdict: { kind: 'skipped', reason: e instanceof Error ? e.message : String(e) } });
        }
        if (n % 16 === 15) await nextTurn();
      }
    },
  );
  if (mode === 'fix' && !report.cancelled && toFix.length) await fixFiles(toFix, report, settings);
  writeReport(report, mode, output);
  const summary = summarize(report);
  const show = vscode.l10n.t('Show report');
  void vscode.window.showInformationMessage(summary, show).then((a) => a === show && output.show(true));
  return report;
}

async function judgeFile(uri: vscode.Uri, path: string, settings: ZhlensSettings, token: vscode.CancellationToken): Promise<FileVerdict | { file: ScannedFile; verdict: FileVerdict }> {
  const read = await readForRewrite(uri, Math.min(settings.sizeLimitBytes, HARD_SIZE_LIMIT_BYTES));
  if (read === 'too-large') return { kind: 'skipped', reason: vscode.l10n.t('larger than the size limit') };
  // The same verdict as the editor's and `zhlens detect`'s; a file in a legacy encoding is that alone.
  const verdict = await verdictInTurns(fileVerdict({ bytes: read.bytes }, { kinds: settings.kinds, languageId: languageOfPath(path), legacyText: 'skip' }), token);
  const { detection, issues, regions } = verdict;
  if (detection.binary) return { kind: 'skipped', reason: vscode.l10n.t('binary') };
  if (detection.otherLegacy) return { kind: 'skipped', reason: vscode.l10n.t('{0} text, not Chinese', otherEncodingLabel(detection.otherLegacy)) };
  if (detection.encoding !== 'utf-8') {
    return settings.kinds.includes('wrong-encoding') ? { kind: 'wrong-encoding', encoding: encodingLabel(detection.encoding) } : { kind: 'clean' };
  }
  if (!issues.length) return { kind: 'clean' };
  const file: ScannedFile = { uri, path, read, bom: detection.bom, text: detection.text };
  return { file, verdict: { kind: 'garbled', issues, regions, fixable: issues.filter((i) => i.replacement !== undefined).length } };
}

async function fixFiles(toFix: { file: ScannedFile; findings: { issues: GarbleIssue[]; regions: FileAnalysis['regions'] } }[], report: FolderReport, settings: ZhlensSettings): Promise<void> {
  const spans = toFix.reduce((n, f) => n + f.findings.issues.filter((i) => i.replacement !== undefined).length, 0);
  const fix = vscode.l10n.t('Fix {0} files', toFix.length);
  const backupNote = settings.backupOnConvert ? vscode.l10n.t('Each original is kept as FILE.orig.') : vscode.l10n.t('No backups are kept (zhlens.backupOnConvert is off).');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Repair {0} garbled spans in {1} files and save them?', spans, toFix.length),
    { modal: true, detail: backupNote },
    fix,
  );
  if (answer !== fix) return;
  for (const { file, findings } of toFix) {
    const entry = report.files.find((f) => f.path === file.path)!;
    entry.verdict = await fixFile(file, findings, settings);
  }
}

const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** Repairs a file with the findings of its scan (the text is the bytes as scanned: the rewrite checks they are still on disk). */
async function fixFile(file: ScannedFile, findings: { issues: GarbleIssue[]; regions: FileAnalysis['regions'] }, settings: ZhlensSettings): Promise<FileVerdict> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.uri.toString());
  if (open?.isDirty) return { kind: 'skipped', reason: vscode.l10n.t('unsaved changes in an editor') };
  const repair = repairWithFindings(file.text, findings, { kinds: settings.kinds, script: settings.preferredScript, languageId: languageOfPath(file.path) });
  const body = new TextEncoder().encode(repair.text);
  const bytes = file.bom ? new Uint8Array([...UTF8_BOM, ...body]) : body;
  try {
    const backup = await rewriteFile(file.read, bytes, settings.backupOnConvert);
    return { kind: 'fixed', spans: repair.applied.length, backup: backup && vscode.workspace.asRelativePath(backup, false) };
  } catch (e) {
    if (e instanceof FileChangedError) return { kind: 'skipped', reason: vscode.l10n.t('changed on disk during the scan') };
    return { kind: 'skipped', reason: vscode.l10n.t('could not write: {0}', e instanceof Error ? e.message : String(e)) };
  }
}

function verdictText(v: FileVerdict): string {
  switch (v.kind) {
    case 'clean':
      return vscode.l10n.t('clean');
    case 'garbled':
      return describeCounts(v.issues);
    case 'wrong-encoding':
      return vscode.l10n.t('in {0}: use “Convert File to UTF-8”', v.encoding);
    case 'skipped':
      return vscode.l10n.t('skipped ({0})', v.reason);
    case 'fixed':
      return v.backup ? vscode.l10n.t('repaired {0} spans (original kept as {1})', v.spans, v.backup) : vscode.l10n.t('repaired {0} spans', v.spans);
  }
}

function summarize(report: FolderReport): string {
  const count = (kind: FileVerdict['kind']) => report.files.filter((f) => f.verdict.kind === kind).length;
  const garbled = count('garbled') + count('wrong-encoding') + count('fixed');
  const parts = vscode.l10n.t('zhlens: {0} files, {1} garbled, {2} repaired, {3} skipped', report.files.length, garbled, count('fixed'), count('skipped'));
  return report.cancelled ? `${parts} ${vscode.l10n.t('(cancelled)')}` : parts;
}

function writeReport(report: FolderReport, mode: 'scan' | 'fix', output: vscode.OutputChannel): void {
  output.appendLine(`${mode === 'scan' ? vscode.l10n.t('Scan of {0}', report.folder) : vscode.l10n.t('Fix of {0}', report.folder)} (${new Date().toLocaleString()})`);
  for (const f of report.files) if (f.verdict.kind !== 'clean') output.appendLine(`  ${f.path}: ${verdictText(f.verdict)}`);
  output.appendLine(summarize(report));
  output.appendLine('');
}
