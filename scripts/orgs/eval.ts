/**
 * `npm run eval:orgs`: exact-span precision, recall and F1 of organization names on the held-out
 * test splits of public Chinese NER corpora (scripts/orgs/corpora.ts), per corpus and per kind of
 * organization, for the tagger zhlens ships and, beside it, the rules it had before.
 *
 * Each test sentence is annotated alone; on MSRA and the résumés, whose splits keep their
 * documents in order, zhlens is also scored with 30 sentences a text (--context). A kind is given to a span by its text
 * (organizationKind: 财政部 government, 天津大学 university), to gold and found spans alike, so
 * that a span found right counts once in its kind's row.
 *
 * Options: --errors (the most common errors of the tagger on each test split, by kind of error
 * and by string), --corpus NAME (only that corpus), --split holdout (the last tenth of each
 * training split, for a model trained with --holdout 0.1), --split cv (the folds of one corpus's
 * training split, each with its fold's model: cvFolds), --model FILE (another model file; the
 * training-split names written beside it, orgTaggerNames.txt, are read with it when present, and
 * a second stage over spans for news, orgSpans.json of scripts/orgs/spans.ts, likewise),
 * --kind KIND (tag every corpus as that kind of text, features.ts TEXT_KINDS, instead of its own:
 * `--kind news` is what articles get), --traditional (the test sentences converted to Traditional with OpenCC, where that keeps their
 * length, to check that Traditional text is tagged as well), --write-cases (rewrite
 * test/cases/org-tagger.json, the sample of test sentences the unit tests guard the model with),
 * --speed (annotateText on 1 MB of the bench's real text, warm, with the shipped model and, with
 * --model FILE, with that one, in turns; medians of each and their ratio), --breakdown (zhlens's
 * errors on MSRA and the résumés annotated --context sentences a text, by class: breakdown()).
 */
import { CORPORA, NER_DATA, readSplit, type Sentence, type Split } from './corpora';
import { extractOrganizations } from '../../src/core/annotate';
import { extractOrganizationsByRules } from '../../src/core/annotate/organizations';
import { organizationKind } from '../../src/core/annotate/organizationKind';
import { tagOrganizations, TAGGER_MODEL_FILE, useNameBonus, useTaggerModel } from '../../src/core/annotate/tagger/orgTagger';
import { useSpanModel } from './spanChoice';
import { foldToSimplified } from '../../src/core/annotate/scriptFold';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CharTrie } from '../../src/core/annotate/trie';
import { type TextKind, useTrainedNames } from '../../src/core/annotate/tagger/features';
import { toTraditional } from '../../src/core/script/convertScript';
import { annotateText } from '../../src/core/annotate';
import { realText, toSize, MB } from '../../bench/corpus';
import { SUFFIXES_BY_LAST_CHAR } from '../../src/core/annotate/orgSuffixes';

const args = process.argv.slice(2);
const option = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const showErrors = args.includes('--errors');
const onlyCorpus = option('--corpus');
const splitOption = option('--split') ?? 'test';
/** --split holdout: the last tenth of each training split, which a model trained with --holdout 0.1 has not seen. */
const split = (splitOption === 'holdout' || splitOption === 'cv' ? 'train' : splitOption) as Split;
const modelPath = option('--model');
/**
 * --split cv --model DIR: cross-validation on one corpus's training split (--corpus, weibo unless
 * told), with the fold models that `train-org-tagger --cv CORPUS:K --cv-out DIR` wrote
 * (DIR/fold1 … foldK, each with the names its fold read): fold k's sentences (index mod 10, mod
 * K, as training cut them) are annotated with fold k's model, and the folds are scored together.
 */
