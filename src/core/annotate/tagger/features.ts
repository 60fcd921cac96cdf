/**
 * The features the organization tagger reads at each character, shared by the training script
 * (scripts/orgs/train.ts) and the tagger (orgTagger.ts), so both see the same thing: the
 * character and its neighbours (unigrams and bigrams within two characters), classes of
 * characters (Han, digit, Latin, numeral, punctuation), what the word lists say around it (an
 * organization name of the lexicon, a place, a common or function word starting or ending here,
 * an organization ending such as 大学, 有限公司, 局 here or a few characters to the right), and
 * the words of a segmentation by those lists (the word a character is in, and its neighbours).
 *
 * Features are 32-bit hashes of (template, values); 0 means "no feature". Text is read folded to
 * Simplified (scriptFold.ts), with digits, Latin letters and fullwidth forms folded further.
 * A trigram, a skip bigram and unigrams and bigrams three characters away were tried and left
 * out: on the held-out part of the training splits they changed F1 by less than 0.3.
 */
import { characterClasses, COARSE_VALUES, FINE_VALUES } from './charClusters';
import { LEXICON_LISTS, lexiconWordsEnding, trainedOrganizationNamesEnding } from '../lexicon';
import type { CharTrie } from '../trie';
import { SUFFIXES_BY_LAST_CHAR, SUFFIX_LAST_CHARS, type OrganizationType, type OrgSuffix } from '../orgSuffixes';

/** Tags of the tagger: outside, and the first, inner, last or only character of an organization name. */
export const TAGS = ['O', 'B', 'I', 'E', 'S'] as const;
export const TAG_COUNT = TAGS.length;
export const O = 0, B = 1, I = 2, E = 3, S = 4;

const HAN_NUMERALS = '零〇一二三四五六七八九十百千万亿两';

/** The character as the model reads it: digits → 0, Latin letters → A, fullwidth forms → ASCII, spaces → space. */
function modelCodeOf(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  if (c >= 0x30 && c <= 0x39) return 0x30;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 0x41;
  if (c < 0x20 || c === 0x3000 || c === 0xa0) return 0x20;
  return c;
}

/** 0 Han, 1 digit, 2 Latin, 3 Han numeral, 4 space, 5 punctuation, 6 other (of a model code). */
function charClassOf(code: number): number {
  if (code === 0x30) return 1;
  if (code === 0x41) return 2;
  if (code === 0x20) return 4;
  if (HAN_NUMERALS.includes(String.fromCharCode(code))) return 3;
  if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) return 0;
  if (code < 0x3400 || (code >= 0xfe30 && code <= 0xff65)) return 5;
  return 6;
}

/** Both, for every UTF-16 code unit, computed on first use. */
let codeTable: Uint16Array | undefined;
let classTable: Uint8Array | undefined;

function tables(): [Uint16Array, Uint8Array] {
  if (!codeTable || !classTable) {
    codeTable = new Uint16Array(0x10000);
    classTable = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      codeTable[c] = modelCodeOf(c);
      classTable[c] = charClassOf(codeTable[c]);
    }
  }
  return [codeTable, classTable];
}

export function modelCode(c: number): number {
  return tables()[0][c];
}


let suffixesByCode: Map<number, readonly OrgSuffix[]> | undefined;
function suffixesEndingWith(code: number): readonly OrgSuffix[] {
  suffixesByCode ??= new Map([...SUFFIXES_BY_LAST_CHAR].map(([last, list]) => [last.charCodeAt(0), list]));
  return suffixesByCode.get(code)!;
}

const TYPE_INDEX: Record<OrganizationType, number> = { company: 1, government: 2, university: 3, association: 4, media: 5, zone: 6, other: 7 };

/**
 * The organization names of the training splits, backward (data/annotate/orgTaggerNames.txt, written
 * with the model). Training sets the names of the other folds for each sentence (useTrainedNames),
 * so that the model learns how far such a list is to be trusted on names it has not seen.
 */
