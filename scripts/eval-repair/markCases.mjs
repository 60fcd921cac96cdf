// What misaligned-marks.mjs and misaligned-lone-fffd.mjs share: the core's lone-mark pieces, the
// repair evaluation's misaligned-GBK cases as scripts/eval-repair.mjs makes them, the marks the
// garbling made in them, and the precision corpus's tune split as clean text.
import { requireBundle } from '../nodeBundle.mjs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignChars } from './alignChars.mjs';
import { foldFullwidth, misalignedCase, PythonBatch, rng } from './garble.mjs';

export const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};

/** The core's lone-mark pieces, bundled under out/`name`. */
export async function markCore(name) {
  const core = await requireBundle(join('out', name, 'core.cjs'), {
    exports: `
      export { gbkTable } from './src/core/codec/gbkTable';
      export { getCharModel } from './src/core/model/charLanguageModel';
      export { loneMark, isChinese, FFFD_BASE_GAIN } from './src/core/garble/misaligned/loneMarks';
    `,
  });
  return { core, table: core.gbkTable(), lm: core.getCharModel() };
}

/** The misaligned-GBK cases of `docs` (both scopes), their Python tasks added to `python`. */
export function misalignedCases(docs, python) {
  const cases = [];
  for (const doc of docs) {
    for (const scope of ['doc', 'paragraph']) {
      const kind = `misaligned-gbk ${scope}`;
      const m = misalignedCase(doc, scope, rng(`${doc.id}\u0000${kind}`), python);
      if (m) cases.push({ kind, scope, doc, ...m });
    }
  }
  return cases;
}

/** A case's garbled text and its original, folded as the case is, once Python has decoded. */
export function garbledOf(c, decoded) {
  let g = c.garbled.replace(/\u0000(\d+)\u0000/g, (_, k) => decoded[c.pending[Number(k)]]);
  let o = c.doc.text;
  if (c.fold) [g, o] = [foldFullwidth(g), foldFullwidth(o)];
  return [g, o];
}

/**
 * The misaligned-GBK cases of `docs`, decoded: each with its garbled text `g`, its original `o`
 * (garbledOf) and where it comes from.
 */
export function decodedMisalignedCases(docs) {
  const python = new PythonBatch();
  const cases = misalignedCases(docs, python);
  const decoded = python.run();
  return cases.map((c) => {
    const [g, o] = garbledOf(c, decoded);
    return { c, g, o, where: `${c.scope} ${c.doc.id}${c.fold ? ' folded' : ''}` };
  });
}

/** Clean text as [text, where]: `docs` as written and with their fullwidth forms folded, and the precision corpus's tune split. */
export function cleanTexts(docs, precision) {
  const out = [];
  for (const doc of docs) {
    out.push([doc.text, `tuning ${doc.id}`]);
    const f = foldFullwidth(doc.text);
    if (f !== doc.text) out.push([f, `tuning ${doc.id} folded`]);
  }
  for (const [path, text] of precisionTune(precision)) out.push([text, `precision ${path}`]);
  return out;
}

/**
 * The offsets of `g` where the garbling made `mark`: aligned with no such mark of `o`. Code units
 * here are code points (the marks are found by code unit, the alignment works on code points):
 * undefined for text beyond the BMP.
 */
export function marksMade(o, g, mark) {
  if ([...g].length !== g.length) return undefined;
  const { x, y, ops } = alignChars(o, g);
  const made = new Set();
  for (const [i, j] of ops) if (j >= 0 && y[j] === mark && (i < 0 || x[i] !== mark)) made.add(j);
  return made;
}

/** The precision corpus's tune split (its files garbled in their source left out), as [path, text]. */
export function precisionTune(precision) {
  const manifest = [];
  for (const name of ['manifest-debian.json', 'manifest-repos.json', 'manifest-texts.json', 'manifest-extra.json', 'manifest-more.json']) {
    const p = join(precision, name);
    if (existsSync(p)) manifest.push(...JSON.parse(readFileSync(p, 'utf8')));
  }
  const garbledInSource = new Set(JSON.parse(readFileSync(new URL('../precision-garbled-in-source.json', import.meta.url), 'utf8')).files.map((f) => f.path));
  return manifest.filter((e) => e.split === 'tune' && !garbledInSource.has(e.path)).map((e) => [e.path, readFileSync(join(precision, e.path), 'utf8')]);
}

/** Per offset of `g`: whether the garbling changed it (aligned with no equal character of `o`). */
export function changedMask(o, g) {
  const { x, y, ops } = alignChars(o, g);
  const mask = new Uint8Array(g.length + 1);
  let lastJ = -1;
  for (const [i, j] of ops) {
    if (j >= 0) {
      lastJ = j;
      if (i < 0 || x[i] !== y[j]) mask[j] = 1;
    } else if (lastJ >= 0) mask[lastJ] = mask[lastJ + 1] = 1; // a character lost: both sides
  }
  return mask;
}

/** The NER corpora's training sentences (CLUENER, Weibo, Resume, MSRA) as [text, where]. */
export function nerTraining(dir) {
  const out = [];
  const read = (p) => (existsSync(join(dir, p)) ? readFileSync(join(dir, p), 'utf8') : '');
  const cluener = read('cluener/train.json').split('\n').filter(Boolean).map((l) => JSON.parse(l).text).join('\n');
  if (cluener) out.push([cluener, 'ner cluener train']);
  // One character a line (its first field; Weibo marks the word position with a digit), sentences split by blank lines.
  for (const [p, where] of [['weibo/weiboNER_2nd_conll.train', 'ner weibo train'], ['resume/train.char.bmes', 'ner resume train'], ['msra/msra_train_bio', 'ner msra train']]) {
    const lines = read(p).split('\n');
    if (lines.length > 1) out.push([lines.map((l) => (l.trim() === '' ? '\n' : [...l][0])).join(''), where]);
  }
  return out;
}

/** The checks of the silent search (the probe's `drop`, probes.ts), in the order a run reaches them. */
export const DROP_CHECKS = ['entry', 'bound', 'no garbage', 'last character', 'context', 'garbage', 'Han', 'hopeless', 'no guess', 'gain', 'mark alone', 'words', 'final'];
const dropRank = (check) => DROP_CHECKS.indexOf(check === 'found' ? 'final' : check);

/**
 * `find(text)` run under `observeSearch` (probes.ts) told every end's drops; returns what
 * `find` returns and `lastCheck(at, a)`: the last check a run ending at `at` reached (its gain,
 * whether another start than `a` reached it), counting only runs from `a` before the words' check.
 */
export function withDrops(observeSearch, find, text) {
  const drops = new Map();
  const drop = (at, first, check, gain) => {
    let list = drops.get(at);
    if (!list) drops.set(at, (list = []));
    list.push({ first, check, gain });
  };
  const result = observeSearch({ drop }, () => find(text));
  const lastCheck = (at, a) => {
    let check = 'entry';
    let gain;
    let elsewhere = false;
    for (const r of drops.get(at) ?? []) {
      if (r.first !== -1 && r.first !== a && dropRank(r.check) < dropRank('words')) continue;
      if (dropRank(r.check) < dropRank(check)) continue;
      [check, gain, elsewhere] = [r.check === 'found' ? 'final' : r.check, r.gain, r.first !== -1 && r.first !== a];
    }
    return { check, gain, elsewhere };
  };
  return { result, lastCheck };
}
