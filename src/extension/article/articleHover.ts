import * as vscode from 'vscode';
import { describeFigure, describeOrganization, type FigureDescription, type MentionGroup, type OrganizationDescription } from '../../core';
import { type ArticleAnalyses, indexAt } from './articleAnalysis';
import { NEXT_MENTION_COMMAND, REVEAL_COMMAND, revealLink } from './articleReveal';

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
  return vscode.l10n.t('line {0}', document.positionAt(offset).line + 1);
}

/** "Mention 2 of 3 · next: line 14": where this mention stands in its group, with a link to the next. */
function mentionLine(document: vscode.TextDocument, group: MentionGroup | undefined, offset: number): string[] {
  if (!group) return [];
  const index = group.mentions.findIndex((m) => m.start <= offset && offset < m.end);
  if (index < 0) return [];
  const next = group.mentions[(index + 1) % group.mentions.length];
  const link = revealLink(vscode.l10n.t('next: {0}', lineLabel(document, next.start)), document.uri, next.start, next.end);
  return ['', `${vscode.l10n.t('Mention {0} of {1}', index + 1, group.mentions.length)} · ${link}`];
}

function figureMarkdown(document: vscode.TextDocument, figureText: string, d: FigureDescription, group: MentionGroup | undefined, offset: number): string[] {
  const lines = [`**${escapeMarkdown(figureText)}** · ${d.kind}${d.growth ? ` (${escapeMarkdown(d.growth)})` : ''}`, ''];
  lines.push(`${escapeMarkdown(d.normalized)}${d.reading ? ` ${escapeMarkdown(d.reading)}` : ''}`);
  if (d.conversions.length) lines.push('', d.conversions.map(escapeMarkdown).join(' · '));
  if (d.approximation) lines.push('', `${vscode.l10n.t('Approximate')}: ${escapeMarkdown(d.approximation.word)} = "${d.approximation.meaning}"`);
  if (d.baseYear !== undefined && !d.derived.length) lines.push('', vscode.l10n.t('Compared with {0}', d.baseYear));
  for (const derived of d.derived) lines.push('', `${derived.label}: ${escapeMarkdown(derived.text)} (${escapeMarkdown(derived.basis)})`);
  lines.push('', `> ${escapeMarkdown(d.sentence.text)}`);
  const mentions = mentionLine(document, group, offset);
  if (mentions.length) {
    lines.push(...mentions);
  } else if (d.sameQuantity.length) {
    const listed = d.sameQuantity.slice(0, MAX_LISTED_MENTIONS).map((m) => revealLink(lineLabel(document, m.start), document.uri, m.start, m.end));
    const more = d.sameQuantity.length > MAX_LISTED_MENTIONS ? ` ${vscode.l10n.t('and {0} more', d.sameQuantity.length - MAX_LISTED_MENTIONS)}` : '';
    lines.push('', `${vscode.l10n.t('Same quantity also at')} ${listed.join(', ')}${more}`);
  }
  return lines;
}

function organizationMarkdown(document: vscode.TextDocument, name: string, d: OrganizationDescription, group: MentionGroup | undefined, offset: number): string[] {
  const lines = [`**${escapeMarkdown(name)}** · ${d.type}`, ''];
  if (d.canonical !== name) lines.push(`${vscode.l10n.t('Full name')}: ${escapeMarkdown(d.canonical)}`, '');
  if (d.aliases.length) lines.push(`${vscode.l10n.t('Also called')}: ${d.aliases.map(escapeMarkdown).join(', ')}`, '');
  const first = revealLink(vscode.l10n.t('first mention, {0}', lineLabel(document, d.firstMention.start)), document.uri, d.firstMention.start, d.firstMention.end);
  lines.push(`${d.mentions === 1 ? vscode.l10n.t('1 mention') : vscode.l10n.t('{0} mentions', d.mentions)} · ${first}`);
  if (d.otherMentions.length) {
    const listed = d.otherMentions.slice(0, MAX_LISTED_MENTIONS).map((m) => revealLink(`${escapeMarkdown(m.text)} (${lineLabel(document, m.start)})`, document.uri, m.start, m.end));
    const more = d.otherMentions.length > MAX_LISTED_MENTIONS ? ` ${vscode.l10n.t('and {0} more', d.otherMentions.length - MAX_LISTED_MENTIONS)}` : '';
    lines.push('', `${vscode.l10n.t('Other mentions')}: ${listed.join(', ')}${more}`);
  }
  lines.push(...mentionLine(document, group, offset));
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
    const group = (groups: readonly MentionGroup[]) => groups.find((g) => g.mentions.some((m) => m.start <= offset && offset < m.end));
    if (figureIndex >= 0) {
      span = analysis.figures[figureIndex];
      lines = figureMarkdown(document, analysis.figures[figureIndex].text, describeFigure(text, analysis.figures, figureIndex), group(analysis.mentions().figures), offset);
    } else if (organizationIndex >= 0) {
      span = analysis.organizations[organizationIndex];
      lines = organizationMarkdown(document, analysis.organizations[organizationIndex].text, describeOrganization(analysis.organizations, organizationIndex), group(analysis.mentions().organizations), offset);
    } else {
      return undefined;
    }
    const markdown = new vscode.MarkdownString(lines.join('\n'));
    markdown.isTrusted = { enabledCommands: [REVEAL_COMMAND, NEXT_MENTION_COMMAND] };
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)));
  }
}
