/**
 * What the hover on an organization says: its type, its full name and the names the text uses
 * for it (北京亦莊 for 北京經濟技術開發區 after 下稱“北京亦莊”, 天大 for 天津大學), how often the
 * text mentions it, where first, and its other mentions.
 */
import type { Organization, OrganizationType } from './organizations';

export interface OrganizationDescription {
  type: string;
  canonical: string;
  /** The other names of the same organization in the text, in order of first use. */
  aliases: string[];
  mentions: number;
  firstMention: { start: number; end: number; text: string };
  /** Every mention of the same organization but the one described, in order. */
  otherMentions: Array<{ start: number; end: number; text: string }>;
}

const TYPE_NAMES: Record<OrganizationType, string> = {
  company: 'company',
  government: 'government body',
  university: 'university',
  association: 'association',
  media: 'media',
  zone: 'development zone',
  other: 'organization',
};

/** Everything the hover says about `organizations[index]`, all mentions of the text being given. */
export function describeOrganization(organizations: readonly Organization[], index: number): OrganizationDescription {
  const organization = organizations[index];
  const same = organizations.filter((o) => o.canonical === organization.canonical);
  const aliases = [...new Set(same.map((o) => o.text))].filter((name) => name !== organization.canonical);
  const first = same[0];
  return {
    type: TYPE_NAMES[organization.type],
    canonical: organization.canonical,
    aliases,
    mentions: same.length,
    firstMention: { start: first.start, end: first.end, text: first.text },
    otherMentions: same.filter((o) => o !== organization).map((o) => ({ start: o.start, end: o.end, text: o.text })),
  };
}
