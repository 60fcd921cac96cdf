import * as vscode from 'vscode';
import type { Section } from '../../core';
import type { ArticleAnalyses } from '../article/articleAnalysis';
import type { DocumentStates } from '../documentState';
import { sectionRange } from './outlineSymbols';

/** One folding range per section of more than one line, nested as the outline is. */
export class OutlineFoldingProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly analyses: ArticleAnalyses, private readonly states: DocumentStates) {}

  /** After the garbling verdict due on the document, if one is (see OutlineSymbolProvider). */
  async provideFoldingRanges(document: vscode.TextDocument, _context: vscode.FoldingContext, token: vscode.CancellationToken): Promise<vscode.FoldingRange[]> {
    await this.states.afterVerdict(document);
    const ranges: vscode.FoldingRange[] = [];
    const visit = (section: Section) => {
      const { start, end } = sectionRange(document, section);
      if (end.line > start.line) ranges.push(new vscode.FoldingRange(start.line, end.line, vscode.FoldingRangeKind.Region));
      section.children.forEach(visit);
    };
    if (!token.isCancellationRequested && !document.isClosed) this.analyses.sections(document).forEach(visit);
    return ranges;
  }
}
