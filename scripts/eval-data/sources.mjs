// What the evaluation corpora are built from: the public repositories (read from git copies under
// /work/.mirror, `owner+name/repo`, as the fetch tool leaves them) with the commit each was read
// at, and the Debian packages. docs/data.md, "The evaluation corpora", says what each part is for.

/** Repositories, each with the commit its figures were measured on (a prefix) and the parts that read it. */
export const REPOSITORIES = [
  // eval:repair
  { repo: 'UniversalDependencies/UD_Chinese-GSD', commit: '200dbe8', parts: ['repair-eval'] },
  { repo: 'UniversalDependencies/UD_Chinese-GSDSimp', commit: 'eb3aed3', parts: ['repair-eval'] },
  { repo: 'UniversalDependencies/UD_Chinese-PUD', commit: '2849afd', parts: ['repair-eval'] },
  { repo: 'UniversalDependencies/UD_Chinese-HK', commit: '77ecd3c', parts: ['repair-eval'] },
  { repo: 'chinese-poetry/chinese-poetry', commit: '99ebbef', parts: ['repair-eval'] },
  // eval:orgs (and MSRA for eval:repair)
  { repo: 'zhooufeng/Data', commit: '5336c79', parts: ['ner'] },
  { repo: 'jiesutd/LatticeLSTM', commit: '24d17f4', parts: ['ner'] },
  { repo: 'hltcoe/golden-horse', commit: '7a73c08', parts: ['ner'] },
  { repo: 'hemingkx/CLUENER2020', commit: '4bfd0b5', parts: ['ner'] },
  // eval:bytes
  { repo: 'chardet/chardet', commit: '1355907628bf', parts: ['bytes'] },
  { repo: 'freedesktop/uchardet', commit: 'bdfd6116a965', parts: ['bytes'] },
  // eval:precision (scripts/add-precision-repos.mjs names the files it takes)
  { repo: 'moment/moment', commit: '18aba135ab92', parts: ['precision'] },
  { repo: 'iamkun/dayjs', commit: '0f6c19e3b63b', parts: ['precision'] },
  { repo: 'vuetifyjs/vuetify', commit: 'f61c453c9d2e', parts: ['precision'] },
  { repo: 'jlevy/the-art-of-command-line', commit: '6b50745d2e78', parts: ['precision'] },
  { repo: 'trekhleb/javascript-algorithms', commit: '85293e3e2b88', parts: ['precision'] },
  { repo: 'EbookFoundation/free-programming-books', commit: '5b277d20f623', parts: ['precision'] },
  { repo: 'vuejs-translations/docs-ja', commit: 'c627102bfabf', parts: ['precision'] },
  { repo: 'vuejs-translations/docs-ko', commit: '6e646acb5687', parts: ['precision'] },
  { repo: 'doocs/advanced-java', commit: 'efb95ddac45c', parts: ['precision'] },
  { repo: 'PanJiaChen/vue-element-admin', commit: '6858a9ad6748', parts: ['precision'] },
  { repo: 'mozillazg/python-pinyin', commit: '8595294b1a97', parts: ['precision'] },
  { repo: 'hotoo/pinyin', commit: '0cd724aa6ea9', parts: ['precision'] },
  { repo: 'rspeer/python-ftfy', commit: '74dd0452b482', parts: ['precision'] },
  { repo: 'UniversalDependencies/UD_Cantonese-HK', commit: '454c9548b32a', parts: ['precision'] },
  { repo: 'UniversalDependencies/UD_Classical_Chinese-Kyoto', commit: '9a16f5cfb0e2', parts: ['precision'] },
];

export const PARTS = ['ner', 'repair-eval', 'bytes', 'precision'];

/**
 * What stands in the way of building `parts`: each repository missing from the copies, or copied
 * at another commit than the one measured on. `headOf(repo)` gives the copy's commit (full hex) or
 * undefined when there is no copy. A list of messages; empty when everything is there.
 */
export function mirrorProblems(parts, headOf, repositories = REPOSITORIES) {
  const problems = [];
  for (const { repo, commit, parts: uses } of repositories) {
    if (!uses.some((p) => parts.includes(p))) continue;
    const head = headOf(repo);
    if (head === undefined) problems.push(`${repo}: no copy; fetch github:${repo} (commit ${commit})`);
    else if (!head.startsWith(commit)) problems.push(`${repo}: the copy is at ${head.slice(0, 12)}, the figures were measured at ${commit}`);
  }
  return problems;
}
