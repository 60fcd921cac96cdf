import * as vscode from 'vscode';
import { describeFigure, describeOrganization, type FigureDescription, type OrganizationDescription } from '../../core';
import { type ArticleAnalyses, indexAt } from './articleAnalysis';
import { REVEAL_COMMAND, revealLink } from './articleReveal';

/** More mentions than this are counted, not listed. */
const MAX_LISTED_MENTIONS = 5;

/**
 * Article text in Markdown: emphasis, code, link and HTML characters are escaped, and a list
 * marker at the start (the related-links lines begin with "- "); digits and 。，are left readable.
 */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&').replace(/^([-+#])/, '\\$1');
}

function lineLabel(document: vscode.TextDocument, offset: number): string {
  return `line ${document.positionAt(offset).line + 1}`;
}

function figureMarkdown(document: vscode.TextDocument, figureText: string, d: FigureDescription): string[] {
  const lines = [`**${escapeMarkdown(figureText)}** · ${d.kind}${d.growth ? ` (${escapeMarkdown(d.growth)})` : ''}`, ''];
  lines.push(`${escapeMarkdown(d.normalized)}${d.reading ? ` ${escapeMarkdown(d.reading)}` : ''}`);
  if (d.approximation) lines.push('', `Approximate: ${escapeMarkdown(d.approximation.word)} = "${d.approximation.meaning}"`);
  for (const derived of d.derived) lines.push('', `${derived.label}: ${escapeMarkdown(derived.text)} (${escapeMarkdown(derived.basis)})`);
  lines.push('', `> ${escapeMarkdown(d.sentence.text)}`);
  if (d.sameQuantity.length) {
    const listed = d.sameQuantity.slice(0, MAX_LISTED_MENTIONS).map((m) => revealLink(lineLabel(document, m.start), document.uri, m.start, m.end));
    const more = d.sameQuantity.length > MAX_LISTED_MENTIONS ? ` and ${d.sameQuantity.length - MAX_LISTED_MENTIONS} more` : '';
    lines.push('', `Same quantity also at ${listed.join(', ')}${more}`);
  }
  return lines;
}

function organizationMarkdown(document: vscode.TextDocument, name: string, d: OrganizationDescription): string[] {
  const lines = [`**${escapeMarkdown(name)}** · ${d.type}`, ''];
  if (d.canonical !== name) lines.push(`Full name: ${escapeMarkdown(d.canonical)}`, '');
  if (d.aliases.length) lines.push(`Also called: ${d.aliases.map(escapeMarkdown).join(', ')}`, '');
  const first = revealLink(`first mention, ${lineLabel(document, d.firstMention.start)}`, document.uri, d.firstMention.start, d.firstMention.end);
  lines.push(`${d.mentions} mention${d.mentions === 1 ? '' : 's'} · ${first}`);
  if (d.otherMentions.length) {
    const listed = d.otherMentions.slice(0, MAX_LISTED_MENTIONS).map((m) => revealLink(`${escapeMarkdown(m.text)} (${lineLabel(document, m.start)})`, document.uri, m.start, m.end));
    const more = d.otherMentions.length > MAX_LISTED_MENTIONS ? ` and ${d.otherMentions.length - MAX_LISTED_MENTIONS} more` : '';
    lines.push('', `Other mentions: ${listed.join(', ')}${more}`);
  }
  return lines;
}

/** The hover on a figure or an organization; the words come from the core's describe functions. */
export class ArticleHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyses: ArticleAnalyses) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    const offset = document.offsetAt(position);
    const analysis = this.analyses.get(document, [new vscode.Range(position, position)]);
    if (token.isCancellationRequested) return undefined;
    const text = document.getText();
    const figureIndex = indexAt(analysis.figures, offset);
    const organizationIndex = figureIndex < 0 ? indexAt(analysis.organizations, offset) : -1;
    let lines: string[];
    let span: { start: number; end: number };
    if (figureIndex >= 0) {
      span = analysis.figures[figureIndex];
      lines = figureMarkdown(document, analysis.figures[figureIndex].text, describeFigure(text, analysis.figures, figureIndex));
    } else if (organizationIndex >= 0) {
      span = analysis.organizations[organizationIndex];
      lines = organizationMarkdown(document, analysis.organizations[organizationIndex].text, describeOrganization(analysis.organizations, organizationIndex));
    } else {
      return undefined;
    }
    const markdown = new vscode.MarkdownString(lines.join('\n'));
    markdown.isTrusted = { enabledCommands: [REVEAL_COMMAND] };
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)));
  }
}
