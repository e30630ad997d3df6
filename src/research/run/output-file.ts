// Output files written all at once or not at all: the text goes to a temporary file beside the
// target, which is renamed over it only when complete. The temporary file is created up front, so
// an unwritable path fails before any work, and it is removed on failure or exit.
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
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
    private readonly temp: string,
    fd: number,
  ) {
    this.fd = fd;
    process.once("exit", this.cleanup);
  }

  /** Prepares to write `path`; `flag` names the option it came from, for the error message. */
  static open(path: string, flag: string): AtomicFile {
    const target = resolve(path);
    if (isDirectory(target)) throw new OutputFileError(`${flag} ${path}: is a directory; give a file name`);
    const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    try {
      return new AtomicFile(target, temp, openSync(temp, "w"));
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
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = null;
      renameSync(this.temp, this.path);
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
    try {
      unlinkSync(this.temp);
    } catch {
      // Already renamed or removed.
    }
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function describe(error: unknown, folder: string): string {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === "ENOENT") return `the folder ${folder === "" ? "." : folder} does not exist`;
  if (code === "ENOTDIR") return `${folder} is not a folder`;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EROFS") return "read-only file system";
  if (code === "ENOSPC") return "no space left on the device";
  return error instanceof Error ? error.message : String(error);
}
