// The documents of the independent repair evaluation: public text in both scripts, none of it
// written by the project, none of it in the character model's training data (docs/data.md), split
// by document into a tuning part and a held-out test part.
//
// Sources (fetched outside the repository, under $ZHLENS_EVAL_DATA, default /work/data/repair-eval;
// see docs/repair-eval.md for versions and licences):
//   ud-gsd       UD_Chinese-GSD (Wikipedia, Traditional)      UD dev → tuning, UD test → test
//   ud-gsdsimp   UD_Chinese-GSDSimp (Wikipedia, Simplified)   UD dev → tuning, UD test → test
//   ud-pud       UD_Chinese-PUD (news and Wikipedia, Trad.)   by document id
//   ud-hk        UD_Chinese-HK (spoken: films, LegCo; Trad.)  by group of sentences
//   msra         MSRA NER corpus (People's Daily news, Simp.) msra_train → tuning, msra_test → test
//   man-zh_CN    Debian manpages-zh man1 (technical, Simp.)   by page name
//   man-zh_TW    Debian manpages-zh man1 (technical, Trad.)   by page name
//   tang         chinese-poetry 全唐诗 (classical verse, Trad.) by poem id
//   songci       chinese-poetry 宋词三百首 (Simp.)            by poem
//   mengzi       chinese-poetry 四书五经/孟子 (classical prose, Simp.) by chapter
//   youmengying  chinese-poetry 幽梦影 (literary prose, Simp.) by group of entries
// A document's split is fixed by a hash of its source and id, so adding documents never moves
// one from one part to the other.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

export const DATA = process.env.ZHLENS_EVAL_DATA ?? '/work/data/repair-eval';
const MIRROR = process.env.ZHLENS_EVAL_MIRROR ?? '/work/.mirror';

const HAN = /[\u3400-\u9fff]/;
/** Documents per source and split: enough for a per-kind figure, small enough to run in minutes. */
const PER_SOURCE = 24;
/** Target size of a document, in characters: a few paragraphs. */
const DOC_MIN = 180;
const DOC_MAX = 700;

function hashSplit(source, id) {
  const h = createHash('sha256').update(`${source}\u0000${id}`).digest();
  // One document in three is held out.
  return h[0] % 3 === 0 ? 'test' : 'tuning';
}

function gitShow(repo, path) {
  const dir = join(MIRROR, repo.replace('/', '+'), 'repo');
  return execFileSync('git', ['-C', dir, 'show', `HEAD:${path}`], { maxBuffer: 1 << 28 }).toString('utf8');
}

/** `# text = …` of every sentence of a CoNLL-U file, with the document id where the file has one. */
function conlluSentences(text) {
  const out = [];
  let doc = '';
  for (const line of text.split('\n')) {
    const d = /^# newdoc id = (.*)$/.exec(line);
    if (d) doc = d[1].trim();
    const t = /^# text = (.*)$/.exec(line);
    if (t) out.push({ doc, text: t[1].trim() });
  }
  return out;
}

/** Sentences joined into documents of a few paragraphs (2–4 sentences each). */
function groupSentences(sentences, source, script, genre, splitOf, idPrefix) {
  const docs = [];
  let paras = [];
  let para = [];
  let length = 0;
  let n = 0;
  const flush = () => {
    if (para.length) paras.push(para.join(''));
    para = [];
  };
  for (const s of sentences) {
    para.push(s);
    length += s.length;
    if (para.length >= 2 + (n++ % 3)) flush();
    if (length >= DOC_MIN && (paras.length >= 2 || length >= DOC_MAX)) {
      flush();
      const id = `${idPrefix}${docs.length}`;
      docs.push({ id: `${source}/${id}`, source, script, genre, split: splitOf(id), text: paras.join('\n') });
      paras = [];
      length = 0;
    }
  }
  return docs;
}

