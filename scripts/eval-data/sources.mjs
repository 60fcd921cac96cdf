// What the eval corpora under /work/data are built from (scripts/eval-data/build.mjs), and the
// pure checks of it: which fetched repository each part reads, at which commit, and what the built
// files must hash to. No file is read here; build.mjs passes what it found.
//
// A repository is read from its fetched copy `<mirror>/<owner>+<name>/repo` (a bare git directory,
// or a clone whose git directory is `repo/.git`), at HEAD, which must be the commit below: the
// figures in docs/ were measured on those files.

/** @typedef {'ner' | 'repair-eval' | 'bytes' | 'precision'} Part */

/** Every repository the four parts read, with the commit the published figures were measured on. */
export const REPOSITORIES = [
  // ner: the organization tagger's corpora (docs/annotate-data.md); msra also feeds repair-eval.
  { repo: 'zhooufeng/Data', commit: '5336c7962aa05bb4ee356707a8f44cb087baaa01', parts: ['ner', 'repair-eval'] },
  { repo: 'jiesutd/LatticeLSTM', commit: '24d17f4270f11d2f75046789d8b67eaa2b907dce', parts: ['ner'] },
  { repo: 'hltcoe/golden-horse', commit: '7a73c08e45ed94312af4ef2d97cc35a47d029e99', parts: ['ner'] },
  { repo: 'hemingkx/CLUENER2020', commit: '4bfd0b5fdd1537558f0c32dd28339af1f337afc9', parts: ['ner'] },
  // repair-eval: read by scripts/eval-repair/corpus.mjs (docs/repair-eval.md).
  { repo: 'UniversalDependencies/UD_Chinese-GSD', commit: '200dbe8acf60ff0d194f2d30bf925c410eee762a', parts: ['repair-eval'] },
  { repo: 'UniversalDependencies/UD_Chinese-GSDSimp', commit: 'eb3aed31ebb170897405ee5cd1db83a1a0b11864', parts: ['repair-eval'] },
  { repo: 'UniversalDependencies/UD_Chinese-PUD', commit: '2849afd946a8c01b3e9acdf3e7afa8670cf2777d', parts: ['repair-eval'] },
  { repo: 'UniversalDependencies/UD_Chinese-HK', commit: '77ecd3ca188a59e53385f9fffd13219952187d03', parts: ['repair-eval'] },
  { repo: 'chinese-poetry/chinese-poetry', commit: '99ebbef7e1345c0985c44b9fd96a3f9e776f117b', parts: ['repair-eval', 'precision'] },
  // bytes: two encoding detectors' test suites (docs/precision.md, "Legacy files").
  { repo: 'chardet/chardet', commit: '1355907628bff3148cc81ec77093b41d922436a7', parts: ['bytes'] },
  { repo: 'freedesktop/uchardet', commit: 'bdfd6116a965fd210ef563613763e724424728b7', parts: ['bytes'] },
  // precision: scripts/add-precision-repos.mjs (its REPOSITORIES and --texts) and ftfy's cases.
  { repo: 'moment/moment', commit: '18aba135ab927ffe7f868ee09276979bed6993a6', parts: ['precision'] },
  { repo: 'iamkun/dayjs', commit: '0f6c19e3b63bcc3ff74917cb3a60125020c75648', parts: ['precision'] },
  { repo: 'vuetifyjs/vuetify', commit: 'f61c453c9d2e11ba46aae46eb64acbfa08b08f4b', parts: ['precision'] },
  { repo: 'jlevy/the-art-of-command-line', commit: '6b50745d2e788add2e8f1ed29010e72659a9a074', parts: ['precision'] },
  { repo: 'trekhleb/javascript-algorithms', commit: '85293e3e2b88f4d2ce330d956b139cf628aa1e82', parts: ['precision'] },
  { repo: 'EbookFoundation/free-programming-books', commit: '5b277d20f623ce5b2889b16fc9dd5e266536f521', parts: ['precision'] },
  { repo: 'vuejs-translations/docs-ja', commit: 'c627102bfabf8bc5ecaa6eb763b965a0a5d43a5b', parts: ['precision'] },
  { repo: 'vuejs-translations/docs-ko', commit: '6e646acb5687510feda533281faa546b26ea243c', parts: ['precision'] },
  { repo: 'doocs/advanced-java', commit: 'efb95ddac45c0d5bc69565cfd2f05b7ec65785e5', parts: ['precision'] },
  { repo: 'PanJiaChen/vue-element-admin', commit: '6858a9ad67483025f6a9432a926beb9327037be3', parts: ['precision'] },
  { repo: 'mozillazg/python-pinyin', commit: '8595294b1a97845e30f11ecfdb3caa4e61ac3988', parts: ['precision'] },
  { repo: 'hotoo/pinyin', commit: '0cd724aa6ea96854a45b24a30e99ce4f9083f411', parts: ['precision'] },
  { repo: 'rspeer/python-ftfy', commit: '74dd0452b48286a3770013b3a02755313bd5575e', parts: ['precision'] },
  // precision: real text kinds with readings, subtitles and code (docs/precision.md, "Readings, romanisations, subtitles, Java comments").
  { repo: 'macrozheng/mall', commit: '74eebe067d4f17b2d0b61691bef2748e3a7daf80', parts: ['precision'] },
  { repo: 'CanCLID/ToJyutping', commit: 'bd0ecd8f16f6c8e6f0a1fa9947955d21f6dd670b', parts: ['precision'] },
  { repo: 'lshk-org/jyutping-table', commit: 'dad2dd6d6f02fc51138ecc6818f7b38eba5c2ad3', parts: ['precision'] },
  { repo: 'cburgmer/cjklib', commit: '3faf249e1416ed5dca4d7b9a3341400bf64a9e50', parts: ['precision'] },
  { repo: 't18d/HuangSupplement', commit: '8981c5c8db8c418da7d61747a03832fd32129c7f', parts: ['precision'] },
  { repo: 'hexenq/kuroshiro', commit: '39531b192253061033f40e62f1a3e0da94edd84f', parts: ['precision'] },
  { repo: 'polm/cutlet', commit: 'f6726d4c5b994901026af980f707dd3f25e16e5d', parts: ['precision'] },
  { repo: 'Bourshevik0/subtitle_works', commit: '6544ebe312208db89a291c8f803865e123e1dd70', parts: ['precision'] },
  { repo: 'tkarabela/pysubs2', commit: '6caa4da8120168a1cd3fd4cf74b04cdee70650b2', parts: ['precision'] },
  { repo: 'UniversalDependencies/UD_Cantonese-HK', commit: '454c9548b32a77438b2ab4bca0ad6d1886a8ac11', parts: ['precision'] },
  { repo: 'UniversalDependencies/UD_Classical_Chinese-Kyoto', commit: '9a16f5cfb0e230c94692fd0b2f9d1c17738e7983', parts: ['precision'] },
  // precision, `--extra` (manifest-extra.json): input-method tables, translated docs, Chinese
  // technical writing, Markdown with math, Chinese data files (docs/precision.md).
  { repo: 'rime/rime-cangjie', commit: '52d90a1b1312e74042b38c1cbc8142defbc53171', parts: ['precision'] },
  { repo: 'rime/rime-luna-pinyin', commit: '56b934b099dfbeab842320f13aa8b461a6ab3e42', parts: ['precision'] },
  { repo: 'rime/rime-bopomofo', commit: 'a8c35a4ae3998ac0cdbd02fbb42c883ecada4279', parts: ['precision'] },
  { repo: 'rime/rime-wubi', commit: '152a0d3f3efe40cae216d1e3b338242446848d07', parts: ['precision'] },
  { repo: 'rime/rime-terra-pinyin', commit: '333ec4128fa1f93924a0707da3c623ccd92a73f0', parts: ['precision'] },
  { repo: 'rurema/doctree', commit: '1cfb0606663dfec18e5e2c2facce550bf1dba44f', parts: ['precision'] },
  { repo: 'd2l-ai/d2l-zh', commit: 'e6b18ccea71451a55fcd861d7b96fddf2587b09a', parts: ['precision'] },
  { repo: 'sparanoid/chinese-copywriting-guidelines', commit: 'a26e2ce63c99bf546a0cc9a09085d916c6432185', parts: ['precision'] },
  { repo: 'jaywcjlove/awesome-mac', commit: 'b4043d92c04720f24bd0855cbc9fe6374205efec', parts: ['precision'] },
  { repo: 'Snailclimb/JavaGuide', commit: 'fd4c37ab8f58a3c5520535d401adaf1adf72ed85', parts: ['precision'] },
  { repo: 'ruanyf/es6tutorial', commit: 'fc58b0c1505654bde876ace4f8f1f7f5882876fa', parts: ['precision'] },
  { repo: 'CyC2018/CS-Notes', commit: 'b70121d377cb6005eb65f12b098cd5decd905669', parts: ['precision'] },
  { repo: 'modood/Administrative-divisions-of-China', commit: '57a0aa9cef47169a2eb74cf057b0245052a34e8c', parts: ['precision'] },
  { repo: 'pwxcoo/chinese-xinhua', commit: 'fe6d6c2e8baa82187f4c96bbe042e43f96c05666', parts: ['precision'] },
  { repo: 'reactjs/ja.react.dev', commit: '7f38231d9d5dddaae6ac51da7d0f173d697f835c', parts: ['precision'] },
  { repo: 'reactjs/ko.react.dev', commit: '2e8c873c3cea6703d1c94d01b5d5716259005c8e', parts: ['precision'] },
  { repo: 'reactjs/vi.react.dev', commit: 'b149357cfb8ae87f02ef108132114e5641d5c16f', parts: ['precision'] },
  { repo: 'reactjs/zh-hans.react.dev', commit: 'f6cda05526ceff44b24588e9e0c2e2106d4588d4', parts: ['precision'] },
  // precision, `--more` (manifest-more.json): Traditional Chinese docs, LaTeX with ctex, classical
  // poetry as JSON and CSV (chinese-poetry, above; Werneror/Poetry), Hong Kong and Cantonese code and
  // prose (docs/precision.md).
  { repo: 'reactjs/zh-hant.react.dev', commit: '19692fa83681619db5849b5d24b14b67b9650329', parts: ['precision'] },
  { repo: 'ElegantLaTeX/ElegantBook', commit: '47c8e134219f5b5c24c89a4087d165279ce4fe37', parts: ['precision'] },
  { repo: 'ustctug/ustcthesis', commit: 'a9a7a1c732869fabd82ca296f44606f6667d4de9', parts: ['precision'] },
  { repo: 'g0vhk-io/g0vhk_legco_web', commit: '94304ffae4c9a84453517b4c4983c90ac16414f5', parts: ['precision'] },
  { repo: 'StepfenShawn/Cantonese', commit: 'cafe1756aa8736e1f29deb2575b0cd69e47bb529', parts: ['precision'] },
  { repo: 'Werneror/Poetry', commit: '4cfe49c06858e00d15f84d192fe5294295f79689', parts: ['precision'] },
];

