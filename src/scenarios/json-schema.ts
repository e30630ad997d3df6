// The JSON Schema of the scenario format, for editors (yaml-language-server, VS Code): generated from
// the zod schema so the two cannot disagree. It describes the input side: fields with defaults are
// optional. Cross-reference rules (consistency.ts) are beyond JSON Schema and are checked on load.
import { z } from "zod";
import { scenarioSchema } from "../engine/scenario/schema.js";

export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, { io: "input" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: "Presidium scenario",
    description: "A Presidium scenario file (see MODEL.md section 6). Generated from src/engine/scenario/schema.ts by `npm run schema`; do not edit by hand.",
    ...rest,
  };
}

/** The committed file's exact text: stable key order, two-space indent, final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
