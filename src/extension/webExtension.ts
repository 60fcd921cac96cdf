import * as vscode from 'vscode';
import { setDataHost } from '../core';
import { activateFeatures } from './features';
import { useLocalFiles } from './localFiles';

/** The files of data/, one a line, listed by the build (scripts/browserBuild.mjs) when it writes the browser bundle. */
declare const ZHLENS_DATA_FILES: string;

/**
 * zhlens in the browser (vscode.dev, github.dev, a web worker extension host): the same features
 * as on the desktop, with what only Node has left out. There is no local disk: every file, notes
 * files included, is read and written through `vscode.workspace.fs` (no local host). The core
 * reads its data files synchronously when first needed, and the browser reads the extension's
 * files only asynchronously: so they are all read here, once, before any feature starts.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  useLocalFiles(undefined);
  const files = new Map<string, Uint8Array>();
  try {
    await Promise.all(
      ZHLENS_DATA_FILES.split('\n').map(async (name) => {
        files.set(name, await readExtensionFile(vscode.Uri.joinPath(context.extensionUri, 'data', ...name.split('/'))));
      }),
    );
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('zhlens could not read its data files, so it is off: {0}', e instanceof Error ? e.message : String(e)));
    throw e;
  }
  setDataHost({
    read(name) {
      const bytes = files.get(name);
      if (!bytes) throw new Error(`zhlens: data/${name} is not in the browser build's list of data files`);
      return bytes;
    },
  });
  activateFeatures(context);
}

/**
 * A file of the extension: through `workspace.fs`, which reads the extension's location on every
 * host; an extension served over http(s) (a gallery's CDN) is fetched when no file system
 * provider answers for that scheme.
 */
async function readExtensionFile(uri: vscode.Uri): Promise<Uint8Array> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (uri.scheme !== 'http' && uri.scheme !== 'https') throw e;
    const response = await fetch(uri.toString(true));
    if (!response.ok) throw new Error(`${uri.toString(true)}: ${response.status} ${response.statusText}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}

export function deactivate(): void {}