const cvFolds: string[] = [];
if (splitOption === 'cv') {
  if (!modelPath) throw new Error('--split cv needs --model DIR (train-org-tagger --cv-out DIR)');
  for (let k = 1; existsSync(join(modelPath, `fold${k}`, 'orgTagger.bin')); k++) cvFolds.push(join(modelPath, `fold${k}`, 'orgTagger.bin'));
  if (!cvFolds.length) throw new Error(`--split cv: no fold1/orgTagger.bin under ${modelPath}`);
}
const cvCorpus = splitOption === 'cv' ? option('--corpus') ?? 'weibo' : undefined;
const traditional = args.includes('--traditional');
/** --kind KIND: tag every corpus as that kind of text (features.ts TEXT_KINDS) instead of its own. */
const kindOption = option('--kind') as TextKind | undefined;
/**
 * --context N (30 unless told; 1: not at all): on corpora whose splits keep their documents'
 * order, zhlens is also scored with N consecutive sentences annotated as one text (annotateAll),
 * about a news article, as the extension annotates a whole article.
 */
const contextOption = Number(option('--context') ?? '30');
/** MSRA's and the résumés' splits are whole documents in order; Weibo's messages and CLUENER's sentences stand alone. */
const CONTEXT_CORPORA = new Set(['msra', 'resume']);
let context = 1;
if (args.includes('--speed')) {
  timeAnnotate();
  process.exit(0);
}
const showBreakdown = args.includes('--breakdown');
if (args.includes('--write-cases')) {
  writeCases();
  process.exit(0);
}
/** --name-bonus news=30,resume=30: the tagger's bonus per name for those kinds of text instead of its own (nameBonus.ts), to choose it on the held-out tenth. */
for (const [kind, bonus] of (option('--name-bonus') ?? '').split(',').filter(Boolean).map((kv) => kv.split('='))) useNameBonus(kind as TextKind, Number(bonus));
/** Tags with the model in `file` and the training-split names written beside it, when present (a model trained with --holdout or --cv-out has its own list, without the held-out sentences' names). */
function useModelFile(file: string): void {
  useTaggerModel(readFileSync(file));
  // The second stage over spans trained for this model (orgSpans.json beside it), or none.
  const spans = join(dirname(file), 'orgSpans.json');
  useSpanModel(existsSync(spans) ? readFileSync(spans, 'utf8') : null);
  const names = join(dirname(file), 'orgTaggerNames.txt');
  if (existsSync(names)) useTrainedNames(new CharTrie(readFileSync(names, 'utf8').split('\n').filter(Boolean), true));
}
if (modelPath && !cvFolds.length) useModelFile(modelPath);

interface Span { start: number; end: number }
interface Tally { tp: number; found: number; gold: number }
const tally = (): Tally => ({ tp: 0, found: 0, gold: 0 });

function add(t: Tally, o: Tally): void {
  t.tp += o.tp;
  t.found += o.found;
  t.gold += o.gold;
}

function prf(t: Tally): [number, number, number] {
  const p = t.found ? t.tp / t.found : 0;
  const r = t.gold ? t.tp / t.gold : 0;
  return [p * 100, r * 100, p + r ? (200 * p * r) / (p + r) : 0];
}

type Method = (text: string, kind: TextKind) => Span[];
/**
 * zhlens as shipped (extractOrganizations: the model and the rules' names it keeps, with zhlens'
 * conventions); the model's spans alone; the rules zhlens had before the model.
 */
const METHODS: Array<[string, Method]> = [
  ['zhlens', (t, kind) => extractOrganizations(t, kind)],
  ['model alone', (t, kind) => tagOrganizations(foldToSimplified(t), undefined, kind).map(([start, end]) => ({ start, end }))],
  ['rules (before)', (t) => extractOrganizationsByRules(t)],
];

interface ErrorLog { kinds: Map<string, number>; strings: Map<string, number>; missed: Map<string, number> }

