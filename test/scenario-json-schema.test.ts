import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { scenarioJsonSchemaText } from "../src/scenarios/json-schema.js";
import { jsonSchemaFile } from "../src/scenarios/repo-paths.js";

describe("scenarios/scenario.schema.json", () => {
  it("matches the zod schema it is generated from", () => {
    let committed = "";
    try {
      committed = readFileSync(jsonSchemaFile(), "utf8");
    } catch {
      // A missing file fails below with the same advice.
    }
    expect(committed === scenarioJsonSchemaText(), "scenarios/scenario.schema.json is stale or missing: run `npm run schema`").toBe(true);
  });
});
