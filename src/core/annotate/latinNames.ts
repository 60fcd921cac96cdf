/**
 * Organization names written in Latin letters inside Chinese text, as translated technical and
 * news prose has them: Falcot Corp, Red Hat, Inc., SUSE Software Solutions Germany GmbH,
 * 自由软件基金会（Free Software Foundation）. Works on folded text (ASCII brackets).
 */
import type { OrganizationType } from './orgSuffixes';

/** A letter, digit or one of & . - as found inside brand names (AT&T, Red Hat, Inc.). */
export function isLatin(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x26 || code === 0x2d;
}

function isUpper(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

const MAX_CHAIN_WORDS = 5;

/**
 * Start of the Latin brand ending at `end`: one word (SMC, AT&T, falcot) or a chain of capitalised
 * words separated by single spaces (Falcot Corp, SSH Communications Security Corp). A word needs
 * two characters and a letter; a lone digit run is a quantity, not a name.
 */
export function latinChainStart(s: string, end: number): number | undefined {
  let start = end;
  while (start > 0 && isLatin(s.charCodeAt(start - 1))) start--;
  const word = s.slice(start, end);
  if (word.length < 2 || !/[A-Za-z]/.test(word)) return undefined;
  for (let words = 1; words < MAX_CHAIN_WORDS && isUpper(s.charCodeAt(start)); words++) {
    if (s.charCodeAt(start - 1) !== 0x20 || !isLatin(s.charCodeAt(start - 2))) break;
    let prev = start - 1;
    while (prev > 0 && isLatin(s.charCodeAt(prev - 1))) prev--;
    if (!isUpper(s.charCodeAt(prev)) || start - 1 - prev < 2) break;
    start = prev;
  }
  return start;
}

const ENDINGS: Record<string, OrganizationType> = {
  Corp: 'company', Corporation: 'company', Inc: 'company', GmbH: 'company', Ltd: 'company', LLC: 'company', Partners: 'company',
  Foundation: 'association', Consortium: 'association', Association: 'association', Institute: 'university', University: 'university',
};
/** Capitalised words (a comma allowed before Inc.) ending in a legal or institutional word. */
const LATIN_NAME = new RegExp(`\\b(?:[A-Z][A-Za-z0-9&-]*,? ){1,${MAX_CHAIN_WORDS}}(${Object.keys(ENDINGS).join('|')})\\b\\.?`, 'g');

export function latinNames(s: string, out: Array<{ start: number; end: number; type: OrganizationType }>): void {
  for (const m of s.matchAll(LATIN_NAME)) {
    let end = m.index + m[0].length;
    // The full stop belongs to the name only in abbreviations: Inc., Ltd. (not "Falcot Corp.").
    if (s[end - 1] === '.' && m[1] !== 'Inc' && m[1] !== 'Ltd') end--;
    out.push({ start: m.index, end, type: ENDINGS[m[1]] });
  }
}

const LATIN_INSIDE = /^[A-Z][A-Za-z0-9&.' -]*[A-Za-z.]$/;
const HAN_INSIDE = /^[\u3400-\u9fff]{2,6}$/;

/**
 * The other-script name given in brackets right after a name: 自由软件基金会(FSF),
 * 阿利坎特大学(Universitat d'Alacant), Red Hat, Inc.(红帽). Descriptions in brackets
 * (Raphaël Hertzog 的公司, 主持开发 Apache web 服务器) mix scripts and are not names.
 */
export function bracketedNameAfter(s: string, nameStart: number, nameEnd: number): { start: number; end: number } | undefined {
  if (s[nameEnd] !== '(') return undefined;
  const close = s.indexOf(')', nameEnd + 1);
  if (close < 0 || close - nameEnd > 60) return undefined;
  const inside = s.slice(nameEnd + 1, close);
  const latinName = isLatin(s.charCodeAt(nameStart));
  const ok = latinName ? HAN_INSIDE.test(inside) : LATIN_INSIDE.test(inside) && inside.length >= 2;
  return ok ? { start: nameEnd + 1, end: close } : undefined;
}
