/** Figures and organizations in Chinese news text, for highlighting and the `annotate` command. */
import { extractFigures, type Figure } from './figures';
import { extractOrganizations, type Organization } from './organizations';
import { TEXT_KINDS, type TextKind } from './tagger/features';

export { extractFigures, extractOrganizations };
export type { Figure, Organization };
export type { OrganizationType } from './organizations';
export type { FigureKind } from './figures';
export { describeFigure, englishAmount, englishOrdinal, groupDigits, growthBase, sentenceAround } from './describeFigure';
export { nextMention, repeatedFigures, repeatedOrganizations } from './mentions';
export type { Mention, MentionGroup } from './mentions';
export type { DerivedFigure, FigureDescription, TextSpan } from './describeFigure';
export { describeOrganization } from './describeOrganization';
export type { OrganizationDescription } from './describeOrganization';

export type { TextKind } from './tagger/features';

/** The kinds of text the organization tagger knows (news, resume, social). */
export function textKinds(): readonly TextKind[] {
  return TEXT_KINDS;
}

/** `kind`: the kind of text, whose conventions the organization tagger follows (news unless said). */
export function annotateText(text: string, kind?: TextKind): { figures: Figure[]; organizations: Organization[] } {
  return { figures: extractFigures(text), organizations: extractOrganizations(text, kind) };
}
