import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from './errors';
import type { FileSnapshot } from './readInput';

/**
 * Writing files so that a crash, a full disk or a concurrent editor never leaves a half-written
 * or silently overwritten file: the new bytes go to a temporary file in the same folder (a rename
 * is atomic only within one file system), are flushed, and then renamed over the target.
 */

/** The file was modified by someone else between zhlens reading it and replacing it. */
export class FileChangedError extends InputError {}

export interface ReplaceOptions {
  /** Keep the original bytes as `FILE.orig`. */
  backup: boolean;
}

export interface ReplaceResult {
  /** The file that was replaced: the target of a symbolic link, not the link. */
  target: string;
  backupPath?: string;
}

/**
 * Replaces the file `snapshot` was read from with `bytes`, keeping its permissions (and owner,
 * where allowed). Refuses, leaving everything as it was, when the file no longer matches the
 * snapshot, or when the backup name is taken (an older backup may be the only original left).
 */
export function replaceInPlace(snapshot: FileSnapshot, bytes: Uint8Array, options: ReplaceOptions): ReplaceResult {
  // Replace what a symbolic link points to; renaming over the link would turn it into a file.
  const target = fs.realpathSync(snapshot.path);
  const backupPath = options.backup ? `${snapshot.path}.orig` : undefined;
  const mode = Number(snapshot.stat.mode) & 0o777;
  const temp = writeTemporary(target, bytes, mode, { uid: Number(snapshot.stat.uid), gid: Number(snapshot.stat.gid) });
  let backupWritten = false;
  try {
    if (backupPath) {
      try {
        // 'wx' fails when the name exists: never overwrite an earlier backup.
        fs.writeFileSync(backupPath, snapshot.bytes, { flag: 'wx', mode });
        backupWritten = true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new InputError(`${backupPath} already exists; move it away or use --no-backup`);
        }
        throw err;
      }
    }
    assertUnchanged(target, snapshot);
    fs.renameSync(temp, target);
  } catch (err) {
    removeQuietly(temp);
    if (backupWritten && backupPath) removeQuietly(backupPath);
    throw err;
  }
  syncFolder(path.dirname(target));
  return { target, backupPath };
}

/** Writes `bytes` to `target` through a temporary file; a new file gets the default permissions. */
export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  let mode = 0o666 & ~process.umask();
  try {
    mode = fs.statSync(target).mode & 0o777;
  } catch {
    // A new file: the default mode stands.
  }
  const temp = writeTemporary(target, bytes, mode);
  try {
    fs.renameSync(temp, target);
  } catch (err) {
    removeQuietly(temp);
    throw err;
  }
  syncFolder(path.dirname(target));
}

/**
 * The file must still be the one that was read: same inode, size and modification time, and,
 * since a quick edit can keep all three within the clock's resolution, the same bytes.
 */
function assertUnchanged(target: string, snapshot: FileSnapshot): void {
  const now = fs.statSync(target, { bigint: true });
  const before = snapshot.stat;
  const same =
    now.dev === before.dev &&
    now.ino === before.ino &&
    now.size === before.size &&
    now.mtimeNs === before.mtimeNs &&
    fs.readFileSync(target).equals(snapshot.bytes);
  if (!same) throw new FileChangedError(`${snapshot.path} changed on disk while it was being repaired; left as it is`);
}

function writeTemporary(target: string, bytes: Uint8Array, mode: number, owner?: { uid: number; gid: number }): string {
  // Dot-prefixed so that editors and globs pass over it; the base name is cut so that the
  // temporary name stays under the 255-byte limit of most file systems.
  const base = path.basename(target).slice(0, 80);
  const temp = path.join(path.dirname(target), `.${base}.zhlens-${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, bytes);
    fs.fchmodSync(fd, mode);
    if (owner && (owner.uid !== process.getuid?.() || owner.gid !== process.getgid?.())) {
      try {
        fs.fchownSync(fd, owner.uid, owner.gid);
      } catch {
        // Only root may give a file away; everyone else replaces it as its own, as editors do.
      }
    }
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    removeQuietly(temp);
    throw err;
  }
  fs.closeSync(fd);
  return temp;
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Already gone, or the folder became unwritable: nothing more to do.
  }
}

/** Flushes the rename itself; some file systems do not support syncing a folder, which is fine. */
function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Best effort only.
  }
}
