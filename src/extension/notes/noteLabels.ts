import * as vscode from 'vscode';
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../../core';

/** What each highlight colour means, as the reader reads it. */
export function colourLabel(colour: HighlightColour): string {
  switch (colour) {
    case 'key-fact':
      return vscode.l10n.t('Key fact');
    case 'question':
      return vscode.l10n.t('Question');
    case 'quote':
      return vscode.l10n.t('Quote');
    case 'to-check':
      return vscode.l10n.t('To check');
  }
}

/** `zhlens.notes.keyFactBackground` …: the theme colours contributed in package.json. */
export function colourThemeId(colour: HighlightColour, part: 'Background' | 'Border' | 'Ruler'): string {
  const name = colour.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return `zhlens.notes.${name}${part}`;
}

export function colourIcon(colour: HighlightColour): vscode.ThemeIcon {
  return new vscode.ThemeIcon('circle-large-filled', new vscode.ThemeColor(colourThemeId(colour, 'Ruler')));
}

export function allColours(): readonly HighlightColour[] {
  return HIGHLIGHT_COLOURS;
}

/** The first words of a quote, on one line. */
export function excerpt(text: string, max = 40): string {
  const one = text.replace(/\s+/g, ' ').trim();
  const chars = [...one];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : one;
}