export const PARTS = /** @type {Part[]} */ (['ner', 'repair-eval', 'bytes', 'precision']);

/** The parts a part needs built first: repair-eval reads MSRA from ner. */
export const NEEDS = { 'repair-eval': ['ner'] };

/** `owner/name` → the folder name of its fetched copy, `owner+name`. */
export function mirrorName(repo) {
  return repo.replace('/', '+');
}

/** The parts asked for (a comma list, or all), with what they need, in build order. */
export function partsToBuild(asked) {
  const want = new Set(asked ? asked.split(',').map((s) => s.trim()).filter(Boolean) : PARTS);
  for (const p of want) if (!PARTS.includes(p)) throw new Error(`unknown part ${p} (parts: ${PARTS.join(', ')})`);
  for (const p of [...want]) for (const n of NEEDS[p] ?? []) want.add(n);
  return PARTS.filter((p) => want.has(p));
}

/**
 * The state of each repository the parts read: `ok`, `missing` (no fetched copy) or `other` (its
 * HEAD is another commit). `headOf(repo)` gives the HEAD commit of the fetched copy, or undefined.
 */
export function checkRepositories(parts, headOf) {
  return REPOSITORIES.filter((r) => r.parts.some((p) => parts.includes(p))).map((r) => {
    const head = headOf(r.repo);
    const state = head === undefined ? 'missing' : head === r.commit ? 'ok' : 'other';
    return { ...r, head, state };
  });
}