let trainedNames: CharTrie | undefined;
export function useTrainedNames(names: CharTrie | undefined): void {
  trainedNames = names;
}
/** Whether s[start, end) is a name of the training splits' list the features read (useTrainedNames, else the shipped list). */
export function isTrainedName(s: string, start: number, end: number): boolean {
  return (trainedNames ?? trainedOrganizationNamesEnding()).has(s, start, end);
}

/** How far right an organization ending is looked for. */
const SUFFIX_REACH = 12;
/** What the model reads before the first and after the last character. */
export const PAD_START = 0x02;
export const PAD_END = 0x03;
/** Pads each side of a piece: as far as a template reads. */
export const PAD = 2;

/**
 * Unigram templates: template u reads the character at offset UNIGRAM_OFFSETS[u] from the
 * position tagged. The tagger reads each character once and adds its weights to the five
 * positions that see it (orgTagger.ts); so for the bigrams, template b reading the pair that
 * starts at offset BIGRAM_OFFSETS[b].
 */
export const UNIGRAM_OFFSETS = [0, -1, 1, -2, 2] as const;
export const BIGRAM_OFFSETS = [-1, 0, -2, 1] as const;
/**
 * Word templates: the word a character is in, the word before it and the word after it, each
 * with the character's position in its own word (0 first, 1 inside, 2 last, 3 alone). The tagger
 * reads each word once and adds its weights to the characters of that word and of its neighbours.
 */
export const WORD_ROLES = 3;
export const WORD_POSITIONS = 4;

export function hash(template: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(template + 1, 0x9e3779b1);
  h = Math.imul(h ^ a, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h ^ b, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h ^ c, 0x27d4eb2f);
  h ^= h >>> 15;
  return h === 0 ? 1 : h >>> 0;
}

export const unigramHash = (u: number, code: number): number => hash(30 + u, code);
export const bigramHash = (b: number, first: number, second: number): number => hash(40 + b, first, second);
export const wordFeatureHash = (role: number, word: number, position: number): number => hash(22 + role, word, position);
/** Position of character i in its word: 0 first, 1 inside, 2 last, 3 alone. */
export function positionInWord(p: Piece, i: number): number {
  return p.position[i];
}

const cap = (n: number, max: number) => (n > max ? max : n);

/**
 * What the features are read from, for one piece of text (a sentence), in buffers kept from one
 * piece to the next: the characters as the model reads them (PAD pads each side), their
 * classes, the longest word of each list starting or ending at each character, organization
 * endings, and a segmentation by backward maximum matching over all the lists.
 */
export class Piece {
  n = 0;
  codes = new Uint16Array(0);
  classes = new Uint8Array(0);
  /** Fine and coarse class of each padded character (clusters()). */
  fine = new Uint16Array(0);
  coarse = new Uint8Array(0);
  orgStart = new Uint8Array(0);
  orgEnd = new Uint8Array(0);
  /** Longest name of the training splits' list starting / ending here (capped at 6). */
  trainedStart = new Uint8Array(0);
  trainedEnd = new Uint8Array(0);
  placeStart = new Uint8Array(0);
  placeEnd = new Uint8Array(0);
  commonStart = new Uint8Array(0);
  commonEnd = new Uint8Array(0);
  functionStart = new Uint8Array(0);
  functionEnd = new Uint8Array(0);
  /** Organization ending at this character: type index × 8 + length (0: none). */
  suffixEnd = new Uint8Array(0);
  /** Distance to the nearest organization ending at or right of the character × 8 + its type (0: none within reach). */
  suffixAhead = new Uint8Array(0);
  longestEnding = new Uint8Array(0);
  wordStart = new Int32Array(0);
  wordEnd = new Int32Array(0);
  wordOf = new Uint32Array(0);
  /** Position of each character in its word: 0 first, 1 inside, 2 last, 3 alone. */
  position = new Uint8Array(0);
  /** The longest word of each lexicon list ending at a character (lexicon.ts LEXICON_LISTS). */
  private readonly found = new Uint8Array(5);
  /** The marks above, views of one buffer (one per mark, as long as `codes`), which read() clears with one call for each piece. */
  private marks = new Uint8Array(0);

