// The two kinds of failure the command line reports, each as one clear line (or one line per issue)
// and an exit code: 2 for a command line that is wrong in itself, 1 for input that is wrong.

/** The command line itself is wrong: an unknown flag, a malformed value. Exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * The command line is well formed but what it points at is not usable: a scenario file that fails
 * validation, an unknown what-if or character, a corrupt log, a replay that differs. Exit code 1.
 * Lines are prefixed with the command's name, except `located` ones, which already start with where
 * the problem is (FILE:LINE:COL: ...), the form editors and terminals link to.
 */
export class InputError extends Error {
  readonly exitCode = 1;
  constructor(
    readonly lines: readonly string[],
    readonly located = false,
  ) {
    super(lines.join("\n"));
    this.name = "InputError";
  }
}

export function inputError(message: string): InputError {
  return new InputError([message]);
}

/** An input error whose message starts with the file (and line) it is about. */
export function locatedError(message: string): InputError {
  return new InputError([message], true);
}
