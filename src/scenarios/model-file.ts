// Reads model/parameters.yaml (or another parameter file) with the same FILE:LINE:COL errors as a
// scenario file. The shipped file is read once per process: every scenario load needs it.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { catalogOf, parameterFileSchema, type ParameterCatalog } from "../engine/model/parameters.js";
import { ScenarioError } from "./scenario-error.js";
import { documentSyntaxIssues, SourceFile } from "./load.js";
import { describeZodIssues } from "./zod-issues.js";
import { repoRoot } from "./repo-paths.js";

export function shippedModelFile(): string {
  return join(repoRoot(), "model", "parameters.yaml");
}

const cache = new Map<string, ParameterCatalog>();

/** The parameter catalogue of a file (by default the shipped one); throws ScenarioError on a bad file. */
export function loadModelFile(path: string = shippedModelFile()): ParameterCatalog {
  const file = resolve(path);
  const hit = cache.get(file);
  if (hit) return hit;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ScenarioError([`${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`]);
  }
  const catalog = parseModelText(text, file);
  cache.set(file, catalog);
  return catalog;
}

/** Validates parameter-file YAML held in memory; `fileName` prefixes the issues. */
export function parseModelText(text: string, fileName: string): ParameterCatalog {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  const syntax = documentSyntaxIssues(doc, counter, text);
  if (syntax.length > 0) throw new ScenarioError(syntax.map((s) => `${fileName}:${s.line}:${s.col}: YAML syntax: ${s.message}`));
  const raw: unknown = doc.toJS();
  const parsed = parameterFileSchema.safeParse(raw);
  if (!parsed.success) {
    const source = new SourceFile(fileName, doc, counter);
    throw source.error(describeZodIssues(parsed.error.issues, raw, parameterFileSchema).map((i) => source.place(i, raw)));
  }
  return catalogOf(parsed.data);
}