  private grow(n: number): void {
    if (this.codes.length >= n + 2 * PAD) return;
    const size = Math.max(n + 2 * PAD, this.codes.length * 2, 256);
    this.codes = new Uint16Array(size);
    this.classes = new Uint8Array(size);
    this.fine = new Uint16Array(size);
    this.coarse = new Uint8Array(size);
    const keys = ['orgStart', 'orgEnd', 'trainedStart', 'trainedEnd', 'placeStart', 'placeEnd', 'commonStart', 'commonEnd', 'functionStart', 'functionEnd', 'suffixEnd', 'suffixAhead', 'longestEnding'] as const;
    this.marks = new Uint8Array(keys.length * size);
    keys.forEach((key, j) => (this[key] = this.marks.subarray(j * size, (j + 1) * size)));
    this.wordStart = new Int32Array(size);
    this.wordEnd = new Int32Array(size);
    this.wordOf = new Uint32Array(size);
    this.position = new Uint8Array(size);
  }

  /** Reads `s` (folded text) as a piece of its own. */
  read(s: string): void {
    const n = s.length;
    this.grow(n);
    this.n = n;
    const { codes, classes } = this;
    for (let k = 0; k < PAD; k++) {
      codes[k] = PAD_START;
      codes[n + PAD + k] = PAD_END;
      classes[k] = classes[n + PAD + k] = 7;
    }
    const [codeOf, classOf] = tables();
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      codes[i + PAD] = codeOf[c];
      classes[i + PAD] = classOf[c];
    }
    const classOfCode = characterClasses();
    const { fine, coarse } = this;
    for (let k = 0; k < n + 2 * PAD; k++) {
      const both = classOfCode[codes[k]];
      fine[k] = both & 0xff;
      coarse[k] = both >> 8;
    }
    for (let k = 0; k < PAD; k++) {
      fine[k] = fine[n + PAD + k] = FINE_VALUES - 1;
      coarse[k] = coarse[n + PAD + k] = COARSE_VALUES - 1;
    }
    this.marks.fill(0, 0, this.marks.length - this.codes.length + n);
    this.markWords(s);
    this.segment(s);
  }

  private markWords(s: string): void {
    const n = this.n;
    const lexicon = lexiconWordsEnding();
    const found = this.found;
    // The training splits' names are read in the same walk, unless training set a list of its own.
    const trained = trainedNames;
    const longestEnding = this.longestEnding;
    const mark = (starts: Uint8Array, ends: Uint8Array, end: number, len: number) => {
      if (len === 0) return;
      if (len > longestEnding[end - 1]) longestEnding[end - 1] = cap(len, 255);
      ends[end - 1] = cap(len, 6);
      const start = end - len;
      if (starts[start] < len) starts[start] = cap(len, 6);
    };
    for (let i = 0; i < n; i++) {
      const code = s.charCodeAt(i);
      if (code < 0x3400) continue;
      const end = i + 1;
      // The longest word of each list ending here; words of one character count for function words only.
      if (lexicon.longestEach(s, end, found)) {
        const org = found[LEXICON_LISTS.organizations], place = found[LEXICON_LISTS.proper], common = found[LEXICON_LISTS.common];
        if (org >= 2) mark(this.orgStart, this.orgEnd, end, org);
        if (place >= 2) mark(this.placeStart, this.placeEnd, end, place);
        if (common >= 2) mark(this.commonStart, this.commonEnd, end, common);
        mark(this.functionStart, this.functionEnd, end, found[LEXICON_LISTS.function]);
        const len = trained ? 0 : found[LEXICON_LISTS.trained];
        if (len >= 2) {
          this.trainedEnd[i] = cap(len, 6);
          if (this.trainedStart[end - len] < len) this.trainedStart[end - len] = cap(len, 6);
        }
      }
      if (trained?.hasFirst(code)) {
        // Not a word of the segmentation: only these two features read the list.
        const len = trained.longest(s, end, 2);
        if (len) {
          this.trainedEnd[i] = cap(len, 6);
          if (this.trainedStart[end - len] < len) this.trainedStart[end - len] = cap(len, 6);
        }
      }
      if (SUFFIX_LAST_CHARS[code]) {
        for (const { suffix, type, notBefore } of suffixesEndingWith(code)) {
          if (!s.endsWith(suffix, end)) continue;
          if (notBefore && end < n && notBefore.includes(s[end])) break;
          this.suffixEnd[i] = TYPE_INDEX[type] * 8 + cap(suffix.length, 7);
          break;
        }
      }
    }
    let nextSuffix = -1;
    for (let i = n - 1; i >= 0; i--) {
      if (this.suffixEnd[i]) nextSuffix = i;
      if (nextSuffix >= 0 && nextSuffix - i <= SUFFIX_REACH) this.suffixAhead[i] = ((nextSuffix - i) << 3) | (this.suffixEnd[nextSuffix] >> 3);
    }
  }

  private segment(s: string): void {
    for (let end = this.n; end > 0; ) {
      const start = end - Math.max(1, this.longestEnding[end - 1]);
      const h = wordHash(this.codes, start + PAD, end + PAD);
      for (let p = start; p < end; p++) {
        this.wordStart[p] = start;
        this.wordEnd[p] = end;
        this.wordOf[p] = h;
        this.position[p] = end - start === 1 ? 3 : p === start ? 0 : p === end - 1 ? 2 : 1;
      }
      end = start;
    }
  }
}

