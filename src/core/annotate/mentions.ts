/**
 * Repeated mentions: the same figure written more than once (52個 three times, 三地 six times)
 * and the same organization under its full and short names (北京經濟技術開發區, 北京亦莊,
 * 經開區: one organization through `canonical`, which organizations.ts and otherMentions.ts
 * work out). The Article view lists each group with its count; the hover and the Next Mention
 * command step through a group.
 */
import type { Figure } from './figures';
import type { Organization } from './organizations';

export interface Mention {
  start: number;
  end: number;
  text: string;
}

export interface MentionGroup {
  /** What the group is called: the figure as first written, or the organization's full name. */
  label: string;
  /** The figure kind (count, money, area …) or the organization type. */
  kind: string;
  /** The distinct ways the text writes it, in order of first use: 52個; 北京經濟技術開發區, 北京亦莊. */
  names: string[];
  /** Every mention, in text order. */
  mentions: Mention[];
}

/** Figures that say the same quantity: same kind, unit and value (or the same date or range). */
function quantityKey(f: Figure): string {
  const value = f.kind === 'date' ? JSON.stringify(f.date) : f.kind === 'range' ? JSON.stringify(f.range) : String(f.value);
  return `${f.kind}|${f.unit ?? ''}|${f.dimension ?? ''}|${f.version ?? ''}|${value}`;
}

function groupBy<T extends Mention>(items: readonly T[], key: (item: T) => string, label: (first: T) => string, kind: (first: T) => string): MentionGroup[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  const out: MentionGroup[] = [];
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    out.push({
      label: label(list[0]),
      kind: kind(list[0]),
      names: [...new Set(list.map((m) => m.text))],
      mentions: list.map(({ start, end, text }) => ({ start, end, text })),
    });
  }
  // Most mentioned first; ties in order of first mention.
  return out.sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0].start - b.mentions[0].start);
}

/**
 * Figures mentioned twice or more, grouped by the quantity they state. Ordinals are left out:
 * two 首次 are two different firsts.
 */
export function repeatedFigures(figures: readonly Figure[]): MentionGroup[] {
  return groupBy(figures.filter((f) => f.kind !== 'ordinal'), quantityKey, (f) => f.text, (f) => (f.kind === 'measure' && f.dimension ? f.dimension : f.kind));
}

/** Organizations mentioned twice or more under any of their names, grouped by their full name. */
export function repeatedOrganizations(organizations: readonly Organization[]): MentionGroup[] {
  return groupBy(organizations, (o) => o.canonical, (o) => o.canonical, (o) => o.type);
}

/**
 * The mention after the one at `offset` in whichever group holds it, wrapping round to the first;
 * undefined when no repeated figure or organization is at `offset`.
 */
export function nextMention(groups: readonly MentionGroup[], offset: number): { group: MentionGroup; index: number; next: Mention } | undefined {
  for (const group of groups) {
    const index = group.mentions.findIndex((m) => m.start <= offset && offset < m.end);
    if (index >= 0) return { group, index, next: group.mentions[(index + 1) % group.mentions.length] };
  }
  return undefined;
}
