/**
 * `mixed-script`: part of a text was converted to the other script (a paste from another source,
 * a converter run over one paragraph): `发展與協作`. Conversion is opencc-js's, as a tool would do.
 */
import * as OpenCC from 'opencc-js';

const converters = {
  'to-traditional': OpenCC.Converter({ from: 'cn', to: 't' }),
  'to-simplified': OpenCC.Converter({ from: 't', to: 'cn' }),
};

export type ScriptDirection = keyof typeof converters;

/** Converts `text[start, end)` and leaves the rest alone. */
export function mixedScript(text: string, start: number, end: number, direction: ScriptDirection): string {
  return text.slice(0, start) + converters[direction](text.slice(start, end)) + text.slice(end);
}

export function convertScript(text: string, direction: ScriptDirection): string {
  return converters[direction](text);
}
