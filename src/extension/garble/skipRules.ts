/**
 * Which documents zhlens looks at, as plain rules over what a document is (no editor here, so
 * they are unit-tested on their own; garbleScope.ts reads the facts from a TextDocument). Output
 * panels, git's views of old revisions, diff previews and other virtual documents are not files
 * a reader can repair; binary files opened as text anyway are noise to every detector.
 */
// vscode-vfs: a repository opened in github.dev or vscode.dev (GitHub Repositories).
const ANALYSED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-userdata', 'vscode-vfs']);
/** Languages looked at on open whatever their content; any other only when it contains Chinese. */
const PROSE_LANGUAGES = new Set(['plaintext', 'markdown']);
/** CJK ideographs (basic and extension A) and the CJK punctuation block. */
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff]/;

export type SkipReason = 'scheme' | 'ignored' | 'too-large' | 'binary' | 'not-chinese';

/** What the rules look at. */
export interface DocumentFacts {
  scheme: string;
  languageId: string;
  text: string;
  /** The document matches a `zhlens.ignore` pattern. */
  ignored: boolean;
}

/**
 * Why the document is left alone, or undefined when it is to be analysed. `automatic` is true
 * for detection on open: then source code without any Chinese is skipped too.
 */
export function skipReasonOf(facts: DocumentFacts, sizeLimit: number, automatic: boolean): SkipReason | undefined {
  if (!ANALYSED_SCHEMES.has(facts.scheme)) return 'scheme';
  if (facts.ignored) return 'ignored';
  const { text } = facts;
  if (text.includes('\u0000')) return 'binary';
  // Before the size: a large log or data file without Chinese is no concern of zhlens at all.
  if (automatic && !PROSE_LANGUAGES.has(facts.languageId) && !CHINESE.test(text)) return 'not-chinese';
  if (text.length > sizeLimit) return 'too-large';
  return undefined;
}
