import * as vscode from 'vscode';
import type { DetectedEncoding, GarbleIssue } from '../core';
import type { SkipReason } from './garbleScope';

/** A file whose bytes are in a legacy encoding although the editor decoded them as UTF-8. */
export interface WrongEncoding {
  detected: DetectedEncoding;
  /** The encoding id VS Code knows the detected encoding by (`gb18030`, `big5hkscs`, ...); none for EUC-TW. */
  editorEncoding?: string;
  confidence: number;
  /** Bytes that do not decode even in the detected encoding. */
  undecodable: number;
}

/** What zhlens found in one version of one document. */
export interface DocumentFindings {
  uri: vscode.Uri;
  version: number;
  /** Text-level garbling, offsets into the document text of `version`. */
  issues: GarbleIssue[];
  /** Set instead of `issues` when the text itself is a wrong decoding: nothing in it is repaired. */
  wrongEncoding?: WrongEncoding;
  skipped?: SkipReason;
}

/** The latest findings per open document; every view (diagnostics, status bar, hover) reads them here. */
export class GarbleFindings implements vscode.Disposable {
  private readonly byUri = new Map<string, DocumentFindings>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** The findings of the document's current version, if it has been analysed since its last edit. */
  current(document: vscode.TextDocument): DocumentFindings | undefined {
    const f = this.byUri.get(document.uri.toString());
    return f && f.version === document.version ? f : undefined;
  }

  /** The latest findings, possibly of an older version (for views that keep showing them until the next analysis). */
  latest(uri: vscode.Uri): DocumentFindings | undefined {
    return this.byUri.get(uri.toString());
  }

  set(findings: DocumentFindings): void {
    this.byUri.set(findings.uri.toString(), findings);
    this.changed.fire(findings.uri);
  }

  delete(uri: vscode.Uri): void {
    if (this.byUri.delete(uri.toString())) this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Issues that Fix all can undo (lossy spans and mixed script without a preferred script have no replacement). */
export function fixableIssues(findings: DocumentFindings | undefined): GarbleIssue[] {
  return findings?.issues.filter((i) => i.replacement !== undefined) ?? [];
}
