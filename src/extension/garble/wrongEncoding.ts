import * as vscode from 'vscode';
import { detectEncoding, type ByteDetection, type DetectedEncoding, type FileAnalysis } from '../../core';
import { FileChangedError } from '../../files/fileErrors';
import { readForRewrite, rewriteFile, type FileRead } from './fileRewrite';
import { fileName } from '../localFiles';
import type { WrongEncoding } from './garbleFindings';
import { HARD_SIZE_LIMIT_BYTES, type ZhlensSettings } from '../settings';
import { editorEncodingOf, otherEncodingLabel } from './otherEncoding';

/**
 * VS Code's names for the encodings zhlens detects (see `TextDocument.encoding`). VS Code cannot
 * open EUC-TW: such a file is offered the conversion to UTF-8 only.
 */
const EDITOR_ENCODING: Partial<Record<DetectedEncoding, string>> = {
  'utf-8': 'utf8',
  gb18030: 'gb18030',
  // The core decodes Big5 with the HKSCS extensions; cp950 would drop them.
  big5: 'big5hkscs',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
};

const ENCODING_LABEL: Record<DetectedEncoding, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GB18030',
  big5: 'Big5',
  'euc-tw': 'EUC-TW',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

export function encodingLabel(encoding: DetectedEncoding): string {
  return ENCODING_LABEL[encoding];
}

/** Schemes whose documents have bytes on a file system zhlens can read. */
function hasBytes(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' || uri.scheme === 'vscode-remote' || uri.scheme === 'vscode-vfs';
}

/**
 * The bytes last read for each open document, with the file's modification time and size then:
 * a document showing U+FFFD is judged on its bytes after every edit, and they change only when
 * the file does (saved, or changed by another program: either moves the time or the size, which
 * is how the editor itself tells that a file changed on disk).
 */
const lastRead = new WeakMap<vscode.TextDocument, { mtime: number; size: number; bytes: Uint8Array }>();

async function readBytes(document: vscode.TextDocument, limit: number): Promise<Uint8Array | 'too-large'> {
  const stat = await vscode.workspace.fs.stat(document.uri);
  if (stat.size > limit) return 'too-large';
  const last = lastRead.get(document);
  if (last && last.mtime === stat.mtime && last.size === stat.size) return last.bytes;
  const bytes = await vscode.workspace.fs.readFile(document.uri);
  lastRead.set(document, { mtime: stat.mtime, size: stat.size, bytes });
  return bytes;
}

/**
 * The file's bytes, when they are needed for the verdict: a GB18030, Big5 or UTF-16 file that
 * the editor decoded as UTF-8 shows U+FFFD where its bytes did not fit; the characters are not in
 * the text any more, only in the file. Other documents are judged on their text alone. `text`:
 * the document's text, when the caller has it (getText() joins every line again).
 */
export async function bytesToJudge(document: vscode.TextDocument, settings: ZhlensSettings, text = document.getText()): Promise<Uint8Array | undefined> {
  if (!hasBytes(document.uri) || !document.encoding.startsWith('utf8')) return undefined;
  if (!text.includes('\uFFFD')) return undefined;
  try {
    const bytes = await readBytes(document, settings.sizeLimitBytes);
    return bytes === 'too-large' ? undefined : bytes;
  } catch {
    return undefined; // deleted or unreadable since it was opened: the text-level check still runs
  }
}

/** The wrong encoding of a verdict (the core's file-level finding), in the terms the editor shows it. */
export function wrongEncodingOf(verdict: FileAnalysis): WrongEncoding | undefined {
  const { detection } = verdict;
  if (!verdict.issues.some((i) => i.kind === 'wrong-encoding')) return undefined;
  return { detected: detection.encoding, editorEncoding: EDITOR_ENCODING[detection.encoding], confidence: detection.confidence, undecodable: detection.undecodable };
}

/** The open document for `uri`, if any. */
function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** The file's bytes and their detected encoding; a message and undefined when there is no text to detect. */
async function readAndDetect(uri: vscode.Uri): Promise<{ file: FileRead; detection: ByteDetection } | undefined> {
  if (!hasBytes(uri)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: only a file saved on disk has bytes to check; save this document first.'));
    return undefined;
  }
  const file = await readForRewrite(uri, HARD_SIZE_LIMIT_BYTES);
  if (file === 'too-large') {
    void vscode.window.showWarningMessage(vscode.l10n.t('zhlens: {0} is larger than 50 MB; its encoding is not checked.', fileName(uri)));
    return undefined;
  }
  const detection = detectEncoding(file.bytes);
  if (detection.binary) {
    void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: {0} is a binary file; it has no text encoding.', fileName(uri)));
    return undefined;
  }
  return { file, detection };
}

