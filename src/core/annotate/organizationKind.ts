/**
 * The kind of an organization, read from its name: the ending (财政部 government, 天津大学
 * university, 人民日报 media, 浙商银行 company) or, for names without one, the list of well-known
 * names (华为 company, 北约 government). Names that say neither are 'other'.
 */
import { foldToSimplified } from './scriptFold';
import { knownNameType } from './knownNames';
import { SUFFIXES_BY_LAST_CHAR, type OrganizationType } from './orgSuffixes';

/** Endings the suffix grammar leaves out because alone they start too many words, but that give a kind once a name is found. */
const MORE_ENDINGS: Array<[string, OrganizationType]> = [
  ['厂', 'company'], ['店', 'company'], ['行', 'company'], ['所', 'company'], ['院', 'university'], ['校', 'university'],
  ['军', 'government'], ['军区', 'government'], ['部队', 'government'], ['会', 'association'], ['团', 'association'], ['社', 'association'],
  ['台', 'media'], ['报', 'media'], ['刊', 'media'], ['网', 'media'], ['馆', 'other'], ['队', 'other'], ['组织', 'association'],
];

export function organizationKind(name: string): OrganizationType {
  const s = foldToSimplified(name).replace(/[(（][^)）]*[)）]$/u, '');
  const known = knownNameType(s);
  if (known) return known;
  for (const x of SUFFIXES_BY_LAST_CHAR.get(s[s.length - 1]) ?? []) if (s.endsWith(x.suffix)) return x.type;
  for (const [ending, type] of MORE_ENDINGS) if (s.endsWith(ending)) return type;
  return 'other';
}
