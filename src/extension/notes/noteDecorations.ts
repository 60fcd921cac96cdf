import * as vscode from 'vscode';
import type { HighlightColour } from '../../core';
import type { NotesManager } from './notesManager';
import { allColours, colourLabel, colourThemeId } from './noteLabels';

export interface DrawnNote {
  kind: HighlightColour | 'note';
  start: number;
  end: number;
  text: string;
}

/**
 * Highlights as decorations, one type per colour (theme colours: a background in light and dark
 * themes, a border in high contrast), with their meaning in the hover; the words under a note
 * are underlined so that the reader sees what it is about before opening it.
 */
export class NoteDecorations implements vscode.Disposable {
  private readonly types = new Map<HighlightColour | 'note', vscode.TextEditorDecorationType>();
  private readonly drawn = new Map<string, DrawnNote[]>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly manager: NotesManager) {
    for (const colour of allColours()) {
      this.types.set(
        colour,
        vscode.window.createTextEditorDecorationType({
          backgroundColor: new vscode.ThemeColor(colourThemeId(colour, 'Background')),
          border: '1px solid',
          borderColor: new vscode.ThemeColor(colourThemeId(colour, 'Border')),
          overviewRulerColor: new vscode.ThemeColor(colourThemeId(colour, 'Ruler')),
          overviewRulerLane: vscode.OverviewRulerLane.Center,
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        }),
      );
    }
    this.types.set(
      'note',
      vscode.window.createTextEditorDecorationType({
        textDecoration: 'underline dotted',
        overviewRulerColor: new vscode.ThemeColor('zhlens.notes.noteRuler'),
        overviewRulerLane: vscode.OverviewRulerLane.Center,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
    );
    this.subscriptions.push(
      manager.onDidChange((uri) => this.redraw(uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => {
        for (const a of manager.all()) this.redraw(a.uri);
      }),
    );
    for (const a of manager.all()) this.redraw(a.uri);
  }

  redraw(uri: vscode.Uri): void {
    const key = uri.toString();
    const a = this.manager.peek(uri);
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === key);
    const byType = new Map<HighlightColour | 'note', vscode.DecorationOptions[]>([...this.types.keys()].map((k) => [k, []]));
    const drawn: DrawnNote[] = [];
    const document = editors[0]?.document;
    if (a && document) {
      for (const n of a.notes) {
        if (!n.range) continue;
        const kind = n.note.motivation === 'highlighting' ? (n.note.colour ?? 'key-fact') : 'note';
        const range = new vscode.Range(document.positionAt(n.range.start), document.positionAt(n.range.end));
        const hover = kind === 'note' ? undefined : new vscode.MarkdownString(vscode.l10n.t('**{0}** (zhlens highlight)', colourLabel(kind)));
        byType.get(kind)!.push({ range, hoverMessage: hover });
        drawn.push({ kind, start: n.range.start, end: n.range.end, text: document.getText(range) });
      }
    }
    for (const editor of editors) for (const [kind, options] of byType) editor.setDecorations(this.types.get(kind)!, options);
    this.drawn.set(key, drawn);
  }

  /** What was last drawn in the editors of `uri` (VS Code cannot read decorations back). */
  rangesFor(uri: vscode.Uri): DrawnNote[] {
    return this.drawn.get(uri.toString()) ?? [];
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
