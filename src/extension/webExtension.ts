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
  await Promise.all(
    ZHLENS_DATA_FILES.split('\n').map(async (name) => {
      files.set(name, await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'data', ...name.split('/'))));
    }),
  );
  setDataHost({
    read(name) {
      const bytes = files.get(name);
      if (!bytes) throw new Error(`zhlens: data/${name} is not in the browser build's list of data files`);
      return bytes;
    },
  });
  activateFeatures(context);
}

export function deactivate(): void {}
