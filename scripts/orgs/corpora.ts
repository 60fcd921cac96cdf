/**
 * Readers for the public Chinese NER corpora the organization tagger is trained and measured on
 * (docs/annotate-data.md names their sources, licences and splits). Each split becomes sentences
 * with entity spans in UTF-16 offsets, and every corpus's labels are mapped to the three the
 * tagger knows: ORG (what zhlens shows), PER and LOC (context only).
 *
 * The corpora are not in the repository: they are read from ZHLENS_NER_DATA, by default
 * /work/data/ner, laid out as msra/, resume/, weibo/, cluener/ (see the README there).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TextKind } from '../../src/core/annotate/tagger/features';

export type EntityLabel = 'ORG' | 'PER' | 'LOC';

export interface Entity {
  start: number;
  end: number;
  label: EntityLabel;
  /** The corpus's own class when it has more than one for organizations (CLUENER: company, government, organization). */
  source?: string;
}

export interface Sentence {
  text: string;
  entities: Entity[];
}

export type CorpusName = 'msra' | 'resume' | 'weibo' | 'cluener';
export type Split = 'train' | 'dev' | 'test';

export interface CorpusInfo {
  name: CorpusName;
  /** What a reader calls the kind of text: news, résumés, social media. */
  domain: string;
  /** The kind of text whose copies of the features the corpus trains and is tagged with (features.ts TEXT_KINDS). */
  kind: TextKind;
  /** Files of each split under the corpus folder; a split a corpus lacks is absent. */
  files: Partial<Record<Split, string>>;
  read: (path: string) => Sentence[];
}

export const NER_DATA = process.env.ZHLENS_NER_DATA ?? '/work/data/ner';

/** Character-per-line files (BIO or BMES tags), sentences separated by blank lines; `map` turns a corpus label into ours. */
function readCharLines(path: string, map: (label: string) => EntityLabel | undefined, separator: RegExp, charOf = (field: string) => field): Sentence[] {
  const sentences: Sentence[] = [];
  let chars: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (chars.length) sentences.push(fromTags(chars, tags, map));
    chars = [];
    tags = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const trimmed = line.replace(/\r$/, '');
    if (!trimmed.trim()) {
      flush();
      continue;
    }
    const fields = trimmed.split(separator);
    // A space character is written as a line with an empty first field in some files.
    const tag = fields[fields.length - 1];
    const ch = fields.length >= 2 ? charOf(fields[0]) : ' ';
    chars.push(ch === '' ? ' ' : ch);
    tags.push(tag);
  }
  flush();
  return sentences;
}

/** BIO / BMES / BIOES tags → spans. An I/M/E without a matching B starts a span of its own. */
function fromTags(chars: string[], tags: string[], map: (label: string) => EntityLabel | undefined): Sentence {
  const offsets: number[] = [];
  let text = '';
  for (const c of chars) {
    offsets.push(text.length);
    text += c;
  }
  offsets.push(text.length);
  const entities: Entity[] = [];
  let open: { start: number; type: string } | undefined;
  const close = (endIndex: number) => {
    if (!open) return;
    const label = map(open.type);
    if (label) entities.push({ start: offsets[open.start], end: offsets[endIndex], label });
    open = undefined;
  };
  tags.forEach((tag, i) => {
    const dash = tag.indexOf('-');
    const prefix = dash < 0 ? tag : tag.slice(0, dash);
    const type = dash < 0 ? '' : tag.slice(dash + 1);
    if (prefix === 'O' || !type) {
      close(i);
    } else if (prefix === 'B' || prefix === 'S' || !open || open.type !== type) {
      close(i);
      open = { start: i, type };
      if (prefix === 'S') close(i + 1);
    } else if (prefix === 'E') {
      close(i + 1);
    }
  });
  close(tags.length);
  return { text, entities };
}

const MSRA_LABELS: Record<string, EntityLabel> = { ORG: 'ORG', PER: 'PER', LOC: 'LOC' };
// Resume NER: NAME is a person, LOC and CONT (country) places; TITLE, EDU, PRO, RACE are not names of entities we tag.
const RESUME_LABELS: Record<string, EntityLabel> = { ORG: 'ORG', NAME: 'PER', LOC: 'LOC', CONT: 'LOC' };
// Weibo NER: named mentions only (ORG.NAM, not the nominal 公司 of ORG.NOM); GPE and LOC are places.
const WEIBO_LABELS: Record<string, EntityLabel> = { 'ORG.NAM': 'ORG', 'PER.NAM': 'PER', 'LOC.NAM': 'LOC', 'GPE.NAM': 'LOC' };
// CLUENER2020: company, government and organization (teams, bands, clubs) are organizations.
const CLUENER_LABELS: Record<string, EntityLabel> = { company: 'ORG', government: 'ORG', organization: 'ORG', name: 'PER', address: 'LOC', scene: 'LOC' };

function readCluener(path: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { text: string; label?: Record<string, Record<string, Array<[number, number]>>> };
    const entities: Entity[] = [];
    for (const [kind, names] of Object.entries(row.label ?? {})) {
      const label = CLUENER_LABELS[kind];
      if (!label) continue;
      // Offsets are inclusive code-unit indices.
      for (const spans of Object.values(names)) for (const [a, b] of spans) entities.push({ start: a, end: b + 1, label, source: kind });
    }
    entities.sort((x, y) => x.start - y.start);
    sentences.push({ text: row.text, entities });
  }
  return sentences;
}

export const CORPORA: CorpusInfo[] = [
  {
    name: 'msra',
    domain: 'news',
    kind: 'news',
    files: { train: 'msra/msra_train_bio', test: 'msra/msra_test_bio' },
    read: (p) => readCharLines(p, (t) => MSRA_LABELS[t], /\t/),
  },
  {
    name: 'resume',
    domain: 'résumés',
    kind: 'resume',
    files: { train: 'resume/train.char.bmes', dev: 'resume/dev.char.bmes', test: 'resume/test.char.bmes' },
    read: (p) => readCharLines(p, (t) => RESUME_LABELS[t], / /),
  },
  {
    name: 'weibo',
    domain: 'social media',
    kind: 'social',
    files: { train: 'weibo/weiboNER_2nd_conll.train', dev: 'weibo/weiboNER_2nd_conll.dev', test: 'weibo/weiboNER_2nd_conll.test' },
    // Each character carries its position in a word (科0 技1); the tagger reads characters only.
    read: (p) => readCharLines(p, (t) => WEIBO_LABELS[t], /\t/, (f) => f.replace(/[0-9]$/, '')),
  },
  {
    name: 'cluener',
    domain: 'news (fine-grained)',
    kind: 'news',
    // The test split's labels are not published: the official dev split is the test here.
    files: { train: 'cluener/train.json', test: 'cluener/dev.json' },
    read: readCluener,
  },
];

export function corpusPath(corpus: CorpusInfo, split: Split, root = NER_DATA): string | undefined {
  const file = corpus.files[split];
  return file && existsSync(join(root, file)) ? join(root, file) : undefined;
}

export function readSplit(corpus: CorpusInfo, split: Split, root = NER_DATA): Sentence[] | undefined {
  const path = corpusPath(corpus, split, root);
  return path ? corpus.read(path) : undefined;
}
