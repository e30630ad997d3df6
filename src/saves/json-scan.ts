// Checks on JSON text made before JSON.parse, by a single pass over its characters: text from outside
// (an imported save, a replayed log) can nest deeply enough to exhaust the stack of whatever walks
// the parsed value recursively.

/**
 * One pass over JSON text, without parsing it: whether its brackets nest deeper than `limit` (the scan
 * stops there), and whether its brackets and strings are all closed (a JSON object that is not was cut
 * short). Brackets inside strings do not count.
 */
export function bracketScan(text: string, limit: number): { tooDeep: boolean; complete: boolean } {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") {
      if (++depth > limit) return { tooDeep: true, complete: false };
    } else if (c === "}" || c === "]") depth--;
  }
  return { tooDeep: false, complete: depth <= 0 && !inString };
}