/** A hash of the word codes[start, end) (model codes). */
function wordHash(codes: Uint16Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let p = start; p < end; p++) h = Math.imul(h ^ codes[p], 0x01000193);
  return h >>> 0;
}

/**
 * Features of small domains, each the hash of its template and an index below DENSE_SIZES[d]:
 * the bias, the classes of the characters around, and what the word lists and organization
 * endings say at the character. The tagger keeps their rows in arrays by index.
 */
export const DENSE_SIZES = [1, 8 ** 5, 7 * 7, 7 ** 4, 7 * 7, 7 ** 4, 64, 13 * 8, 7 ** 4, FINE_VALUES ** 2, FINE_VALUES ** 2, COARSE_VALUES ** 3, FINE_VALUES] as const;
export const DENSE_FEATURES = DENSE_SIZES.length;
/**
 * The dense templates of the fine classes of a character pair: with the character before, with
 * the one after. Both read the same pairs (the pair at k, k + 1 is FINE_AFTER of k and FINE_BEFORE
 * of k + 1), so the tagger keeps their rows side by side and reads each pair once.
 */
export const FINE_BEFORE = 9, FINE_AFTER = 10;
/** The dense template of the character's fine class alone: a function of the character, which the tagger adds to the character's own rows (taggerTables.ts selfBlock). */
export const FINE_ALONE = 12;
export const denseHash = (d: number, index: number): number => hash(12 + d, index);

/** The dense indices of position i, DENSE_FEATURES of them from out[o]. */
export function denseFeatures(p: Piece, i: number, out: Int32Array | Uint32Array, o: number): void {
  const n = p.n;
  const k = i + PAD;
  const cl = p.classes;
  out[o] = 0;
  out[o + 1] = cl[k - 2] | (cl[k - 1] << 3) | (cl[k] << 6) | (cl[k + 1] << 9) | (cl[k + 2] << 12);
  out[o + 2] = p.orgStart[i] * 7 + p.orgEnd[i];
  out[o + 3] = ((p.placeStart[i] * 7 + p.placeEnd[i]) * 7 + (i > 0 ? p.placeEnd[i - 1] : 0)) * 7 + (i + 1 < n ? p.placeStart[i + 1] : 0);
  out[o + 4] = p.commonStart[i] * 7 + p.commonEnd[i];
  out[o + 5] = ((p.functionStart[i] * 7 + p.functionEnd[i]) * 7 + (i > 0 ? p.functionEnd[i - 1] : 0)) * 7 + (i + 1 < n ? p.functionStart[i + 1] : 0);
  out[o + 6] = p.suffixEnd[i];
  out[o + 7] = p.suffixAhead[i];
  out[o + 8] = ((p.trainedStart[i] * 7 + p.trainedEnd[i]) * 7 + (i > 0 ? p.trainedEnd[i - 1] : 0)) * 7 + (i + 1 < n ? p.trainedStart[i + 1] : 0);
  // Classes of characters: the pairs with each neighbour, the coarse classes of the three, the character's own.
  const fine = p.fine, coarse = p.coarse;
  out[o + FINE_BEFORE] = fine[k - 1] * FINE_VALUES + fine[k];
  out[o + FINE_AFTER] = fine[k] * FINE_VALUES + fine[k + 1];
  out[o + 11] = (coarse[k - 1] * COARSE_VALUES + coarse[k]) * COARSE_VALUES + coarse[k + 1];
  out[o + FINE_ALONE] = fine[k];
}

