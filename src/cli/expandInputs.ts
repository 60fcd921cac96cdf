import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from './errors';
import { compileGlob, GLOBSTAR, hasGlobMagic, type CompiledGlob } from './globPattern';

/**
 * Command-line arguments to the list of files to process: a file stands for itself, a folder for
 * every file under it (recursively), a glob for the files it matches. Arguments are taken as paths
 * first, so a file really named `第[1]章.txt` is found even though it looks like a glob.
 */

export interface InputFile {
  /** The path as shown to the user: the argument, or the argument joined with what was found under it. */
  path: string;
  /** Where the file sits below the folder or glob base it was found under (its name when given directly); `--out DIR` mirrors this. */
  relative: string;
}

export interface Expansion {
  files: InputFile[];
  /** One line per argument that led to nothing: a glob without matches, a folder that cannot be listed. */
  problems: string[];
  /** True when the arguments can stand for more than one file (several arguments, a folder, a glob). */
  batch: boolean;
}

export interface ExpandOptions {
  /** File names never to pick up from folders and globs (files named directly are always taken). */
  ignoreFile?: (name: string) => boolean;
}

/** Folders that hold tooling state, never text to check. */
const SKIPPED_FOLDERS = new Set(['.git', '.hg', '.svn', 'node_modules']);

export function expandInputs(args: readonly string[], options: ExpandOptions = {}): Expansion {
  const files: InputFile[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  let batch = args.length > 1;
  const add = (file: InputFile) => {
    const key = path.resolve(file.path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  const ignoreFile = options.ignoreFile ?? (() => false);

  for (const arg of args) {
    const stat = statOrUndefined(arg);
    if (stat?.isDirectory()) {
      batch = true;
      walk(arg, arg, (file) => !ignoreFile(path.basename(file)), add, problems);
    } else if (!stat && hasGlobMagic(arg)) {
      batch = true;
      const before = files.length;
      for (const glob of compileGlob(arg)) expandGlob(glob, ignoreFile, add, problems);
      if (files.length === before) problems.push(`no files match '${arg}'`);
    } else {
      // Missing and unreadable files are reported by the read that follows, like any other.
      add({ path: arg, relative: path.basename(arg) });
    }
  }
  return { files, problems, batch };
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

interface Entry {
  name: string;
  full: string;
  isDirectory: boolean;
  isFile: boolean;
}

/**
 * The entries of a folder in name order, symbolic links resolved. `visited` holds the folders
 * already entered (device and inode), so a link back up the tree is not followed in circles.
 */
function listFolder(dir: string, visited: Set<string>, problems: string[]): Entry[] | undefined {
  let key: string;
  let dirents: fs.Dirent[];
  try {
    const st = fs.statSync(dir);
    key = `${st.dev}:${st.ino}`;
    if (visited.has(key)) return undefined;
    visited.add(key);
    dirents = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    problems.push(`cannot list ${dir}: ${describeFsError(err)}`);
    return undefined;
  }
  dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const entries: Entry[] = [];
  for (const d of dirents) {
    const full = path.join(dir, d.name);
    let isDirectory = d.isDirectory();
    let isFile = d.isFile();
    if (d.isSymbolicLink()) {
      const target = statOrUndefined(full);
      isDirectory = target?.isDirectory() ?? false;
      // A dangling link is still listed as a file, so that the read reports it.
      isFile = !target || target.isFile();
    }
    entries.push({ name: d.name, full, isDirectory, isFile });
  }
  return entries;
}

function walk(
  root: string,
  dir: string,
  keep: (file: string) => boolean,
  add: (file: InputFile) => void,
  problems: string[],
  visited = new Set<string>(),
): void {
  for (const e of listFolder(dir, visited, problems) ?? []) {
    if (e.isDirectory) {
      if (!SKIPPED_FOLDERS.has(e.name)) walk(root, e.full, keep, add, problems, visited);
    } else if (e.isFile && keep(e.full)) {
      add({ path: e.full, relative: path.relative(root, e.full) });
    }
  }
}

/**
 * Walks from the glob's base, carrying the set of segment indexes that the path so far can have
 * reached (`**` may stand for any number of folders, so there can be several). A folder is
 * entered only while some index is still open, so `crawl/2024/*.txt` never lists `crawl/2023`.
 */
function expandGlob(
  glob: CompiledGlob,
  ignoreFile: (name: string) => boolean,
  add: (file: InputFile) => void,
  problems: string[],
): void {
  const { base, segments } = glob;
  const done = segments.length;
  if (done === 0) {
    // Brace expansion left a plain path (`{a,b}.txt` → `a.txt`): take it if it exists.
    const st = statOrUndefined(base);
    if (st?.isFile()) add({ path: base, relative: path.basename(base) });
    else if (st?.isDirectory()) walk(base, base, (f) => !ignoreFile(path.basename(f)), add, problems);
    return;
  }
  const closure = (states: Set<number>) => {
    for (const i of states) if (segments[i] === GLOBSTAR) states.add(i + 1);
    return states;
  };
  const visited = new Set<string>();
  const visit = (dir: string, states: Set<number>) => {
    if (!statOrUndefined(dir)?.isDirectory()) return;
    for (const e of listFolder(dir, visited, problems) ?? []) {
      if (e.isDirectory && SKIPPED_FOLDERS.has(e.name)) continue;
      const next = new Set<number>();
      for (const i of states) {
        if (i === done) continue;
        const m = segments[i];
        if (m === GLOBSTAR) {
          if (e.isDirectory && !e.name.startsWith('.')) next.add(i);
        } else if (m.test(e.name)) next.add(i + 1);
      }
      closure(next);
      if (e.isFile && next.has(done)) {
        if (!ignoreFile(e.name)) add({ path: e.full, relative: path.relative(base, e.full) });
      } else if (e.isDirectory && [...next].some((i) => i < done)) {
        visit(e.full, next);
      }
    }
  };
  visit(base, closure(new Set([0])));
}
