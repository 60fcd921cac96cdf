import * as vscode from 'vscode';
import { ALL_GARBLE_KINDS, type GarbleKind, type ScriptTarget, type TextKind } from '../core';

/**
 * Every zhlens setting, read in one place. package.json `contributes.configuration` declares
 * them; feature code asks `readSettings()` and never reads `workspace.getConfiguration` itself.
 */
export interface ZhlensSettings {
  /** Look at a document when it is opened or its editor is brought to the front. */
  detectOnOpen: boolean;
  /** Apply Fix all without asking (only in trusted workspaces). */
  autoFix: boolean;
  /** Garbling kinds to report and repair. */
  kinds: readonly GarbleKind[];
  /** Documents larger than this (bytes, UTF-16 length for open documents) are not analysed. */
  sizeLimitBytes: number;
  /** Script Fix all leaves the text in, and the script mixed-script spans are converted to. */
  preferredScript: ScriptTarget;
  /** Glob patterns of files zhlens leaves alone. */
  ignore: readonly string[];
  /** Keep `FILE.orig` before zhlens rewrites a file on disk. */
  backupOnConvert: boolean;
  /** Write how long each step took to the output channel (TimingLog). */
  logTimings: boolean;
}

/**
 * VS Code does not hand documents over 50 MB to extensions at all, so no limit above that is
 * meaningful; the folder commands use the same cap for files they read themselves.
 */
export const HARD_SIZE_LIMIT_BYTES = 50 * 1024 * 1024;

const SCRIPTS: readonly ScriptTarget[] = ['keep', 'simplified', 'traditional'];

export function readSettings(scope?: vscode.ConfigurationScope): ZhlensSettings {
  const c = vscode.workspace.getConfiguration('zhlens', scope);
  const kinds = c.get<string[]>('kinds', [...ALL_GARBLE_KINDS]).filter((k): k is GarbleKind => (ALL_GARBLE_KINDS as readonly string[]).includes(k));
  const script = c.get<string>('preferredScript', 'keep');
  const limitMb = c.get<number>('sizeLimitMB', 2);
  return {
    detectOnOpen: c.get<boolean>('detectOnOpen', true),
    autoFix: c.get<boolean>('autoFix', false),
    kinds,
    sizeLimitBytes: Math.min(HARD_SIZE_LIMIT_BYTES, Math.max(0, limitMb) * 1024 * 1024),
    preferredScript: SCRIPTS.includes(script as ScriptTarget) ? (script as ScriptTarget) : 'keep',
    ignore: c.get<string[]>('ignore', []),
    backupOnConvert: c.get<boolean>('backupOnConvert', true),
    logTimings: c.get<boolean>('debug.logTimings', false),
  };
}

/** True when a change event touches a setting the garbling feature reads. */
export function affectsGarbleSettings(e: vscode.ConfigurationChangeEvent): boolean {
  return ['detectOnOpen', 'kinds', 'sizeLimitMB', 'ignore', 'preferredScript'].some((key) => e.affectsConfiguration(`zhlens.${key}`));
}

/** What the article features highlight: the figure kinds of the extractor, and organizations. */
export const HIGHLIGHT_KINDS = ['money', 'percent', 'measure', 'count', 'date', 'number', 'range', 'ordinal', 'version', 'organization'] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

/** A user's override of a highlight's look; unset fields keep the theme colours. */
export interface HighlightStyle {
  color?: string;
  backgroundColor?: string;
  border?: string;
  fontWeight?: string;
  fontStyle?: string;
  textDecoration?: string;
}

/** Settings of the article features: highlights (`zhlens.highlight.*`) and the outline (`zhlens.outline.*`). */
export interface ArticleSettings {
  highlightEnabled: boolean;
  highlightKinds: ReadonlySet<HighlightKind>;
  highlightStyles: Partial<Record<HighlightKind, HighlightStyle>>;
  overviewRuler: boolean;
  /** Longer documents (UTF-16 units) are annotated only around what the editor shows. */
  highlightMaxLength: number;
  outlineEnabled: boolean;
  /** The Article view selects the section that holds the cursor. */
  outlineFollowCursor: boolean;
  /** Whose conventions the organization tagger follows (`zhlens.organizations.textKind`). */
  organizationsTextKind: TextKind;
}

export function readArticleSettings(scope?: vscode.ConfigurationScope): ArticleSettings {
  const c = vscode.workspace.getConfiguration('zhlens', scope);
  const kinds = c.get<Partial<Record<HighlightKind, boolean>>>('highlight.kinds', {});
  const styles = c.get<Partial<Record<HighlightKind, HighlightStyle>>>('highlight.styles', {});
  return {
    highlightEnabled: c.get<boolean>('highlight.enabled', true),
    highlightKinds: new Set(HIGHLIGHT_KINDS.filter((k) => kinds[k] !== false)),
    highlightStyles: Object.fromEntries(Object.entries(styles).filter(([k]) => (HIGHLIGHT_KINDS as readonly string[]).includes(k))),
    overviewRuler: c.get<boolean>('highlight.overviewRuler', true),
    highlightMaxLength: Math.max(0, c.get<number>('highlight.maxDocumentLength', 500_000)),
    outlineEnabled: c.get<boolean>('outline.enabled', true),
    outlineFollowCursor: c.get<boolean>('outline.followCursor', true),
    // package.json lists the kinds; a kind the tagger does not know is read as news (extractOrganizations).
    organizationsTextKind: c.get<TextKind>('organizations.textKind', 'news'),
  };
}

export function affectsArticleSettings(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration('zhlens.highlight') || e.affectsConfiguration('zhlens.outline') || e.affectsConfiguration('zhlens.organizations');
}

/** Settings of the reader's notes and highlights (`zhlens.notes.*`). */
export interface NotesSettings {
  enabled: boolean;
  /** Folder of the notes files: relative to each article's folder, or under `${workspaceFolder}`. */
  location: string;
  /** Language ids of the documents that can carry notes (when they hold Chinese). */
  languages: readonly string[];
}

export function readNotesSettings(scope?: vscode.ConfigurationScope): NotesSettings {
  const c = vscode.workspace.getConfiguration('zhlens', scope);
  return {
    enabled: c.get<boolean>('notes.enabled', true),
    location: c.get<string>('notes.location', '.zhlens'),
    languages: c.get<string[]>('notes.languages', ['plaintext', 'markdown']),
  };
}

export function affectsNotesSettings(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration('zhlens.notes');
}
