import type * as vscode from 'vscode';
import { nodeLocalFiles } from '../host/nodeLocalFiles';
import { ActivationTimer } from './activationTiming';
import { useCoreCodeCache } from './coreCodeCache';
import { activateFeatures } from './features';
import { useLocalFiles } from './localFiles';

/**
 * zhlens in the desktop editor (and any Node extension host): files on the local disk are
 * rewritten through Node (src/host/nodeLocalFiles.ts), the core reads its data files from
 * data/ when first needed, and the core's code is loaded through a V8 code cache kept in the
 * extension's global storage (coreCodeCache.ts). The browser's entry is webExtension.ts.
 */
export function activate(context: vscode.ExtensionContext): void {
  const timer = new ActivationTimer();
  useLocalFiles(nodeLocalFiles);
  useCoreCodeCache(context.globalStorageUri.fsPath);
  activateFeatures(context, timer);
}

export function deactivate(): void {}
