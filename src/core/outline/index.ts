/** Article outline: title, dateline/lead, subheadings, numbered and chapter headings, end matter. */
export type { Section, SectionKind } from './types';
export { outlineText } from './outlineText';
export { flattenOutline } from './outlineTree';
