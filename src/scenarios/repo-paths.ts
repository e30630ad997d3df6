// Where shipped files live. This module sits two levels below the repository root both as source
// (src/scenarios/) and when built (dist/scenarios/), so one relative step works for both.
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export function repoRoot(): string {
  return fileURLToPath(new URL("../../", import.meta.url));
}

export function scenariosDir(): string {
  return join(repoRoot(), "scenarios");
}

export function jsonSchemaFile(): string {
  return join(scenariosDir(), "scenario.schema.json");
}
