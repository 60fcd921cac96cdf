import * as vscode from 'vscode';
import { notesFilePath, parseNotes, relativeIri, serialiseNotes, type Note, type ParsedNotes } from '../../core';
import { readNotesSettings } from '../settings';
import { noteFileHost } from './noteFiles';

/** The notes file of an article, where `zhlens.notes.location` puts it; undefined where none can go. */
export function notesFileUri(article: vscode.Uri): vscode.Uri | undefined {
  if (article.scheme === 'untitled') return undefined;
  const settings = readNotesSettings(article);
  const folder = vscode.workspace.getWorkspaceFolder(article);
  const path = notesFilePath(article.path, settings.location, folder?.uri.path);
  return path === undefined ? undefined : article.with({ path });
}

const NONE: ParsedNotes = { notes: [], problems: [], kept: [], broken: false };

/** The notes stored for `article`; none when there is no notes file. */
export async function readStoredNotes(article: vscode.Uri, file = notesFileUri(article)): Promise<ParsedNotes> {
  if (!file) return NONE;
  const text = await noteFileHost(file).read(file);
  return text === undefined ? NONE : parseNotes(text);
}

/**
 * Writes the notes of `article`, followed by the annotations it could not read (`kept`); removes
 * the file when there are none. Returns the text written; nothing is written when that text is
 * `unchanged`, what was last written.
 */
export async function writeStoredNotes(article: vscode.Uri, notes: readonly Note[], file = notesFileUri(article), unchanged?: string, kept: readonly unknown[] = []): Promise<string | undefined> {
  if (!file) return undefined;
  const host = noteFileHost(file);
  if (!notes.length && !kept.length) {
    await host.remove(file);
    await host.removeFolderIfEmpty(vscode.Uri.joinPath(file, '..'));
    return undefined;
  }
  const name = decodeURIComponent(article.path.slice(article.path.lastIndexOf('/') + 1));
  const text = serialiseNotes(notes, relativeIri(file.path, article.path), `zhlens notes on ${name}`, kept);
  if (text !== unchanged) await host.write(file, text);
  return text;
}
