/** Article outline: head (title, source, date, author), lead, subheadings, numbered and chapter headings, end matter. */
export type { Section, SectionKind } from './types';
export { isEndMatter } from './types';
export { readArticleHead } from './articleHead';
export type { ArticleHead } from './articleHead';
export { outlineText } from './outlineText';
export { flattenOutline } from './outlineTree';
