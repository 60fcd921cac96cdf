import * as vscode from 'vscode';
import type { Section, SectionKind } from '../../core';
import type { ArticleAnalyses } from '../article/articleAnalysis';
import type { DocumentStates } from '../documentState';

/** How each kind of section shows in the Outline view and breadcrumbs. */
const SYMBOL_KINDS: Record<SectionKind, vscode.SymbolKind> = {
  title: vscode.SymbolKind.File,
  lead: vscode.SymbolKind.Event,
  heading: vscode.SymbolKind.Namespace,
  'markdown-heading': vscode.SymbolKind.Namespace,
  numbered: vscode.SymbolKind.Namespace,
  chapter: vscode.SymbolKind.Module,
  footer: vscode.SymbolKind.Constant,
  credits: vscode.SymbolKind.Constant,
  'related-links': vscode.SymbolKind.Array,
};

/** What the Outline view shows after a section's title. */
export const SECTION_KIND_LABELS: Record<SectionKind, string> = {
  title: 'title',
  lead: 'lead',
  heading: 'section',
  'markdown-heading': 'section',
  numbered: 'section',
  chapter: 'chapter',
  footer: 'copyright notice',
  credits: 'editor credits',
  'related-links': 'related links',
};

/** The section's whole text, without the line break that ends it. */
export function sectionRange(document: vscode.TextDocument, section: Section): vscode.Range {
  const end = document.positionAt(section.end);
  const last = end.character === 0 && end.line > section.line ? document.lineAt(end.line - 1).range.end : end;
  return new vscode.Range(section.line, 0, last.line, last.character);
}

/** The heading's own lines: a two-line heading (三地產業協同成效明顯 / 將打造區域優勢產業集群) is both. */
export function headingRange(document: vscode.TextDocument, section: Section): vscode.Range {
  const lines = section.kind === 'heading' ? section.title.split(' / ').length : 1;
  const last = Math.min(section.line + lines - 1, document.lineCount - 1);
  return new vscode.Range(section.line, 0, last, document.lineAt(last).text.length);
}

function toSymbol(document: vscode.TextDocument, section: Section): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(section.title, SECTION_KIND_LABELS[section.kind], SYMBOL_KINDS[section.kind], sectionRange(document, section), headingRange(document, section));
  symbol.children = section.children.map((child) => toSymbol(document, child));
  return symbol;
}

/** Article sections for the Outline view, breadcrumbs and Go to Symbol. */
export class OutlineSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly analyses: ArticleAnalyses, private readonly states: DocumentStates) {}

  /** After the garbling verdict due on the document, if one is: the verdict is what the reader waits for. */
  async provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    await this.states.afterVerdict(document);
    if (token.isCancellationRequested || document.isClosed) return [];
    const t0 = performance.now();
    const symbols = this.analyses.sections(document).map((s) => toSymbol(document, s));
    this.states.timings.step(document, 'outline', t0, `${symbols.length} top-level sections`);
    return symbols;
  }
}
