import * as vscode from 'vscode';
import type { DetectedEncoding, GarbleIssue, TextFindings } from '../../core';
import type { DocumentStates } from '../documentState';
import { fixable } from './garbleFixes';
import type { SkipReason } from './garbleScope';
import type { OtherEncoding } from './otherEncoding';

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
  /** The windows' regions the issues were decided in: Fix all repairs by them (repairWithFindings). */
  regions: TextFindings['regions'];
  /** Set instead of `issues` when the text itself is a wrong decoding: nothing in it is repaired. */
  wrongEncoding?: WrongEncoding;
  /** Set when the bytes are in another language's legacy encoding: no finding is made on the text the editor shows. */
  otherEncoding?: OtherEncoding;
  skipped?: SkipReason;
}

/** The latest findings per open document, kept in its DocumentState; every view (diagnostics, status bar, hover) reads them here. */
export class GarbleFindings implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly closed: vscode.Disposable;

  constructor(private readonly states: DocumentStates) {
    // The state went with the document: the views forget it too.
    this.closed = states.onDidClose((uri) => this.changed.fire(uri));
  }

  /** The findings of the document's current version, if it has been analysed since its last edit. */
  current(document: vscode.TextDocument): DocumentFindings | undefined {
    const f = this.states.peek(document.uri)?.garble;
    return f && f.version === document.version ? f : undefined;
  }

  /** The latest findings, possibly of an older version (for views that keep showing them until the next analysis). */
  latest(uri: vscode.Uri): DocumentFindings | undefined {
    return this.states.peek(uri)?.garble;
  }

  set(findings: DocumentFindings): void {
    this.states.of(findings.uri).garble = findings;
    this.changed.fire(findings.uri);
  }

  dispose(): void {
    this.closed.dispose();
    this.changed.dispose();
  }
}

/** Issues that Fix all can undo (lossy spans and mixed script without a preferred script have no replacement). */
export function fixableIssues(findings: DocumentFindings | undefined): GarbleIssue[] {
  return fixable(findings?.issues ?? []);
}
