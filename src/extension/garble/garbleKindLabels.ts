import * as vscode from 'vscode';
import { ALL_GARBLE_KINDS, describeIssueCounts, type GarbleIssue, type GarbleKind } from '../../core';

/** The name of one span of each kind, in the user's language. */
export function kindLabel(kind: GarbleKind): string {
  switch (kind) {
    case 'wrong-encoding':
      return vscode.l10n.t('File in a legacy encoding');
    case 'replacement-char':
      return vscode.l10n.t('Run of U+FFFD');
    case 'mojibake-gbk':
      return vscode.l10n.t('GBK mojibake');
    case 'mojibake-latin1':
      return vscode.l10n.t('Latin-1 mojibake');
    case 'mojibake-big5':
      return vscode.l10n.t('Big5 mojibake');
    case 'misaligned-gbk':
      return vscode.l10n.t('Misaligned GBK run');
    case 'pinyin-annotation':
      return vscode.l10n.t('Pinyin annotation');
    case 'mixed-script':
      return vscode.l10n.t('Mixed script');
  }
}

/** `7 处错位 GBK 片段` etc.: Chinese counts need no plural, so one string per kind suffices. */
function countPhrase(kind: GarbleKind, n: number): string {
  switch (kind) {
    case 'wrong-encoding':
      return vscode.l10n.t('{0} files in a legacy encoding', n);
    case 'replacement-char':
      return vscode.l10n.t('{0} runs of U+FFFD', n);
    case 'mojibake-gbk':
      return vscode.l10n.t('{0} GBK mojibake spans', n);
    case 'mojibake-latin1':
      return vscode.l10n.t('{0} Latin-1 mojibake spans', n);
    case 'mojibake-big5':
      return vscode.l10n.t('{0} Big5 mojibake spans', n);
    case 'misaligned-gbk':
      return vscode.l10n.t('{0} misaligned GBK runs', n);
    case 'pinyin-annotation':
      return vscode.l10n.t('{0} pinyin annotations', n);
    case 'mixed-script':
      return vscode.l10n.t('{0} mixed-script spans', n);
  }
}

/**
 * "7 misaligned GBK runs, 450 pinyin annotations" in the user's language. English is the core's
 * own wording (with singulars); a translation bundle, when VS Code loaded one, supplies the rest.
 */
export function describeCounts(issues: readonly GarbleIssue[]): string {
  if (!vscode.l10n.bundle) return describeIssueCounts(issues);
  const counts = new Map<GarbleKind, number>();
  for (const i of issues) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
  return ALL_GARBLE_KINDS.filter((k) => counts.has(k))
    .map((k) => countPhrase(k, counts.get(k)!))
    .join(vscode.l10n.t(', '));
}
