/**
 * What kind of file a text is: the editor's languageId (VS Code's identifiers), or one guessed
 * from a file name for the command line. Source code is read differently from prose: only its
 * comments and string literals hold text a writer wrote (see sourceRegions.ts).
 */

/** How a programming language writes comments and strings. */
export type SourceSyntax = 'c' | 'hash' | 'python' | 'sql' | 'lua' | 'json';

const SYNTAX: Record<string, SourceSyntax> = {
  javascript: 'c', typescript: 'c', javascriptreact: 'c', typescriptreact: 'c', java: 'c', c: 'c', cpp: 'c',
  csharp: 'c', go: 'c', rust: 'c', kotlin: 'c', swift: 'c', scala: 'c', dart: 'c', php: 'c', groovy: 'c',
  'objective-c': 'c', 'objective-cpp': 'c', css: 'c', scss: 'c', less: 'c', jsonc: 'c',
  json: 'json',
  python: 'python',
  shellscript: 'hash', ruby: 'hash', perl: 'hash', yaml: 'hash', toml: 'hash', r: 'hash', makefile: 'hash',
  powershell: 'hash', dockerfile: 'hash', coffeescript: 'hash', properties: 'hash', ini: 'hash',
  sql: 'sql',
  lua: 'lua',
};

/** The comment and string syntax of a languageId; undefined for prose (plaintext, markdown, HTML…). */
export function sourceSyntax(languageId: string | undefined): SourceSyntax | undefined {
  return languageId ? SYNTAX[languageId] : undefined;
}

const BY_EXTENSION: Record<string, string> = {
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascriptreact', ts: 'typescript', mts: 'typescript',
  cts: 'typescript', tsx: 'typescriptreact', java: 'java', c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp', cxx: 'cpp', hpp: 'cpp',
  hh: 'cpp', cs: 'csharp', go: 'go', rs: 'rust', kt: 'kotlin', kts: 'kotlin', swift: 'swift', scala: 'scala',
  dart: 'dart', php: 'php', groovy: 'groovy', gradle: 'groovy', m: 'objective-c', mm: 'objective-cpp', css: 'css',
  scss: 'scss', less: 'less', json: 'json', jsonc: 'jsonc', py: 'python', pyi: 'python', sh: 'shellscript',
  bash: 'shellscript', zsh: 'shellscript', rb: 'ruby', pl: 'perl', pm: 'perl', yml: 'yaml', yaml: 'yaml',
  toml: 'toml', r: 'r', mk: 'makefile', ps1: 'powershell', coffee: 'coffeescript', properties: 'properties',
  ini: 'ini', sql: 'sql', lua: 'lua', md: 'markdown', markdown: 'markdown', txt: 'plaintext', html: 'html',
  htm: 'html', xml: 'xml', vue: 'vue', rst: 'restructuredtext', tex: 'latex',
};

/** The languageId the editor would give a file of this name (undefined when unknown). */
export function languageOfPath(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === 'Makefile' || name === 'makefile' || name === 'GNUmakefile') return 'makefile';
  if (name === 'Dockerfile') return 'dockerfile';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? BY_EXTENSION[name.slice(dot + 1).toLowerCase()] : undefined;
}
