/**
 * Reading numbers written with Arabic digits (ASCII or full-width) or Chinese numerals, including
 * the financial forms (壹仟) and the scale words 万 and 亿 that news text puts after digits
 * (1190万, 180.7亿). Works on Simplified text: callers fold Traditional first (萬 → 万, 兩 → 两).
 */

const DIGIT_VALUES: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 两: 2, 贰: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

const NUMERAL_CHARS = new Set([...Object.keys(DIGIT_VALUES), ...Object.keys(SMALL_UNITS), ...Object.keys(LARGE_UNITS)]);
const SCALE_CHARS = new Set([...Object.keys(SMALL_UNITS), ...Object.keys(LARGE_UNITS)]);

/** Numeral characters by UTF-16 code unit, so scans test a code without making a string. */
const NUMERAL_CODES = new Uint8Array(0x10000);
for (const c of NUMERAL_CHARS) NUMERAL_CODES[c.charCodeAt(0)] = 1;

export function isChineseNumeralCode(code: number): boolean {
  return NUMERAL_CODES[code] === 1;
}

export function isChineseNumeralChar(ch: string): boolean {
  return NUMERAL_CODES[ch.charCodeAt(0)] === 1 && ch.length === 1;
}

export function isChineseScaleChar(ch: string): boolean {
  return SCALE_CHARS.has(ch);
}

/** ASCII or full-width digit (０-９ are U+FF10..U+FF19). */
export function isDigit(ch: string): boolean {
  return ch.length === 1 && isDigitCode(ch.charCodeAt(0));
}

export function isDigitCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

function asciiDigits(s: string): string {
  return s.replace(/[０-９．，]/g, (c) => (c === '．' ? '.' : c === '，' ? ',' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** 1,190.5 or １１９０ → number; thousands separators are dropped. */
export function parseArabic(s: string): number {
  return Number(asciiDigits(s).replace(/,/g, ''));
}

/**
 * 三千五百 → 3500, 十 → 10, 两万三千 → 23000, 一亿三千万 → 130000000, 壹仟 → 1000.
 * A run of bare digits without any unit is read positionally, the way years are written:
 * 二〇二三 → 2023.
 */
export function parseChineseNumeral(s: string): number | null {
  // One numeral (一, 十, 万: most of those a scan meets) is its own value, read without splitting.
  if (s.length === 1) {
    if (!isChineseNumeralChar(s)) return null;
    return DIGIT_VALUES[s] ?? SMALL_UNITS[s] ?? LARGE_UNITS[s];
  }
  const chars = [...s];
  if (chars.length === 0 || !chars.every(isChineseNumeralChar)) return null;
  if (chars.length > 1 && chars.every((c) => c in DIGIT_VALUES)) {
    return Number(chars.map((c) => DIGIT_VALUES[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of chars) {
    if (c in DIGIT_VALUES) {
      digit = DIGIT_VALUES[c];
    } else if (c in SMALL_UNITS) {
      // 十五 means 一十五: a small unit with no digit before it counts once.
      section += (digit || 1) * SMALL_UNITS[c];
      digit = 0;
    } else if (c === '万') {
      section = (section + digit || 1) * 1e4;
      total += section;
      section = 0;
      digit = 0;
    } else {
      total = (total + section + digit || 1) * 1e8;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

/** 万亿 → 1e12, 千万 → 1e7, 百 → 100: the product of a run of scale characters after digits. */
export function scaleOf(s: string): number {
  let scale = 1;
  for (const c of s) scale *= SMALL_UNITS[c] ?? LARGE_UNITS[c] ?? 1;
  return scale;
}
