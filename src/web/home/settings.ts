// The new game's advanced options: model parameters set as the command line's --set does it, one
// `model.GROUP.RULE.NAME=VALUE` a line. Checked here against the parameter list (the server checks
// again), with a message naming the line for each problem.
import type { ParameterListing } from "../../server/api-types.js";

export interface ParsedSettings {
  settings: { path: string; value: number }[];
  problems: string[];
}

export function parseSettingsText(text: string, catalog: readonly ParameterListing[] | null): ParsedSettings {
  const settings: { path: string; value: number }[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const byPath = new Map((catalog ?? []).map((p) => [p.path, p]));
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const where = `Line ${i + 1}`;
    const eq = line.indexOf("=");
    if (eq < 0) {
      problems.push(`${where}: write PATH=VALUE, for example model.ai.choice.temperature=0.5 (got "${line}")`);
      return;
    }
    const path = line.slice(0, eq).trim();
    const valueText = line.slice(eq + 1).trim();
    if (!path.startsWith("model.")) {
      problems.push(`${where}: "${path}" is not a model parameter; paths start with "model." (for example model.ai.choice.temperature)`);
      return;
    }
    if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(valueText)) {
      problems.push(`${where}: ${path} needs a number, got "${valueText}"`);
      return;
    }
    const value = Number(valueText);
    if (seen.has(path)) {
      problems.push(`${where}: ${path} is set twice`);
      return;
    }
    seen.add(path);
    if (catalog) {
      const entry = byPath.get(path);
      if (!entry) {
        const near = [...byPath.keys()].filter((p) => p.endsWith(`.${path.split(".").pop()}`)).slice(0, 3);
        problems.push(`${where}: there is no parameter ${path}${near.length ? ` (did you mean ${near.join(" or ")}?)` : ""}`);
        return;
      }
      if (value < entry.range[0] || value > entry.range[1]) {
        problems.push(`${where}: ${path} must be from ${entry.range[0]} to ${entry.range[1]}, got ${value}`);
        return;
      }
      if (entry.integer && !Number.isInteger(value)) {
        problems.push(`${where}: ${path} must be a whole number, got ${value}`);
        return;
      }
    }
    settings.push({ path, value });
  });
  return { settings, problems };
}