/** The organization names of the training splits beside the model (orgTaggerNames.txt), to say which missed names the model could have read from that list. */
const namesFile = join(dirname(cvFolds[0] ?? modelPath ?? join('data', TAGGER_MODEL_FILE)), 'orgTaggerNames.txt');
const readNames = (file: string) => new Set(existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
/** With --split cv, the names of the fold being scored (evaluateParts). */
let listedNames = readNames(namesFile);

/** A missed name's class: its length in characters, and whether the training splits' names hold it. */
function missedClass(name: string): string {
  const n = [...name].length;
  const length = n <= 2 ? '1–2 characters' : n === 3 ? '3 characters' : n <= 6 ? '4–6 characters' : '7 or more';
  return `${length.padEnd(15)} ${listedNames.has(foldToSimplified(name)) ? 'in the training splits\' names' : 'not in them'}`;
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Which end of a found span `f` misses gold span `g`'s (the left one where both do) and by how many characters. */
function boundaryMiss(f: Span, g: Span): string {
  const by = (n: number) => (n >= 3 ? '3 or more' : String(n));
  if (f.start === g.start) return `on the right by ${by(Math.abs(f.end - g.end))}`;
  return `on the ${f.end === g.end ? 'left' : 'left (and the right)'} by ${by(Math.abs(f.start - g.start))}`;
}

/** What went wrong with a found span that is not gold, or a gold span not found. */
function classify(text: string, found: Span[], gold: Span[], log: ErrorLog): void {
  const key = (s: Span) => `${s.start}:${s.end}`;
  const goldKeys = new Set(gold.map(key));
  const foundKeys = new Set(found.map(key));
  for (const f of found) {
    if (goldKeys.has(key(f))) continue;
    const g = gold.find((x) => x.start < f.end && f.start < x.end);
    const name = text.slice(f.start, f.end);
    if (!g) {
      count(log.kinds, 'found, not a name in the corpus');
      count(log.strings, `+ ${name}`);
    } else if (f.start <= g.start && f.end >= g.end) {
      count(log.kinds, `runs long ${boundaryMiss(f, g)}`);
      count(log.strings, `> ${name} (gold ${text.slice(g.start, g.end)})`);
    } else if (f.start >= g.start && f.end <= g.end) {
      count(log.kinds, `cut short ${boundaryMiss(f, g)}`);
      count(log.strings, `< ${name} (gold ${text.slice(g.start, g.end)})`);
    } else {
      count(log.kinds, 'crosses the gold boundary');
      count(log.strings, `x ${name} (gold ${text.slice(g.start, g.end)})`);
    }
  }
  for (const g of gold) {
    if (foundKeys.has(key(g)) || found.some((f) => f.start < g.end && g.start < f.end)) continue;
    count(log.kinds, 'missed');
    count(log.strings, `- ${text.slice(g.start, g.end)}`);
    count(log.missed, missedClass(text.slice(g.start, g.end)));
  }
}

/**
 * The spans `method` finds in each sentence: each sentence alone, or with --context N (corpora
 * whose split keeps its documents' order, CONTEXT_CORPORA), N consecutive sentences joined by
 * newlines as one text, the spans mapped back to their sentence. The tagger tags each line alone
 * either way; what the neighbours change is what zhlens reads from the whole text (a name found
 * in one sentence is a name where it appears again).
 */
function annotateAll(sentences: Sentence[], method: Method, kind: TextKind): Span[][] {
  if (context <= 1) return sentences.map((s) => method(s.text, kind));
  const out: Span[][] = [];
  for (let first = 0; first < sentences.length; first += context) {
    const window = sentences.slice(first, first + context);
    const starts: number[] = [];
    let text = '';
    for (const s of window) {
      starts.push(text.length);
      text += s.text + '\n';
    }
    const spans = method(text, kind);
    window.forEach((s, k) => {
      const a = starts[k];
      const b = a + s.text.length;
      out.push(spans.filter((x) => x.start >= a && x.end <= b).map((x) => ({ start: x.start - a, end: x.end - a })));
    });
  }
  return out;
}

/** evaluate() over each fold of --split cv with its own model, the tallies summed; over the sentences as they are otherwise. */
function evaluateParts(sentences: Sentence[], method: Method, kind: TextKind, log?: ErrorLog): { all: Tally; byKind: Map<string, Tally>; ms: number } {
  if (!cvFolds.length) return evaluate(sentences, method, kind, log);
  const sum = { all: tally(), byKind: new Map<string, Tally>(), ms: 0 };
  cvFolds.forEach((file, k) => {
    useModelFile(file);
    listedNames = readNames(join(dirname(file), 'orgTaggerNames.txt'));
    const part = evaluate(sentences.filter((_, i) => (i % 10) % cvFolds.length === k), method, kind, log);
    add(sum.all, part.all);
    for (const [name, t] of part.byKind) add(sum.byKind.get(name) ?? sum.byKind.set(name, tally()).get(name)!, t);
    sum.ms += part.ms;
  });
  return sum;
}

function evaluate(sentences: Sentence[], method: Method, kind: TextKind, log?: ErrorLog): { all: Tally; byKind: Map<string, Tally>; ms: number } {
  const all = tally();
  const byKind = new Map<string, Tally>();
  const kindTally = (k: string) => byKind.get(k) ?? byKind.set(k, tally()).get(k)!;
  // Warm: the model and the word lists are read on first use, which is not the method's speed.
  if (sentences.length) method(sentences[0].text, kind);
  const started = process.cpuUsage();
  const found = annotateAll(sentences, method, kind);
  const used = process.cpuUsage(started);
  sentences.forEach((s, i) => {
    const gold = s.entities.filter((e) => e.label === 'ORG');
    const goldKeys = new Set(gold.map((g) => `${g.start}:${g.end}`));
    for (const g of gold) {
      all.gold++;
      kindTally(organizationKind(s.text.slice(g.start, g.end))).gold++;
    }
    for (const f of found[i]) {
      const kind = kindTally(organizationKind(s.text.slice(f.start, f.end)));
      all.found++;
      kind.found++;
      if (goldKeys.has(`${f.start}:${f.end}`)) {
        all.tp++;
        kind.tp++;
      }
    }
    if (log) classify(s.text, found[i], gold, log);
  });
  return { all, byKind, ms: (used.user + used.system) / 1000 };
}

const fmt = (x: number) => x.toFixed(1).padStart(5);
const KIND_ORDER = ['government', 'company', 'university', 'media', 'association', 'zone', 'other'];

let missing = 0;
/** The errors of zhlens over every corpus (the closing table of the most common ones). */
const allErrors: ErrorLog = { kinds: new Map(), strings: new Map(), missed: new Map() };
let textBytes = 0;
let zhlensMs = 0;
const totals = new Map<string, Tally>(METHODS.map(([name]) => [name, tally()]));
for (const corpus of CORPORA) {
  if ((onlyCorpus && corpus.name !== onlyCorpus) || (cvCorpus && corpus.name !== cvCorpus)) continue;
  const whole = readSplit(corpus, split);
  let sentences = whole && splitOption === 'holdout' ? whole.slice(Math.round(whole.length * 0.9)) : whole;
  if (sentences && traditional) {
    sentences = sentences.map((x) => ({ ...x, text: toTraditional(x.text) })).filter((x, i) => x.text.length === sentences![i].text.length);
  }
  if (!sentences) {
    if (corpus.files[split]) {
      console.log(`${corpus.name}: ${split} split missing (${NER_DATA}/${corpus.files[split]}); see docs/annotate-data.md for where to get it`);
      missing++;
    }
    continue;
  }
  const gold = sentences.reduce((n, s) => n + s.entities.filter((e) => e.label === 'ORG').length, 0);
  context = 1;
  console.log(`\n${corpus.name} (${corpus.domain}), ${split} split: ${sentences.length} sentences, ${gold} organization names, tagged as ${kindOption ?? corpus.kind}`);
  console.log(`  ${'method'.padEnd(16)} ${'kind'.padEnd(12)}     P     R    F1   gold  found`);
  for (const [name, method] of METHODS) {
    const log: ErrorLog | undefined = name === 'zhlens' ? { kinds: new Map(), strings: new Map(), missed: new Map() } : undefined;
    const { all, byKind, ms } = evaluateParts(sentences, method, kindOption ?? corpus.kind, log);
    if (log) {
      for (const [k, n] of log.kinds) allErrors.kinds.set(k, (allErrors.kinds.get(k) ?? 0) + n);
      for (const [k, n] of log.strings) allErrors.strings.set(k, (allErrors.strings.get(k) ?? 0) + n);
      for (const [k, n] of log.missed) allErrors.missed.set(k, (allErrors.missed.get(k) ?? 0) + n);
      zhlensMs += ms;
      textBytes += sentences.reduce((n, x) => n + Buffer.byteLength(x.text), 0);
    }
    add(totals.get(name)!, all);
    const [p, r, f] = prf(all);
    console.log(`  ${name.padEnd(16)} ${'all'.padEnd(12)} ${fmt(p)} ${fmt(r)} ${fmt(f)} ${String(all.gold).padStart(6)} ${String(all.found).padStart(6)}   (${ms.toFixed(0)} ms CPU)`);
    for (const kind of KIND_ORDER) {
      const t = byKind.get(kind);
      if (!t) continue;
      const [kp, kr, kf] = prf(t);
      console.log(`  ${''.padEnd(16)} ${kind.padEnd(12)} ${fmt(kp)} ${fmt(kr)} ${fmt(kf)} ${String(t.gold).padStart(6)} ${String(t.found).padStart(6)}`);
    }
    if (log && showErrors) {
      const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
      console.log('  errors of zhlens, by kind:');
      for (const [k, n] of top(log.kinds, 20)) console.log(`    ${String(n).padStart(5)}  ${k}`);
      console.log('  most common (+ found, not gold; - missed; > runs long; < cut short; x crosses):');
      for (const [k, n] of top(log.strings, 25)) console.log(`    ${String(n).padStart(5)}  ${k}`);
    }
  }
  if (CONTEXT_CORPORA.has(corpus.name) && contextOption > 1 && !cvFolds.length) {
    context = contextOption;
    const { all, ms } = evaluate(sentences, METHODS[0][1], kindOption ?? corpus.kind);
    context = 1;
    if (showBreakdown) breakdown(sentences, kindOption ?? corpus.kind);
    const [p, r, f] = prf(all);
    console.log(`  ${`zhlens, ${contextOption} lines`.padEnd(16)} ${'all'.padEnd(12)} ${fmt(p)} ${fmt(r)} ${fmt(f)} ${String(all.gold).padStart(6)} ${String(all.found).padStart(6)}   (${ms.toFixed(0)} ms CPU)`);
  }
}
if (totals.get('zhlens')!.gold) {
  console.log('\nall corpora together:');
  for (const [name, t] of totals) {
    const [p, r, f] = prf(t);
    console.log(`  ${name.padEnd(16)} P ${fmt(p)}  R ${fmt(r)}  F1 ${fmt(f)}  over ${t.gold} names`);
  }
}
if (totals.get('zhlens')!.gold) {
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
  console.log('\nerrors of zhlens over these splits, by kind:');
  for (const [k, n] of top(allErrors.kinds, 20)) console.log(`  ${String(n).padStart(5)}  ${k}`);
  console.log('names missed, by length and by whether the training splits\' names (orgTaggerNames.txt) hold them:');
  for (const [k, n] of [...allErrors.missed].sort((a, b) => (a[0] < b[0] ? -1 : 1))) console.log(`  ${String(n).padStart(5)}  ${k}`);
  console.log('the ten most common (+ found, not gold; - missed; > runs long; < cut short; x crosses):');
  for (const [k, n] of top(allErrors.strings, 10)) console.log(`  ${String(n).padStart(5)}  ${k}`);
  const files = [cvFolds[0] ?? modelPath ?? join('data', TAGGER_MODEL_FILE), namesFile].filter((f) => existsSync(f));
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  console.log(`\nmodel: ${files.join(' + ')}, ${bytes.toLocaleString('en')} bytes (${(bytes / 1048576).toFixed(2)} MB)`);
  console.log(`zhlens on these sentences, each annotated alone: ${zhlensMs.toFixed(0)} ms CPU for ${(textBytes / 1048576).toFixed(2)} MB of UTF-8, ${(zhlensMs / (textBytes / 1048576)).toFixed(0)} ms per MB (npm run bench times whole files)`);
}
if (missing) {
  console.log(`\n${missing} split(s) missing: set ZHLENS_NER_DATA to the folder that holds msra/, resume/, weibo/ and cluener/.`);
  process.exitCode = 1;
}

/**
 * A small sample of each corpus's test split (20 sentences with organizations, 5 without, of at
 * most 80 characters, drawn with a fixed seed), with each sentence's source and licence, for
 * test/cases/org-tagger.json.
 */
function writeCases(): void {
  const LICENCES: Record<string, string> = {
    msra: 'MSRA NER (SIGHAN 2006 bakeoff-3), test split; research use',
    resume: 'Resume NER (Zhang & Yang 2018, jiesutd/LatticeLSTM), test split; research use',
    weibo: 'Weibo NER 2nd version (Peng & Dredze 2015, hltcoe/golden-horse), test split; annotations CC BY-SA 3.0, messages under Weibo terms',
    cluener: 'CLUENER2020 (CLUEbenchmark), dev split (its test labels are unpublished); research use',
  };
  let seed = 2024;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const cases: Array<{ source: string; text: string; expected: string[] }> = [];
  for (const corpus of CORPORA) {
    const test = readSplit(corpus, 'test');
    if (!test) throw new Error(`${corpus.name}: test split missing`);
    const short = test.filter((x) => x.text.length <= 80);
    for (const [wanted, withNames] of [[20, true], [5, false]] as const) {
      const pool = short.filter((x) => x.entities.some((e) => e.label === 'ORG') === withNames);
      for (let k = 0; k < wanted && pool.length; k++) {
        const [x] = pool.splice(Math.floor(random() * pool.length), 1);
        cases.push({ source: LICENCES[corpus.name], text: x.text, expected: x.entities.filter((e) => e.label === 'ORG').map((e) => x.text.slice(e.start, e.end)) });
      }
    }
  }
  writeFileSync('test/cases/org-tagger.json', JSON.stringify({ description: 'Sentences sampled from the test splits of public Chinese NER corpora (scripts/orgs/eval.ts --write-cases; docs/annotate-data.md), with their organization names as the corpus labels them.', cases }, null, 1) + '\n');
  console.log(`wrote test/cases/org-tagger.json: ${cases.length} sentences`);
}

/**
 * --speed: CPU time of annotateText on 1 MB of the bench's clean real text (bench/corpus.ts), warm,
 * with the shipped model and with --model FILE in turns (seven rounds each; the machine's load
 * moves both alike), so that a retrained model's cost is compared in one run.
 */
function timeAnnotate(): void {
  const text = toSize(realText('.'), MB);
  const models: Array<[string, string]> = [['shipped', join('data', TAGGER_MODEL_FILE)], ...(modelPath ? [['--model', modelPath] as [string, string]] : [])];
  const use = useModelFile;
  const times = models.map((): number[] => []);
  for (let round = 0; round < 8; round++) {
    models.forEach(([, file], k) => {
      use(file);
      annotateText(text.slice(0, 2000));
      const started = process.cpuUsage();
      annotateText(text);
      const used = process.cpuUsage(started);
      if (round > 0) times[k].push((used.user + used.system) / 1000);
    });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  models.forEach(([name, file], k) => console.log(`${name.padEnd(8)} ${file}: annotateText 1 MB median ${median(times[k]).toFixed(0)} ms CPU (${times[k].map((x) => x.toFixed(0)).join(' ')})`));
  if (models.length > 1) console.log(`ratio --model / shipped: ${(median(times[1]) / median(times[0])).toFixed(2)}`);
}

/** An ending alone, or the kind of body it names (公司, 党委, 分局, 村支部): orgSuffixes.ts's endings, or one or two characters before one. */
function kindOfBody(name: string): boolean {
  return (SUFFIXES_BY_LAST_CHAR.get(name[name.length - 1]) ?? []).some((x) => name.endsWith(x.suffix) && name.length - x.suffix.length <= 1);
}

/**
 * --breakdown: zhlens's errors on a split annotated `context` sentences a text (as an article is),
 * by class, with the model's own spans of the same text beside them: a name missed that the model
 * found (zhlens's conventions left it out), a kind of body alone (公司, 党委), a name the text gives
 * again (found at another mention or at none), a name given once (short or long); names cut or
 * run long; names found that the corpus does not label. Prints each class's count and its most
 * common strings, so that the largest class is the one worked on.
 */
function breakdown(sentences: Sentence[], kind: TextKind): void {
  const classes = new Map<string, Map<string, number>>();
  const note = (cls: string, name: string) => count(classes.get(cls) ?? classes.set(cls, new Map()).get(cls)!, name);
  for (let first = 0; first < sentences.length; first += contextOption) {
    const window = sentences.slice(first, first + contextOption);
    let text = '';
    const gold: Span[] = [];
    for (const x of window) {
      for (const e of x.entities) if (e.label === 'ORG') gold.push({ start: text.length + e.start, end: text.length + e.end });
      text += x.text + '\n';
    }
    const found: Span[] = extractOrganizations(text, kind);
    const model = new Set(tagOrganizations(foldToSimplified(text), undefined, kind).map(([a, b]) => `${a}:${b}`));
    const key = (x: Span) => `${x.start}:${x.end}`;
    const goldKeys = new Set(gold.map(key));
    const foundKeys = new Set(found.map(key));
    const name = (x: Span) => text.slice(x.start, x.end);
    const foundNames = new Set(found.filter((f) => goldKeys.has(key(f))).map(name));
    const goldCount = new Map<string, number>();
    for (const g of gold) count(goldCount, name(g));
    for (const g of gold) {
      if (foundKeys.has(key(g))) continue;
      const cover = found.find((f) => f.start < g.end && g.start < f.end);
      const n = name(g);
      if (cover) note(cover.start <= g.start && cover.end >= g.end ? 'boundary: runs long' : cover.start >= g.start && cover.end <= g.end ? 'boundary: cut short' : 'boundary: crosses', `${name(cover)} (gold ${n})`);
      else if (model.has(key(g))) note('missed: the model found it, zhlens left it out', n);
      else if (kindOfBody(n)) note('missed: a kind of body alone (公司, 党委, 分局)', n);
      else if (foundNames.has(n)) note('missed: named again in the text and found there', n);
      else if ((goldCount.get(n) ?? 0) > 1) note('missed: named again in the text, found nowhere', n);
      else note([...n].length <= 3 ? 'missed: named once, 1-3 characters' : 'missed: named once, 4 or more', n);
    }
    for (const f of found) {
      if (goldKeys.has(key(f)) || gold.some((g) => f.start < g.end && g.start < f.end)) continue;
      note(kindOfBody(name(f)) ? 'found, not labelled: a kind of body (党支部, 人民法院)' : 'found, not labelled: other', name(f));
    }
  }
  const total = [...classes.values()].reduce((n, m) => n + [...m.values()].reduce((a, b) => a + b, 0), 0);
  console.log(`  errors of zhlens, ${contextOption} sentences a text, by class (${total} in all):`);
  for (const [cls, names] of [...classes].sort((a, b) => sum(b[1]) - sum(a[1]))) {
    const top = [...names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 8).map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`    ${String(sum(names)).padStart(5)} ${((100 * sum(names)) / total).toFixed(0).padStart(3)} %  ${cls}: ${top}`);
  }
}

function sum(m: Map<string, number>): number {
  return [...m.values()].reduce((a, b) => a + b, 0);
}
