// The repair evaluation's cases (scripts/eval-repair.mjs), built from the public documents of one
// split: each document garbled once per kind, by a generator seeded by its document and kind, so
// a narrower `kindFilter` gives the same cases. Used by every script that must read the cases the
// evaluation reads (eval-repair.mjs, eval-repair/order-check.mjs).
//
// A case: { kind, variant, doc, original, garbled | bytes, expect | expectEncoding, fold }.
import { loadDocuments } from './corpus.mjs';
import { annotatePinyin, foldFullwidth, legacyBytes, misalignedCase, mojibakeScope, MOJIBAKE_PROCESSES, PythonBatch, rng } from './garble.mjs';

/** The documents of `split` (the first `limit`, when above 0) and their cases of kinds starting with `kindFilter`. */
export function buildCases(split, kindFilter = '', limit = 0) {
  const docs = loadDocuments()
    .filter((d) => d.split === split)
    .slice(0, limit > 0 ? limit : undefined);
  const cases = [];
  const python = new PythonBatch();
  const wanted = (kind) => kind.startsWith(kindFilter);

  for (const doc of docs) {
    const r = (kind) => rng(`${doc.id}\u0000${kind}`);
    if (wanted('clean')) cases.push({ kind: 'clean', variant: doc.genre, doc, original: doc.text, garbled: doc.text, expect: [] });

    for (const unit of ['char', 'word']) {
      const kind = `pinyin ${unit}`;
      if (!wanted(kind)) continue;
      const g = annotatePinyin(doc.text, unit, r(kind));
      if (g && g.garbled !== doc.text) cases.push({ kind, variant: g.variant, doc, original: doc.text, garbled: g.garbled, expect: ['pinyin-annotation'] });
    }

    for (const [page, detected] of [['gbk', 'mojibake-gbk'], ['big5', 'mojibake-big5'], ['cp1252', 'mojibake-latin1']]) {
      const kind = `mojibake ${page}`;
      if (!wanted(kind)) continue;
      const rr = r(kind);
      const process = rr.pick(MOJIBAKE_PROCESSES[page]);
      const scope = rr.next() < 0.5 ? 'doc' : 'paragraph';
      const c = { kind, variant: `${process.name} ${scope}`, doc, original: doc.text, expect: [detected] };
      // The misread text replaces the document (or one paragraph of it).
      const { garbled, pending } = mojibakeScope(doc.text, scope, rr, process, python);
      if (garbled === undefined) continue;
      c.garbled = garbled;
      c.pending = pending;
      cases.push(c);
    }

    for (const scope of ['doc', 'paragraph']) {
      const kind = `misaligned-gbk ${scope}`;
      if (!wanted(kind)) continue;
      const m = misalignedCase(doc, scope, r(kind), python);
      if (!m) continue;
      const { process, fold, garbled, pending } = m;
      cases.push({ kind, variant: `${process.name}${fold ? ' folded' : ''}`, doc, original: doc.text, garbled, pending, fold, expect: ['misaligned-gbk'] });
    }

    const encodings = doc.script === 'traditional' ? ['big5', 'euc-tw', 'gbk'] : ['gbk'];
    for (const enc of encodings) {
      const kind = `encoding ${enc}`;
      if (!wanted(kind)) continue;
      const bytes = legacyBytes(doc.text, enc);
      if (!bytes) continue;
      cases.push({ kind, variant: enc, doc, original: doc.text, bytes, expectEncoding: enc === 'gbk' ? 'gb18030' : enc });
    }
  }

  // Fill in what Python decoded.
  const decoded = python.run();
  for (const c of cases) {
    if (c.pending?.length) {
      // Each placeholder \0k\0 is replaced by the k-th of this case's pending tasks.
      c.garbled = c.garbled.replace(/\u0000(\d+)\u0000/g, (_, k) => decoded[c.pending[Number(k)]]);
    }
    if (c.fold) c.garbled = foldFullwidth(c.garbled);
  }
  return { docs, cases: cases.filter((c) => c.bytes || c.garbled !== c.original || c.kind === 'clean') };
}
