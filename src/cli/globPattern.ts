/**
 * Shell-style globs for batch runs, compiled for walking: `crawl/**\/*.txt` becomes the literal
 * folder `crawl` to start from, then one matcher per path segment. Supported: `*`, `?`,
 * `[abc]`/`[!abc]`/`[a-z]`, `{a,b}` (nested), `**` as a whole segment (any depth), `\` to escape.
 * As in the shell, `*`, `?` and `**` do not match a name that starts with a dot.
 */

import { UsageError } from './errors';

/** `**` as a whole segment: zero or more folders. */
export const GLOBSTAR = Symbol('globstar');
export type SegmentMatcher = RegExp | typeof GLOBSTAR;

export interface CompiledGlob {
  /** The folder the walk starts from: the pattern's leading segments that have no magic. */
  base: string;
  /** Matchers for the path below `base`, one per segment; empty when the pattern is a plain path. */
  segments: SegmentMatcher[];
}

/** True when `text` has an unescaped `*`, `?`, `[` or `{`. */
export function hasGlobMagic(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[' || c === '{') return true;
  }
  return false;
}

/** One compiled glob per alternative of the pattern's braces (`{a,b/c}` may hold slashes). */
export function compileGlob(pattern: string): CompiledGlob[] {
  return expandBraces(pattern).map(compileBraceless);
}

/** `a{b,c{d,e}}f` → `abf`, `acdf`, `acef`. A brace without a comma, or unclosed, is literal. */
export function expandBraces(pattern: string): string[] {
  for (let open = 0; open < pattern.length; open++) {
    if (pattern[open] === '\\') {
      open++;
      continue;
    }
    if (pattern[open] !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let j = open; j < pattern.length; j++) {
      const c = pattern[j];
      if (c === '\\') j++;
      else if (c === '{') depth++;
      else if (c === ',' && depth === 1) commas.push(j);
      else if (c === '}' && --depth === 0) {
        if (commas.length === 0) break;
        const prefix = pattern.slice(0, open);
        const suffix = pattern.slice(j + 1);
        const cuts = [open, ...commas, j];
        const alternatives = cuts.slice(1).map((end, k) => pattern.slice(cuts[k] + 1, end));
        return alternatives.flatMap((alt) => expandBraces(prefix + alt + suffix));
      }
    }
  }
  return [pattern];
}

function compileBraceless(pattern: string): CompiledGlob {
  const parts = pattern.split('/');
  const absolute = parts[0] === '';
  const baseParts: string[] = [];
  let k = 0;
  // The last segment stays a matcher even without magic when an earlier one had some; a fully
  // literal pattern (left by brace expansion: `{a,b}.txt` → `a.txt`) is all base.
  while (k < parts.length && !hasGlobMagic(parts[k])) baseParts.push(unescapeGlob(parts[k++]));
  const segments: SegmentMatcher[] = [];
  for (const part of parts.slice(k)) {
    if (part === '') continue;
    if (part === '**') {
      if (segments[segments.length - 1] !== GLOBSTAR) segments.push(GLOBSTAR);
    } else {
      segments.push(segmentRegExp(part));
    }
  }
  const joined = baseParts.filter((p, i) => p !== '' || i === 0).join('/');
  const base = absolute ? joined || '/' : joined || '.';
  return { base, segments };
}

function unescapeGlob(text: string): string {
  return text.replace(/\\(.)/gu, '$1');
}

// Characters with a meaning in a `u`-flag regular expression; escaping any other is a syntax error.
const REGEXP_SYNTAX = /[\\^$.*+?()[\]{}|/]/;
const escapeRegExp = (ch: string) => (REGEXP_SYNTAX.test(ch) ? `\\${ch}` : ch);

/** One path segment's pattern (`*.txt`, `[!a-c]*`) as an anchored regular expression. */
export function segmentRegExp(segment: string): RegExp {
  const chars = Array.from(segment);
  let source = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\' && i + 1 < chars.length) source += escapeRegExp(chars[++i]);
    else if (c === '*') {
      while (chars[i + 1] === '*') i++;
      source += '[^/]*';
    } else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const cls = characterClass(chars, i);
      if (cls) {
        source += cls.source;
        i = cls.end;
      } else source += '\\[';
    } else source += escapeRegExp(c);
  }
  const hideDotNames = segment.startsWith('.') ? '' : '(?!\\.)';
  try {
    return new RegExp(`^${hideDotNames}${source}$`, 'u');
  } catch {
    // `[z-a]`: a range out of order is the one mistake that survives the translation.
    throw new UsageError(`bad pattern '${segment}'`);
  }
}

const escapeClassMember = (ch: string) => (/[\\^\]\-[]/u.test(ch) ? `\\${ch}` : ch);

/** `[!a-z]` at `chars[start]` as a regular-expression class, or undefined when it never closes. */
function characterClass(chars: readonly string[], start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  const negated = chars[i] === '!' || chars[i] === '^';
  if (negated) i++;
  let body = '';
  // A `]` right after `[` or `[!` is a member, not the end (POSIX).
  for (let first = true; i < chars.length; i++, first = false) {
    const c = chars[i];
    if (c === ']' && !first) return { source: `[${negated ? '^' : ''}${body}]`, end: i };
    if (c === '\\' && i + 1 < chars.length) body += escapeClassMember(chars[++i]);
    else body += c === '-' ? '-' : escapeClassMember(c);
  }
  return undefined;
}