function udDocs() {
  const docs = [];
  for (const [repo, file, source, script] of [
    ['UniversalDependencies/UD_Chinese-GSD', 'zh_gsd-ud', 'ud-gsd', 'traditional'],
    ['UniversalDependencies/UD_Chinese-GSDSimp', 'zh_gsdsimp-ud', 'ud-gsdsimp', 'simplified'],
  ]) {
    for (const [part, split] of [['dev', 'tuning'], ['test', 'test']]) {
      const sents = conlluSentences(gitShow(repo, `${file}-${part}.conllu`)).map((s) => s.text);
      // GSD and GSDSimp are one text in two scripts: take alternate stretches from each.
      const half = source === 'ud-gsd' ? 0 : 1;
      const chunk = [];
      for (let i = 0; i < sents.length; i++) if (Math.floor(i / 40) % 2 === half) chunk.push(sents[i]);
      docs.push(...groupSentences(chunk, source, script, 'wiki', () => split, `${part}-`));
    }
  }
  // PUD: documents as the treebank has them (n… news, w… Wikipedia).
  const pud = conlluSentences(gitShow('UniversalDependencies/UD_Chinese-PUD', 'zh_pud-ud-test.conllu'));
  const byDoc = new Map();
  for (const s of pud) byDoc.set(s.doc, [...(byDoc.get(s.doc) ?? []), s.text]);
  for (const [id, sents] of byDoc) {
    const text = sents.join('');
    if (text.length < 120) continue;
    const paras = [];
    for (let i = 0; i < sents.length; i += 2) paras.push(sents.slice(i, i + 2).join(''));
    docs.push({ id: `ud-pud/${id}`, source: 'ud-pud', script: 'traditional', genre: id.startsWith('n') ? 'news' : 'wiki', split: hashSplit('ud-pud', id), text: paras.join('\n') });
  }
  const hk = conlluSentences(gitShow('UniversalDependencies/UD_Chinese-HK', 'zh_hk-ud-test.conllu')).map((s) => s.text);
  docs.push(...groupSentences(hk, 'ud-hk', 'traditional', 'spoken', (id) => hashSplit('ud-hk', id), 'g'));
  return docs;
}

function msraDocs() {
  const docs = [];
  for (const [file, split] of [['msra_train_bio', 'tuning'], ['msra_test_bio', 'test']]) {
    const path = join(process.env.ZHLENS_NER_DATA ?? '/work/data/ner', 'msra', file);
    if (!existsSync(path)) continue;
    const sents = [];
    let cur = '';
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const ch = line.split('\t')[0];
      if (!line.trim()) {
        if (cur) sents.push(cur);
        cur = '';
      } else cur += ch;
    }
    if (cur) sents.push(cur);
    // The corpus is one long stream of news sentences: take stretches of it, spread over the file.
    const picked = sents.filter((s) => s.length >= 15 && s.length <= 200);
    const stretch = [];
    const step = Math.max(1, Math.floor(picked.length / (PER_SOURCE * 8)));
    for (let i = 0; i < picked.length; i += step * 8) stretch.push(...picked.slice(i, i + 6));
    docs.push(...groupSentences(stretch, 'msra', 'simplified', 'news', () => split, `${split}-`));
  }
  return docs;
}

