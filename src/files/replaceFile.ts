import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BackupExistsError, FileChangedError } from './fileErrors';

export { BackupExistsError, FileChangedError };

/**
 * Replacing files so that a crash, a full disk or a concurrent editor never leaves a half-written
 * or silently overwritten file: the new bytes go to a temporary file in the same folder (a rename
 * is atomic only within one file system), are flushed, and then renamed over the target. Used by
 * `zhlens repair` and by the editor's Convert to UTF-8 and Fix Folder; nothing here knows either.
 */

/** What a file was when it was read: checked again right before the file is replaced. */
export interface FileSnapshot {
  path: string;
  /** Taken just before the bytes were read. */
  stat: fs.BigIntStats;
  /** The bytes read; a file read in pieces keeps their SHA-256 instead. */
  content: Buffer | { sha256: string };
}

export interface ReplaceOptions {
  /** Where to keep the original bytes; no backup when absent. */
  backupPath?: string;
}

export interface ReplaceResult {
  /** The file that was replaced: the target of a symbolic link, not the link. */
  target: string;
  backupPath?: string;
}

/** Stat, then read the whole file: the snapshot `replaceInPlace` checks the file against. */
export function readSnapshot(file: string): FileSnapshot {
  const stat = fs.statSync(file, { bigint: true });
  return { path: file, stat, content: fs.readFileSync(file) };
}

/**
 * A new file's bytes, written next to the file it will replace. Write it in one piece or as a
 * stream of pieces, then hand it to `replaceWithTemporary` or `commitTo`; `discard` on failure.
 */
export class TemporaryFile {
  private fd: number | undefined;

  private constructor(readonly path: string) {
    this.fd = fs.openSync(path, 'wx', 0o600);
  }

  /** Dot-prefixed so that editors and globs pass over it; the base name is cut so that the name stays under the 255-byte limit of most file systems. */
  static beside(target: string): TemporaryFile {
    const base = path.basename(target).slice(0, 80);
    return new TemporaryFile(path.join(path.dirname(target), `.${base}.zhlens-${randomBytes(6).toString('hex')}.tmp`));
  }

  write(bytes: Uint8Array): void {
    if (this.fd === undefined) throw new Error(`${this.path} is closed`);
    try {
      // writeFileSync on a descriptor writes all of it or throws (writeSync may stop short on a full disk).
      fs.writeFileSync(this.fd, bytes);
    } catch (err) {
      this.discard();
      throw err;
    }
  }

  /** Gives the file its final permissions and owner and flushes it to disk. */
  finish(mode: number, owner?: { uid: number; gid: number }): void {
    const fd = this.fd;
    if (fd === undefined) throw new Error(`${this.path} is closed`);
    try {
      fs.fchmodSync(fd, mode);
      if (owner && (owner.uid !== process.getuid?.() || owner.gid !== process.getgid?.())) {
        try {
          fs.fchownSync(fd, owner.uid, owner.gid);
        } catch {
          // Only root may give a file away; everyone else replaces it as its own, as editors do.
        }
      }
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      this.fd = undefined;
    } catch (err) {
      this.discard();
      throw err;
    }
  }

  /** Renames the finished file over `target`; a new file gets the default permissions. */
  commitTo(target: string): void {
    let mode = 0o666 & ~process.umask();
    try {
      mode = fs.statSync(target).mode & 0o777;
    } catch {
      // A new file: the default mode stands.
    }
    this.finish(mode);
    try {
      fs.renameSync(this.path, target);
    } catch (err) {
      removeQuietly(this.path);
      throw err;
    }
    syncFolder(path.dirname(target));
  }

  discard(): void {
    if (this.fd !== undefined) {
      try {
        fs.closeSync(this.fd);
      } catch {
        // Closing can only fail on a descriptor already gone.
      }
      this.fd = undefined;
    }
    removeQuietly(this.path);
  }
}

/**
 * Replaces the file `snapshot` was read from with `bytes`, keeping its permissions (and owner,
 * where allowed). Refuses, leaving everything as it was, when the file no longer matches the
 * snapshot, or when the backup name is taken.
 */
export function replaceInPlace(snapshot: FileSnapshot, bytes: Uint8Array, options: ReplaceOptions): ReplaceResult {
  const temp = TemporaryFile.beside(fs.realpathSync(snapshot.path));
  temp.write(bytes);
  return replaceWithTemporary(snapshot, temp, options);
}

/** `replaceInPlace` for new bytes already written (streamed) to a temporary file beside the target. */
export function replaceWithTemporary(snapshot: FileSnapshot, temp: TemporaryFile, options: ReplaceOptions): ReplaceResult {
  // Replace what a symbolic link points to; renaming over the link would turn it into a file.
  const target = fs.realpathSync(snapshot.path);
  const { backupPath } = options;
  const mode = Number(snapshot.stat.mode) & 0o777;
  let backupWritten = false;
  try {
    temp.finish(mode, { uid: Number(snapshot.stat.uid), gid: Number(snapshot.stat.gid) });
    if (backupPath) {
      writeBackup(snapshot, target, backupPath, mode);
      backupWritten = true;
    }
    assertUnchanged(target, snapshot);
    fs.renameSync(temp.path, target);
  } catch (err) {
    temp.discard();
    if (backupWritten && backupPath) removeQuietly(backupPath);
    throw err;
  }
  syncFolder(path.dirname(target));
  return { target, backupPath };
}

/** Writes `bytes` to `target` through a temporary file. */
export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  const temp = TemporaryFile.beside(target);
  temp.write(bytes);
  temp.commitTo(target);
}

function writeBackup(snapshot: FileSnapshot, target: string, backupPath: string, mode: number): void {
  try {
    // Exclusive: fails when the name exists, so an earlier backup is never overwritten. A file
    // read in pieces is copied as it is now; the check after this proves it is what was read.
    if (Buffer.isBuffer(snapshot.content)) fs.writeFileSync(backupPath, snapshot.content, { flag: 'wx', mode });
    else fs.copyFileSync(target, backupPath, fs.constants.COPYFILE_EXCL);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new BackupExistsError(backupPath);
    // Created, then the disk filled up: a partial backup is no backup.
    removeQuietly(backupPath);
    throw err;
  }
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
    (Buffer.isBuffer(snapshot.content) ? fs.readFileSync(target).equals(snapshot.content) : sha256OfFile(target) === snapshot.content.sha256);
  if (!same) throw new FileChangedError(snapshot.path);
}

/** The SHA-256 of a file, read in pieces so that a large file never sits in memory whole. */
function sha256OfFile(file: string): string {
  const hash = createHash('sha256');
  const piece = Buffer.allocUnsafe(1 << 20);
  const fd = fs.openSync(file, 'r');
  try {
    for (let n; (n = fs.readSync(fd, piece, 0, piece.length, null)) > 0; ) hash.update(piece.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
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
