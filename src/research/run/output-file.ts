// Output files written all at once or not at all: the text goes to a temporary file beside the
// target, which is renamed over it only when complete. The temporary file is created up front, so
// an unwritable path fails before any work, and it is removed on failure or exit. A link is followed
// (the file it points to is written, not the link; a dangling link's target is created), and a
// target that is not a regular file (a device, a pipe) is written straight through: it cannot be
// swapped. The standard streams (/dev/stdout, /dev/fd/N) are written through the process's own
// descriptor, so that they keep their place among the other output, whatever they are connected to.
import { closeSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export class OutputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputFileError";
  }
}

/** Links followed before a chain is taken for a loop (Linux's own limit). */
const MAX_LINKS = 40;

export class AtomicFile {
  private fd: number | null;
  private readonly cleanup = () => this.discard();

  private constructor(
    readonly path: string,
    private readonly flag: string,
    /** null when writing straight into a target that is not a regular file. */
    private readonly temp: string | null,
    fd: number,
    /** False for a standard stream's descriptor, which stays open for the rest of the output. */
    private readonly ownsFd: boolean,
  ) {
    this.fd = fd;
    process.once("exit", this.cleanup);
  }

  /** Prepares to write `path`; `flag` names the option it came from, for the error message. */
  static open(path: string, flag: string): AtomicFile {
    const stream = standardStream(path);
    if (stream !== null) return new AtomicFile(path, flag, null, stream, false);
    const existing = statOf(resolve(path));
    if (existing?.isDirectory()) throw new OutputFileError(`${flag} ${path}: is a directory; give a file name`);
    if (existing !== null && !existing.isFile()) {
      // A device or a pipe, perhaps behind a link that names no real path (/proc/self/fd/N): opened as given.
      try {
        return new AtomicFile(path, flag, null, openSync(path, "w"), true);
      } catch (error) {
        throw new OutputFileError(`${flag} ${path}: cannot write there (${describe(error, dirname(path))})`);
      }
    }
    const target = linkTarget(resolve(path), path, flag);
    const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    try {
      return new AtomicFile(target, flag, temp, openSync(temp, "w"), true);
    } catch (error) {
      throw new OutputFileError(`${flag} ${path}: cannot write there (${describe(error, dirname(target))})`);
    }
  }

  write(text: string): void {
    if (this.fd === null) throw new Error(`AtomicFile: ${this.path} is already closed`);
    try {
      writeAll(this.fd, Buffer.from(text, "utf8"));
    } catch (error) {
      throw new OutputFileError(`${this.flag} ${this.path}: cannot write there (${describe(error, dirname(this.path))})`);
    }
  }

  /** Puts the finished file in place. */
  commit(): void {
    if (this.fd === null) throw new Error(`AtomicFile: ${this.path} is already closed`);
    try {
      if (this.temp !== null) fsyncSync(this.fd);
      if (this.ownsFd) closeSync(this.fd);
      this.fd = null;
      if (this.temp !== null) renameSync(this.temp, this.path);
    } catch (error) {
      this.discard();
      throw new OutputFileError(`cannot write ${this.path} (${describe(error, dirname(this.path))})`);
    } finally {
      process.off("exit", this.cleanup);
    }
  }

  /** Abandons the file: nothing is left behind. Safe to call more than once. */
  discard(): void {
    process.off("exit", this.cleanup);
    if (this.fd !== null) {
      if (this.ownsFd) closeSync(this.fd);
      this.fd = null;
    }
    if (this.temp === null) return;
    try {
      unlinkSync(this.temp);
    } catch {
      // Already renamed or removed.
    }
  }
}

/** Writes a whole text in one go through an AtomicFile. */
export function writeOutputFile(path: string, flag: string, text: string): void {
  const file = AtomicFile.open(path, flag);
  try {
    file.write(text);
  } catch (error) {
    file.discard();
    throw error;
  }
  file.commit();
}

/**
 * True when two paths lead to the same file: the same target once links are followed (a file that
 * does not exist yet included), or the same file on disk.
 */
export function sameTarget(a: string, b: string): boolean {
  const streamA = standardStream(a);
  const streamB = standardStream(b);
  if (streamA !== null || streamB !== null) return streamA === streamB;
  const ta = canonical(a);
  const tb = canonical(b);
  if (ta === tb) return true;
  const sa = statOf(ta);
  const sb = statOf(tb);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}

function canonical(path: string): string {
  let target: string;
  try {
    target = linkTarget(resolve(path), path, "");
  } catch {
    return resolve(path);
  }
  try {
    return join(realpathSync(dirname(target)), basename(target));
  } catch {
    return target;
  }
}

/** The descriptor a standard-stream path names (/dev/stdout, /dev/fd/1, /proc/self/fd/1), or null. */
function standardStream(path: string): number | null {
  const named: Record<string, number> = { "/dev/stdout": 1, "/dev/stderr": 2 };
  if (Object.hasOwn(named, path)) return named[path];
  const m = /^\/(?:dev|proc\/self)\/fd\/(\d+)$/.exec(path);
  return m ? Number(m[1]) : null;
}

/**
 * Where a chain of links ends: the first path that is not a link (or does not exist, for a dangling
 * link, whose target is then created). A loop is an error.
 */
function linkTarget(path: string, given: string, flag: string): string {
  let current = path;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    let stats: Stats;
    try {
      stats = lstatSync(current);
    } catch {
      return current;
    }
    if (!stats.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw new OutputFileError(`${flag} ${given}: cannot write there (it is a link that loops: following it leads back to itself); remove the link or give another file`);
}

/**
 * Writes every byte, also to a descriptor that does not block (a standard stream connected to a pipe
 * is one): when the pipe is full, waits a moment for the reader and tries again.
 */
function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      if ((error as { code?: unknown }).code !== "EAGAIN") throw error;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}
const pause = new Int32Array(new SharedArrayBuffer(4));

function statOf(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

export function describe(error: unknown, folder: string): string {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === "ENOENT") return `the folder ${folder === "" ? "." : folder} does not exist`;
  if (code === "ENOTDIR") return `${folder} is not a folder`;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EROFS") return "read-only file system";
  if (code === "ENOSPC") return "no space left on the device";
  if (code === "EFBIG") return "the file is too large for the device";
  if (code === "EPIPE") return "the program reading from the pipe has closed it";
  if (code === "ELOOP") return "it is a link that loops";
  return error instanceof Error ? error.message : String(error);
}
