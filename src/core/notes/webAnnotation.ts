import { HIGHLIGHT_COLOURS, type HighlightColour } from '../types';
import type { Note } from './types';

/**
 * Notes as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), JSON-LD with the
 * standard context: one AnnotationCollection per article, its annotations in the first page.
 *
 *   body:    the note (TextualBody, text/markdown, purpose `commenting`), one TextualBody per tag
 *            (purpose `tagging`), the highlight's meaning (purpose `classifying`);
 *   target:  { source, selector: [TextQuoteSelector {exact, prefix, suffix},
 *                                 TextPositionSelector {start, end} in code points] };
 *   zhlens:resolved  the one term the model lacks, in zhlens's own namespace.
 *
 * `source` is the article's IRI: relative to the notes file (`../article.txt`) in the file kept
 * beside the article, so that the pair can be moved together; absolute in an export.
 */
const ZHLENS_NS = 'https://github.com/zhlens/zhlens/blob/main/docs/notes.md#';
const CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { zhlens: ZHLENS_NS }];

type Json = Record<string, unknown>;

export function toWebAnnotation(note: Note, source: string): Json {
  const body: Json[] = [];
  if (note.body) body.push({ type: 'TextualBody', value: note.body, format: 'text/markdown', purpose: 'commenting' });
  for (const tag of note.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  if (note.colour) body.push({ type: 'TextualBody', value: note.colour, purpose: 'classifying' });
  const annotation: Json = {
    id: note.id,
    type: 'Annotation',
    motivation: note.motivation,
    created: note.created,
    modified: note.modified,
  };
  if (body.length) annotation.body = body;
  annotation.target = {
    source,
    selector: [
      { type: 'TextQuoteSelector', exact: note.quote.exact, prefix: note.quote.prefix, suffix: note.quote.suffix },
      { type: 'TextPositionSelector', start: note.position.start, end: note.position.end },
    ],
  };
  if (note.resolved) annotation['zhlens:resolved'] = true;
  return annotation;
}

/** The collection of `notes`, followed by `kept`: annotations of the file zhlens could not read, written back as they were. */
export function toAnnotationCollection(notes: readonly Note[], source: string, label: string, kept: readonly unknown[] = []): Json {
  return {
    '@context': CONTEXT,
    type: 'AnnotationCollection',
    label,
    total: notes.length + kept.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: [...notes.map((n) => toWebAnnotation(n, source)), ...kept] },
  };
}

/** The notes file's text: the collection, two-space indented, one final newline. */
export function serialiseNotes(notes: readonly Note[], source: string, label: string, kept: readonly unknown[] = []): string {
  return `${JSON.stringify(toAnnotationCollection(notes, source, label, kept), null, 2)}\n`;
}

const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasType = (v: Json, type: string) => asArray(v.type).includes(type) || asArray(v['@type']).includes(type);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** One annotation back to a note, or why it cannot be one. */
export function fromWebAnnotation(value: unknown): Note | string {
  if (!isObject(value)) return 'not an object';
  const id = str(value.id) ?? str(value['@id']);
  if (!id) return 'no id';
  const target = asArray(value.target).find(isObject);
  if (!target) return `${id}: no target`;
  let quote: Note['quote'] | undefined;
  let position: Note['position'] | undefined;
  for (const s of asArray(target.selector).filter(isObject)) {
    if (hasType(s, 'TextQuoteSelector') && typeof s.exact === 'string') quote = { exact: s.exact, prefix: str(s.prefix) ?? '', suffix: str(s.suffix) ?? '' };
    if (hasType(s, 'TextPositionSelector') && Number.isInteger(s.start) && Number.isInteger(s.end) && (s.start as number) >= 0 && (s.end as number) >= (s.start as number)) {
      position = { start: s.start as number, end: s.end as number };
    }
  }
  if (!quote || !quote.exact) return `${id}: no TextQuoteSelector`;
  let body = str(value.bodyValue) ?? '';
  const tags: string[] = [];
  let colour: HighlightColour | undefined;
  for (const b of asArray(value.body)) {
    if (typeof b === 'string') continue;
    if (!isObject(b) || typeof b.value !== 'string') continue;
    const purposes = asArray(b.purpose);
    if (purposes.includes('tagging')) tags.push(b.value);
    else if (purposes.includes('classifying') && (HIGHLIGHT_COLOURS as readonly string[]).includes(b.value)) colour = b.value as HighlightColour;
    else if (!body) body = b.value;
  }
  const motivation = asArray(value.motivation).includes('highlighting') ? 'highlighting' : 'commenting';
  const created = str(value.created) ?? '';
  return {
    id,
    motivation,
    colour,
    body,
    tags,
    created,
    modified: str(value.modified) ?? created,
    resolved: value['zhlens:resolved'] === true || value[`${ZHLENS_NS}resolved`] === true,
    quote,
    position: position ?? { start: 0, end: 0 },
  };
}

/** What a notes file holds. */
export interface ParsedNotes {
  notes: Note[];
  /** Why annotations (or the file) could not be read. */
  problems: string[];
  /** The annotations that could not be read, as they are in the file, to be written back unchanged. */
  kept: unknown[];
  /** The file is not JSON at all (a merge conflict, a truncated write): it must not be rewritten. */
  broken: boolean;
}

/**
 * The notes of a notes file: an AnnotationCollection (its first page), an AnnotationPage, a list
 * of annotations or one annotation. Annotations that cannot be read are reported and kept, never
 * dropped silently.
 */
export function parseNotes(text: string): ParsedNotes {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { notes: [], problems: [`not JSON: ${e instanceof Error ? e.message : String(e)}`], kept: [], broken: true };
  }
  let items: unknown[];
  if (Array.isArray(json)) items = json;
  else if (isObject(json) && hasType(json, 'AnnotationCollection')) items = isObject(json.first) ? asArray(json.first.items) : [];
  else if (isObject(json) && hasType(json, 'AnnotationPage')) items = asArray(json.items);
  else items = [json];
  const notes: Note[] = [];
  const problems: string[] = [];
  const kept: unknown[] = [];
  for (const item of items) {
    const n = fromWebAnnotation(item);
    if (typeof n === 'string') {
      problems.push(n);
      kept.push(item);
    } else notes.push(n);
  }
  return { notes, problems, kept, broken: false };
}
