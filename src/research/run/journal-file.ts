// The study journal on disk: appended to as points finish (each line flushed to the disk, so Ctrl-C
// or a crash loses at most the line being written), and read back to resume. A journal must be a
// regular file: it is read again and extended, which a pipe or a device cannot be.
import { closeSync, fsyncSync, openSync, readFileSync, statSync, truncateSync, writeSync, type Stats } from "node:fs";
import { dirname, resolve } from "node:path";
import { headerLine, JournalError, parseJournal, planDifferences, type JournalHeader, type ParsedJournal, type StudyCommand } from "../study-journal.js";
import { describe, OutputFileError } from "./output-file.js";

export interface OpenedJournal {
  journal: JournalFile;
  /** What an earlier run of the same plan left, or null for a new file. */
  resumed: ParsedJournal | null;
}

export class JournalFile {
  private fd: number | null;

  private constructor(
    readonly path: string,
    private readonly flag: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  /**
   * Opens `path` for the study `header` describes: a missing or empty file is begun with the header;
   * a file holding the same plan is resumed (an unfinished last line cut away); any other file is
   * refused, naming what differs. `explain` words plan fields for that message.
   */
  static open(path: string, flag: string, header: JournalHeader, explain: Record<string, string> = {}): OpenedJournal {
    const file = resolve(path);
    const existing = statOrNull(file);
    if (existing !== null && !existing.isFile()) throw new OutputFileError(`${flag} ${path}: must be a regular file, since a study is resumed from it (it is ${existing.isDirectory() ? "a directory" : "not a regular file"})`);
    if (existing === null || existing.size === 0) {
      const fd = openOrFail(file, "a", path, flag);
      const journal = new JournalFile(path, flag, fd);
      journal.append(headerLine(header));
      return { journal, resumed: null };
    }
    const text = readOrFail(file, path, flag);
    const parsed = parseJournal(text, path, header.presidium as StudyCommand, flag);
    const differences = planDifferences(parsed.header, header, explain);
    if (differences.length > 0) {
      throw new JournalError(
        `${path} holds a different study (${differences.join("; ")}): to resume it, run the command it was begun with; to start this one, give another ${flag} or delete the file`,
      );
    }
    try {
      // A line cut short by a crash is cut away, so the next record starts on a line of its own.
      if (parsed.partialLine) truncateSync(file, parsed.completeBytes);
    } catch (error) {
      throw new OutputFileError(`${flag} ${path}: cannot write there (${describe(error, dirname(file))})`);
    }
    const fd = openOrFail(file, "a", path, flag);
    return { journal: new JournalFile(path, flag, fd), resumed: parsed };
  }

  /** Appends whole lines and forces them to the disk. */
  append(lines: string): void {
    if (this.fd === null) throw new Error(`JournalFile: ${this.path} is already closed`);
    try {
      const bytes = Buffer.from(lines, "utf8");
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(this.fd, bytes, offset);
      fsyncSync(this.fd);
    } catch (error) {
      throw new OutputFileError(`${this.flag} ${this.path}: cannot write there (${describe(error, dirname(resolve(this.path)))})`);
    }
  }

  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

function openOrFail(file: string, mode: string, shown: string, flag: string): number {
  try {
    return openSync(file, mode);
  } catch (error) {
    throw new OutputFileError(`${flag} ${shown}: cannot write there (${describe(error, dirname(file))})`);
  }
}

function readOrFail(file: string, shown: string, flag: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new OutputFileError(`${flag} ${shown}: cannot be read to resume (${describe(error, dirname(file))})`);
  }
}
