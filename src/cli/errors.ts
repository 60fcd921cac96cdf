/**
 * The two ways a zhlens run can fail, each with its own exit code, so that scripts can tell
 * "you called it wrong" (2) from "this file could not be read or decoded" (1).
 */

/** Bad command line: exit 2, with the usage line of the command. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose usage line to print; the general usage when absent. */
    readonly command?: string,
  ) {
    super(message);
  }
}

/** A file that cannot be read, decoded or written: exit 1, one line naming the file and the cause. */
export class InputError extends Error {}

/**
 * Node's errno codes in the words `ls` and `cat` use, so that
 * `zhlens: cannot read foo.txt: permission denied` reads like the rest of the shell.
 */
const ERRNO_WORDS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'file name too long',
  ENOSPC: 'no space left on device',
  EROFS: 'read-only file system',
  EXDEV: 'cross-device link',
  EBUSY: 'resource busy',
  EIO: 'input/output error',
  EEXIST: 'file exists',
};

/** The cause of a file-system error as a short phrase, without the path Node puts in `message`. */
export function describeFsError(err: unknown): string {
  if (err instanceof InputError) return err.message;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code && ERRNO_WORDS[code]) return ERRNO_WORDS[code];
  if (code) return code.toLowerCase();
  return err instanceof Error ? err.message : String(err);
}

/** `ZHLENS_DEBUG=1` shows stack traces; everyone else gets one line per problem. */
export function debugEnabled(): boolean {
  const v = process.env.ZHLENS_DEBUG;
  return v !== undefined && v !== '' && v !== '0';
}
