import * as vscode from 'vscode';
import {
  annotateText, outlineText, readArticleHead, repeatedFigures, repeatedOrganizations,
  type ArticleHead, type Figure, type MentionGroup, type Organization, type Section, type TextKind,
} from '../../core';
import type { DocumentStates } from '../documentState';

/** Figures, organizations and sections of one document version, with UTF-16 offsets into it. */
export interface ArticleAnalysis {
  version: number;
  figures: Figure[];
  organizations: Organization[];
  sections: Section[];
  /** Title, source, place, date and author, as the article gives them before its text. */
  head: ArticleHead;
  /** Figures and organizations mentioned more than once, grouped; worked out at the first call. */
  mentions: () => { figures: MentionGroup[]; organizations: MentionGroup[] };
  /**
   * True when the document is over `zhlens.highlight.maxDocumentLength`: figures and
   * organizations then come from the lines around what the editor shows, not the whole text.
   */
  partial: boolean;
}

/** Lines of context on each side of a visible range, so a sentence cut by the viewport still reads. */
const CONTEXT_LINES = 5;

/** The documents the article features look at: plain text and Markdown, saved or not. */
export const ARTICLE_SELECTOR: vscode.DocumentSelector = [{ language: 'plaintext' }, { language: 'markdown' }];

export function isArticle(document: vscode.TextDocument): boolean {
  return vscode.languages.match(ARTICLE_SELECTOR, document) > 0;
}

/**
 * The document's length in UTF-16 units without its text: the offset of its end, from the line
 * starts the editor keeps per version (getText() joins every line again, a copy of the document).
 */
export function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

/**
 * One analysis per document version, shared by highlights, hovers, the outline and the Article
 * view, so that an edit costs one extraction however many features show it. It is kept in the
 * document's state (documentState.ts), which goes when the document closes.
 */
export class ArticleAnalyses {
  constructor(
    private readonly states: DocumentStates,
    private readonly maxLength: () => number,
    /** The kind of text whose conventions the organization tagger follows. */
    private readonly textKind: () => TextKind,
  ) {}

  /**
   * The analysis of `document`. Over the size limit, figures and organizations are read from
   * `around` (the visible ranges) only and the result is not cached, since it depends on them.
   */
  get(document: vscode.TextDocument, around: readonly vscode.Range[] = []): ArticleAnalysis {
    const state = this.states.of(document.uri);
    const cached = state.article;
    if (cached && cached.version === document.version && !cached.partial) return cached;
    // The text is joined only when read: over the size limit a scroll reads the lines it shows.
    let joined: string | undefined;
    const text = () => (joined ??= document.getText());
    const sameVersion = cached?.version === document.version;
    const sections = sameVersion ? cached.sections : state.sections?.version === document.version ? state.sections.sections : outlineText(text());
    const head = sameVersion ? cached.head : readArticleHead(text());
    const partial = (joined?.length ?? documentLength(document)) > this.maxLength();
    const annotations = partial ? annotateWindows(document, around, this.textKind()) : annotateText(text(), this.textKind());
    state.article = {
      version: document.version, ...annotations, sections, head, partial,
      mentions: once(() => ({ figures: repeatedFigures(annotations.figures), organizations: repeatedOrganizations(annotations.organizations) })),
    };
    return state.article;
  }

  /**
   * The sections of `document` alone (the outline, folding): no figures or organizations are
   * read for them, so an outline asked for on open does not hold up the garbling verdict.
   */
  sections(document: vscode.TextDocument): Section[] {
    const state = this.states.of(document.uri);
    if (state.article?.version === document.version) return state.article.sections;
    if (state.sections?.version !== document.version) state.sections = { version: document.version, sections: outlineText(document.getText()) };
    return state.sections.sections;
  }

  /** Forget the results of every document, as when the size limit changes. */
  clear(): void {
    for (const state of this.states.all()) {
      state.article = undefined;
      state.sections = undefined;
    }
  }
}

function once<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= compute());
}

/** Annotations of whole lines around each range, shifted to document offsets, in order. */
function annotateWindows(document: vscode.TextDocument, ranges: readonly vscode.Range[], kind: TextKind): { figures: Figure[]; organizations: Organization[] } {
  const figures: Figure[] = [];
  const organizations: Organization[] = [];
  let covered = -1;
  const windows = [...ranges].sort((a, b) => a.start.line - b.start.line);
  for (const range of windows) {
    const first = Math.max(range.start.line - CONTEXT_LINES, covered + 1);
    const last = Math.min(range.end.line + CONTEXT_LINES, document.lineCount - 1);
    if (first > last) continue;
    covered = last;
    const start = document.offsetAt(new vscode.Position(first, 0));
    const window = document.getText(new vscode.Range(first, 0, last, document.lineAt(last).text.length));
    const found = annotateText(window, kind);
    figures.push(...found.figures.map((f) => ({ ...f, start: f.start + start, end: f.end + start })));
    organizations.push(...found.organizations.map((o) => ({ ...o, start: o.start + start, end: o.end + start })));
  }
  return { figures, organizations };
}

/** The index of the figure or organization under `offset`, or -1. */
export function indexAt<T extends { start: number; end: number }>(items: readonly T[], offset: number): number {
  return items.findIndex((item) => item.start <= offset && offset < item.end);
}
