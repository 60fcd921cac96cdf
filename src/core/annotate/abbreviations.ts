/**
 * Short forms of a name the text gives in full, as news uses them after the first mention:
 * 天津大学 → 天大, 北京经济技术开发区 → 经开区, 国家发展和改革委员会 → 发改委. A short form takes
 * the first character of some words of the name, in order, and of its ending (大学 → 大) or
 * the first and last of a longer ending (开发区 → 开…区). Works on folded text.
 *
 * A short form found alone is linked to the full name only where it stands as a name: after a
 * boundary or a preposition (在经开区, 。天大), not after a place, a count or a determiner
 * (天津经开区 is Tianjin's own zone, 14家经开区 and 该经开区 are no name).
 */
import { commonWordsEnding, functionWordsEnding, properWordsEnding } from './lexicon';
import { LEFT_STOP_CHARS, SUFFIXES_BY_LAST_CHAR } from './orgSuffixes';

/** Stop characters after which a short form is a kind of body, not a name: 的经开区, 该经开区, 各经开区. */
const GENERIC_BEFORE = new Set([...'的各每该此这那其本']);
const MAX_PICKED_WORDS = 3;

/** The words of a name: its ending (the shortest suffix of two characters or more), then dictionary words right to left. */
function words(s: string): Array<[number, number]> {
  const start = 0;
  const end = s.length;
  const out: Array<[number, number]> = [];
  let e = end;
  const endings = (SUFFIXES_BY_LAST_CHAR.get(s[e - 1]) ?? []).filter((x) => x.suffix.length >= 2 && s.endsWith(x.suffix, e) && e - x.suffix.length > start);
  if (endings.length === 0) return [];
  const ending = endings[endings.length - 1].suffix.length;
  out.unshift([e - ending, e]);
  e -= ending;
  while (e > start) {
    let len = Math.max(properWordsEnding().longest(s, e, 2), commonWordsEnding().longest(s, e, 2));
    if (len === 0 || len > e - start) len = 1;
    out.unshift([e - len, e]);
    e -= len;
  }
  return out;
}

/** The short forms of a name (folded; none when it has no known ending). */
export function shortFormsOf(name: string): string[] {
  const s = name;
  const parts = words(s);
  if (parts.length < 2) return [];
  const [endStart, endEnd] = parts[parts.length - 1];
  const ending = s.slice(endStart, endEnd);
  const endingForms = [ending[0], ...(ending.length >= 3 ? [ending[0] + ending[ending.length - 1]] : [])];
  const heads = parts.slice(0, -1).map(([a]) => s[a]).filter((c) => !LEFT_STOP_CHARS.has(c));
  const forms = new Set<string>();
  const pick = (from: number, prefix: string, count: number) => {
    if (count > 0) for (const e of endingForms) forms.add(prefix + e);
    if (count === MAX_PICKED_WORDS) return;
    for (let k = from; k < heads.length; k++) pick(k + 1, prefix + heads[k], count + 1);
  };
  pick(0, '', 0);
  return [...forms].filter((f) => f.length >= 2 && f !== name && !isWord(f));
}

function isWord(w: string): boolean {
  return commonWordsEnding().longest(w, w.length, w.length) === w.length || functionWordsEnding().longest(w, w.length, w.length) === w.length;
}

/** Whether a short form found at s[start, end) stands as a name there (see the module comment). */
export function standsAsName(s: string, start: number, end: number): boolean {
  if (start > 0) {
    const before = s[start - 1];
    const han = /[\u3400-\u9fff]/u.test(before);
    if (han && (!LEFT_STOP_CHARS.has(before) || GENERIC_BEFORE.has(before))) return false;
  }
  // 人行道: the last character starts a word with the next one.
  const across = end < s.length ? commonWordsEnding().longest(s, end + 1, 2) : 0;
  return !(across >= 2 && across <= end + 1 - start);
}
