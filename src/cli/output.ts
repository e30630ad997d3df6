// Where the commands write: results on stdout, problems on stderr.
export function out(text: string): void {
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

export function err(text: string): void {
  process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** A result as the commands print it in JSON (also what `merge` prints, so that it matches byte for byte). */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

export function json(value: unknown): void {
  out(jsonText(value));
}
