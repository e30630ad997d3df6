// The version of presidium, from package.json: shown by --version and recorded in the files a study
// resumes from (another version may play the same seeds differently).
import { readFileSync } from "node:fs";
import { repoRoot } from "../scenarios/repo-paths.js";

export function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(`${repoRoot()}package.json`, "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "0.0.0";
  } catch {
    return "0.0.0";
  }
}
