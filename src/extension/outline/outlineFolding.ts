import * as vscode from 'vscode';
import type { Section } from '../../core';
import type { ArticleAnalyses } from '../article/articleAnalysis';
import { sectionRange } from './outlineSymbols';

/** One folding range per section of more than one line, nested as the outline is. */
export class OutlineFoldingProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly analyses: ArticleAnalyses) {}

  provideFoldingRanges(document: vscode.TextDocument, _context: vscode.FoldingContext, token: vscode.CancellationToken): vscode.FoldingRange[] {
    const ranges: vscode.FoldingRange[] = [];
    const visit = (section: Section) => {
      const { start, end } = sectionRange(document, section);
      if (end.line > start.line) ranges.push(new vscode.FoldingRange(start.line, end.line, vscode.FoldingRangeKind.Region));
      section.children.forEach(visit);
    };
    if (!token.isCancellationRequested) this.analyses.get(document).sections.forEach(visit);
    return ranges;
  }
}