/** Features of large domains (a character with an ending or a word length), HASHED_FEATURES of them from out[o]; 0 is none. */
export const HASHED_FEATURES = 4;
/** Features per character (some may be 0). */
export const FEATURES_PER_CHAR = UNIGRAM_OFFSETS.length + BIGRAM_OFFSETS.length + WORD_ROLES + DENSE_FEATURES + HASHED_FEATURES;
/**
 * Kinds of text, whose corpora label organizations each their own way (news: MSRA and CLUENER;
 * résumés: 公司 and 本公司 names, 教育部 in a list of ministries not; social media: shops and
 * brands). The dense and hashed features of a character have a second copy per kind
 * (domainHash: Daumé's feature augmentation): training fires the copy of its sentence's kind
 * beside the shared feature, and the tagger adds the copies of the kind it is told to the shared
 * rows when it loads the model, so tagging costs the same.
 */
export const TEXT_KINDS = ['news', 'resume', 'social'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];
/** The features of a character from this index on (the dense and hashed ones) have a copy per kind. */
export const FIRST_KIND_FEATURE = UNIGRAM_OFFSETS.length + BIGRAM_OFFSETS.length + WORD_ROLES;
export const domainHash = (kind: number, base: number): number => hash(60 + kind, base);
/** The hashed feature of an organization ending of type `type` (1…7) ahead, with the character (hashedFeatures' first). */
export const aheadHash = (type: number, code: number): number => hash(19, type, code);
/** Longest word length the word-shape feature tells apart. */
export const WORD_SHAPE_LENGTH = 8;
/** The hashed feature of the length (capped at WORD_SHAPE_LENGTH) and place of the character's word, with the character (hashedFeatures' last). */
export const wordShapeHash = (length: number, position: number, code: number): number => hash(25, length, position, code);
export function hashedFeatures(p: Piece, i: number, out: Uint32Array, o: number): void {
  const c0 = p.codes[i + PAD];
  const suffixAhead = p.suffixAhead[i];
  out[o] = suffixAhead ? aheadHash(suffixAhead & 7, c0) : 0;
  markHashes(p, i, out, o + 1);
  out[o + 3] = wordShapeHash(cap(p.wordEnd[i] - p.wordStart[i], WORD_SHAPE_LENGTH), positionInWord(p, i), c0);
}
/** The second and third hashed features (an ending here with the character before, a lexicon name's marks with the character), into out[o], out[o + 1]; 0 is none. */
export function markHashes(p: Piece, i: number, out: Uint32Array, o: number): void {
  const k = i + PAD;
  const orgStart = p.orgStart[i], orgEnd = p.orgEnd[i];
  const suffixEnd = p.suffixEnd[i];
  out[o] = suffixEnd ? hash(20, suffixEnd >> 3, p.codes[k - 1]) : 0;
  out[o + 1] = orgStart || orgEnd ? hash(21, orgStart, orgEnd, p.codes[k]) : 0;
}

/** The word features of position i: its word, the word before, the word after (WORD_ROLES of them from out[o]). */
export function wordFeatures(p: Piece, i: number, out: Uint32Array, o: number): void {
  const ws = p.wordStart[i];
  const we = p.wordEnd[i];
  const position = positionInWord(p, i);
  out[o] = wordFeatureHash(0, p.wordOf[i], position);
  out[o + 1] = wordFeatureHash(1, ws > 0 ? p.wordOf[ws - 1] : PAD_START, position);
  out[o + 2] = wordFeatureHash(2, we < p.n ? p.wordOf[we] : PAD_END, position);
}