/** What to tell the user about the repositories that are not as expected, one line each. */
export function repositoryProblems(checked) {
  return checked.filter((r) => r.state !== 'ok').map((r) =>
    r.state === 'missing'
      ? `missing: ${r.repo} (fetch github:${r.repo}, commit ${r.commit.slice(0, 12)}; needed by ${r.parts.join(', ')})`
      : `other commit: ${r.repo} is at ${r.head.slice(0, 12)}, the figures were measured at ${r.commit.slice(0, 12)} (${r.parts.join(', ')})`,
  );
}

/** One hash of a tree of files from `[relative path, sha256 of its bytes]` pairs, in any order. */
export function treeDigest(entries, sha256) {
  const lines = entries.map(([path, hash]) => `${path.split('\\').join('/')}\u0000${hash}\n`).sort();
  return sha256(lines.join(''));
}

/** Where a built part differs from what was recorded: `[name, expected, found]` for each file or figure. */
export function differences(expected, found) {
  const out = [];
  for (const key of Object.keys(expected ?? {}).sort()) {
    if (expected[key] !== found[key]) out.push([key, expected[key], found[key]]);
  }
  for (const key of Object.keys(found).sort()) if (!(key in (expected ?? {}))) out.push([key, undefined, found[key]]);
  return out;
}