/** Text of a man page: roff requests dropped, font escapes removed, paragraphs with Han kept. */
function manText(roff) {
  const paras = [];
  let cur = [];
  for (const l of roff.split('\n')) {
    if (l.startsWith('.') || l.startsWith("'")) {
      if (cur.length) paras.push(cur.join(''));
      cur = [];
      continue;
    }
    const t = l.replace(/\\f(\[[^\]]*\]|\(..|.)/g, '').replace(/\\s[+-]?\d/g, '').replace(/\\[,/&]/g, '').replace(/\\-/g, '-').replace(/\\\(../g, '').replace(/\\e/g, '\\').trim();
    if (t) cur.push(t);
  }
  if (cur.length) paras.push(cur.join(''));
  return paras.filter((p) => HAN.test(p));
}

function manDocs() {
  const docs = [];
  const root = join(DATA, 'src/manpages-zh/usr/share/man');
  for (const [lang, script] of [['zh_CN', 'simplified'], ['zh_TW', 'traditional']]) {
    const dir = join(root, lang, 'man1');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      const raw = readFileSync(join(dir, f));
      const paras = manText((f.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
      const kept = [];
      let length = 0;
      for (const p of paras) {
        if (length >= DOC_MAX) break;
        kept.push(p);
        length += p.length;
      }
      if (length < DOC_MIN) continue;
      const page = f.replace(/\.gz$/, '');
      docs.push({ id: `man-${lang}/${page}`, source: `man-${lang}`, script, genre: 'technical', split: hashSplit('man', page), text: kept.join('\n') });
    }
  }
  return docs;
}

function poetryDocs() {
  const repo = 'chinese-poetry/chinese-poetry';
  const docs = [];
  // 全唐诗 (Traditional in this edition): a few files spread over the collection, poems of 4+ lines.
  for (const k of [0, 7000, 15000, 23000, 31000, 39000, 47000, 55000]) {
    const poems = JSON.parse(gitShow(repo, `全唐诗/poet.tang.${k}.json`));
    let group = [];
    for (const p of poems) {
      if (!p.paragraphs || p.paragraphs.length < 2) continue;
      group.push(p.paragraphs.join(''));
      if (group.join('').length >= DOC_MIN) {
        const id = `${k}-${p.id}`;
        docs.push({ id: `tang/${id}`, source: 'tang', script: 'traditional', genre: 'classical', split: hashSplit('tang', id), text: group.join('\n') });
        group = [];
      }
    }
  }
  const ci = JSON.parse(gitShow(repo, '宋词/宋词三百首.json'));
  let group = [];
  ci.forEach((p, i) => {
    group.push(p.paragraphs.join(''));
    if (group.join('').length >= DOC_MIN) {
      docs.push({ id: `songci/${i}`, source: 'songci', script: 'simplified', genre: 'classical', split: hashSplit('songci', String(i)), text: group.join('\n') });
      group = [];
    }
  });
  const mengzi = JSON.parse(gitShow(repo, '四书五经/mengzi.json'));
  mengzi.forEach((ch, i) => {
    const paras = [];
    let length = 0;
    for (const p of ch.paragraphs) {
      if (length >= DOC_MAX) break;
      paras.push(p);
      length += p.length;
    }
    if (length >= DOC_MIN) docs.push({ id: `mengzi/${i}`, source: 'mengzi', script: 'simplified', genre: 'classical', split: hashSplit('mengzi', String(i)), text: paras.join('\n') });
  });
  const ymy = JSON.parse(gitShow(repo, '幽梦影/youmengying.json'));
  group = [];
  ymy.forEach((e, i) => {
    group.push(e.content);
    if (group.join('').length >= DOC_MIN) {
      docs.push({ id: `youmengying/${i}`, source: 'youmengying', script: 'simplified', genre: 'literary', split: hashSplit('youmengying', String(i)), text: group.join('\n') });
      group = [];
    }
  });
  return docs;
}

/** Spread `n` picks over a list (deterministic). */
function spread(list, n) {
  if (list.length <= n) return list;
  const out = [];
  for (let i = 0; i < n; i++) out.push(list[Math.floor((i * list.length) / n)]);
  return out;
}

/** Every document of the evaluation, built once and cached as JSON beside the sources. */
export function loadDocuments() {
  const cache = join(DATA, 'documents.json');
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8'));
  const all = [...udDocs(), ...msraDocs(), ...manDocs(), ...poetryDocs()];
  const docs = [];
  const sources = [...new Set(all.map((d) => d.source))];
  for (const source of sources) {
    for (const split of ['tuning', 'test']) {
      docs.push(...spread(all.filter((d) => d.source === source && d.split === split && HAN.test(d.text)), PER_SOURCE));
    }
  }
  mkdirSync(DATA, { recursive: true });
  writeFileSync(cache, JSON.stringify(docs, null, 0));
  return docs;
}
