// Output files written all at once or not at all: the text goes to a temporary file beside the
// target, which is renamed over it only when complete. The temporary file is created up front, so
// an unwritable path fails before any work, and it is removed on failure or exit. A link is followed
// (the file it points to is replaced, not the link), and a target that is not a regular file (a
// device, a pipe such as /dev/stdout) is written straight through: it cannot be swapped.
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export class OutputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputFileError";
  }
}

export class AtomicFile {
  private fd: number | null;
  private readonly cleanup = () => this.discard();

  private constructor(
    readonly path: string,
    /** null when writing straight into a target that is not a regular file. */
    private readonly temp: string | null,
    fd: number,
  ) {
    this.fd = fd;
    process.once("exit", this.cleanup);
  }

  /** Prepares to write `path`; `flag` names the option it came from, for the error message. */
  static open(path: string, flag: string): AtomicFile {
    const target = followLink(resolve(path));
    const existing = statOf(target);
    if (existing?.isDirectory()) throw new OutputFileError(`${flag} ${path}: is a directory; give a file name`);
    const direct = existing !== null && !existing.isFile();
    const temp = direct ? null : join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    try {
      return new AtomicFile(target, temp, openSync(temp ?? target, "w"));
    } catch (error) {
      throw new OutputFileError(`${flag} ${path}: cannot write there (${describe(error, dirname(path))})`);
    }
  }

  write(text: string): void {
    if (this.fd === null) throw new Error(`AtomicFile: ${this.path} is already closed`);
    writeSync(this.fd, text);
  }

  /** Puts the finished file in place. */
  commit(): void {
    if (this.fd === null) throw new Error(`AtomicFile: ${this.path} is already closed`);
    try {
      if (this.temp !== null) fsyncSync(this.fd);
      closeSync(this.fd);
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
      closeSync(this.fd);
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
    throw new OutputFileError(`${flag} ${path}: cannot write there (${describe(error, dirname(path))})`);
  }
  file.commit();
}

function followLink(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path; // does not exist yet (or a dangling link's target folder is checked on open)
  }
}

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
  return error instanceof Error ? error.message : String(error);
}