/**
 * Reopen the file decoded with the encoding its bytes are in (1.100's `openTextDocument(uri, {
 * encoding })`). Nothing is written: saving later keeps that encoding.
 */
export async function reopenWithDetectedEncoding(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const open = openDocument(uri);
  if (open?.isDirty) {
    void vscode.window.showWarningMessage(vscode.l10n.t('zhlens: {0} has unsaved changes; save or revert them before reopening it in another encoding.', fileName(uri)));
    return undefined;
  }
  const read = await readAndDetect(uri);
  if (!read) return undefined;
  const { detection } = read;
  // Another language's encoding is reopened as such (zhlens does not convert those files).
  const encoding = detection.otherLegacy ? editorEncodingOf(detection.otherLegacy) : EDITOR_ENCODING[detection.encoding];
  const label = detection.otherLegacy ? otherEncodingLabel(detection.otherLegacy) : encodingLabel(detection.encoding);
  if (!encoding) {
    void vscode.window.showInformationMessage(
      detection.otherLegacy
        ? vscode.l10n.t('zhlens: VS Code cannot open {0} files.', label)
        : vscode.l10n.t('zhlens: VS Code cannot open {0} files; convert {1} to UTF-8 instead.', label, fileName(uri)),
    );
    return undefined;
  }
  if (open?.encoding === encoding) {
    void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: {0} is already open as {1}.', fileName(uri), label));
    return open;
  }
  const reopened = await vscode.workspace.openTextDocument(uri, { encoding });
  await vscode.window.showTextDocument(reopened);
  return reopened;
}

/**
 * Rewrite the file as UTF-8 from its own bytes decoded in their detected encoding: never from
 * the editor's text, which lost the characters it could not decode. Refused in untrusted
 * workspaces, for documents with unsaved changes, and when the file changes on disk meanwhile;
 * on a write error the file is left as it was (`fileRewrite.ts`).
 */
export async function convertFileToUtf8(uri: vscode.Uri, settings: ZhlensSettings): Promise<boolean> {
  const name = fileName(uri);
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('zhlens does not write files in an untrusted workspace. Trust the workspace to convert {0}.', name));
    return false;
  }
  const open = openDocument(uri);
  if (open?.isDirty) {
    void vscode.window.showWarningMessage(vscode.l10n.t('zhlens: {0} has unsaved changes; save or revert them before converting the file.', name));
    return false;
  }
  const read = await readAndDetect(uri);
  if (!read) return false;
  const { detection } = read;
  if (detection.otherLegacy) {
    void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: {0} looks like {1} text; zhlens converts only Chinese encodings.', name, otherEncodingLabel(detection.otherLegacy)));
    return false;
  }
  if (detection.encoding === 'utf-8') {
    void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: {0} is already UTF-8.', name));
    return false;
  }
  const from = encodingLabel(detection.encoding);
  if (detection.undecodable > 0) {
    const convert = vscode.l10n.t('Convert anyway');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} bytes of {1} are not valid {2} and would become U+FFFD in the UTF-8 file.', detection.undecodable, name, from),
      { modal: true },
      convert,
    );
    if (answer !== convert) return false;
  }
  let backup: vscode.Uri | undefined;
  try {
    backup = await rewriteFile(read.file, new TextEncoder().encode(detection.text), settings.backupOnConvert);
  } catch (e) {
    if (e instanceof FileChangedError) {
      void vscode.window.showWarningMessage(vscode.l10n.t('zhlens: {0} changed on disk while it was being converted; nothing was written. Try again.', name));
    } else {
      void vscode.window.showErrorMessage(vscode.l10n.t('zhlens could not write {0}: {1}', name, e instanceof Error ? e.message : String(e)));
    }
    return false;
  }
  // An open editor still decodes the file the old way; reopening it as UTF-8 shows the new bytes.
  if (open) {
    const reopened = await vscode.workspace.openTextDocument(uri, { encoding: 'utf8' });
    if (vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString())) await vscode.window.showTextDocument(reopened);
  }
  void vscode.window.showInformationMessage(
    backup
      ? vscode.l10n.t('zhlens converted {0} from {1} to UTF-8 (the original is kept as {2}).', name, from, fileName(backup))
      : vscode.l10n.t('zhlens converted {0} from {1} to UTF-8.', name, from),
  );
  return true;
}
