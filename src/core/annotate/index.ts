/** Figures and organizations in Chinese news text, for highlighting and the `annotate` command. */
import { extractFigures, type Figure } from './figures';
import { extractOrganizations, type Organization } from './organizations';

export { extractFigures, extractOrganizations };
export type { Figure, Organization };
export type { OrganizationType } from './organizations';
export { describeFigure, englishAmount, groupDigits, growthBase, sentenceAround } from './describeFigure';
export type { DerivedFigure, FigureDescription, TextSpan } from './describeFigure';
export { describeOrganization } from './describeOrganization';
export type { OrganizationDescription } from './describeOrganization';

export function annotateText(text: string): { figures: Figure[]; organizations: Organization[] } {
  return { figures: extractFigures(text), organizations: extractOrganizations(text) };
}
