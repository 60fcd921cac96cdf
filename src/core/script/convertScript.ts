import * as OpenCC from 'opencc-js';
import type { ScriptTarget } from '../types';

/**
 * Simplified ⇄ Traditional conversion with OpenCC's phrase tables. Taiwan standard on the
 * Traditional side: `from: 'tw'` converts 隨著 → 随着 and 著重 → 着重 correctly, where the generic
 * `t` table leaves 著.
 */
let toCn: ((s: string) => string) | undefined;
let toTw: ((s: string) => string) | undefined;

export function toSimplified(text: string): string {
  toCn ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return toCn(text);
}

export function toTraditional(text: string): string {
  toTw ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  return toTw(text);
}

export function convertScript(text: string, target: ScriptTarget): string {
  if (target === 'simplified') return toSimplified(text);
  if (target === 'traditional') return toTraditional(text);
  return text;
}
