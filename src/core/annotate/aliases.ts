/**
 * Aliases that a text declares for a name it has just given in full:
 *   北京经济技术开发区(下称“北京亦庄”)   北京经济技术开发区（以下简称：“开发区”）
 * Works on folded text (Simplified, ASCII brackets and colon).
 */
const DECLARATION = /^\((?:以下|下文)?(?:简称|下称|称)[:,，]?[“"「『]?([^“”"「」『』()]{2,12})[”"」』]?\)/u;

export interface AliasDeclaration {
  /** Span of the alias inside the declaration. */
  start: number;
  end: number;
  alias: string;
}

/** The alias declared right after `nameEnd`, if any. */
export function aliasDeclaredAfter(folded: string, nameEnd: number): AliasDeclaration | undefined {
  const m = DECLARATION.exec(folded.slice(nameEnd, nameEnd + 24));
  if (!m) return undefined;
  const offset = m[0].indexOf(m[1]);
  return { start: nameEnd + offset, end: nameEnd + offset + m[1].length, alias: m[1] };
}
