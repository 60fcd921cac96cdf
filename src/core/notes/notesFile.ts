/**
 * Where an article's notes are kept, as '/'-separated paths (file system paths on POSIX, URI
 * paths in the editor): `<folder of the article>/<location>/<file name>.annotations.json`, with
 * `location` `.zhlens` unless the reader chose another. A location that starts with
 * `${workspaceFolder}` keeps every article's notes under one folder of the workspace instead,
 * in the article's own relative folder there.
 */
const SUFFIX = '.annotations.json';
const WORKSPACE = '${workspaceFolder}';

function split(path: string): string[] {
  return path.split('/');
}

/** Resolves `.` and `..` segments; keeps a leading '/'. */
export function normalisePath(path: string): string {
  const out: string[] = [];
  const absolute = path.startsWith('/');
  for (const seg of split(path)) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else if (seg !== '..' || !absolute) out.push(seg);
  }
  return (absolute ? '/' : '') + out.join('/');
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? (path.startsWith('/') ? '/' : '.') : path.slice(0, i);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function join(...parts: string[]): string {
  return normalisePath(parts.filter((p) => p !== '').join('/'));
}

/** The notes file of the article at `articlePath`; undefined when `${workspaceFolder}` is asked for outside a workspace folder. */
export function notesFilePath(articlePath: string, location: string, workspaceFolder?: string): string | undefined {
  const loc = location.trim() || '.zhlens';
  if (loc.startsWith(WORKSPACE)) {
    if (!workspaceFolder) return undefined;
    const root = normalisePath(workspaceFolder);
    const dir = normalisePath(dirname(articlePath));
    if (dir !== root && !dir.startsWith(`${root === '/' ? '' : root}/`)) return undefined;
    const relativeDir = dir.slice(root.length).replace(/^\//, '');
    return join(root, loc.slice(WORKSPACE.length), relativeDir, basename(articlePath) + SUFFIX);
  }
  if (loc.startsWith('/')) return undefined;
  return join(dirname(articlePath), loc, basename(articlePath) + SUFFIX);
}

/** True for the name of a notes file. */
export function isNotesFilePath(path: string): boolean {
  return path.endsWith(SUFFIX);
}

/** The relative IRI of `target` seen from the file `from` (both absolute paths), each segment percent-encoded. */
export function relativeIri(from: string, target: string): string {
  const a = split(normalisePath(dirname(from))).filter(Boolean);
  const b = split(normalisePath(target)).filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  const up = a.slice(common).map(() => '..');
  return [...up, ...b.slice(common)].map((s) => (s === '..' ? s : encodeURIComponent(s))).join('/');
}

/** The path a relative IRI names, seen from the file `from`. */
export function resolveIri(from: string, iri: string): string {
  return join(dirname(from), ...iri.split('/').map((s) => decodeURIComponent(s)));
}
