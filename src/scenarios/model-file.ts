// Reads model/parameters.yaml (or another parameter file) with the same FILE:LINE:COL errors as a
// scenario file. Every scenario load needs it: the text is read each time (an edit is seen at once)
// and its catalogue kept by the text, in this process and in the validated-data cache (cache.ts).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { parameterFileSchema } from "../engine/model/parameter-schemas.js";
import { catalogOf, type ParameterCatalog } from "../engine/model/parameters.js";
import { ScenarioError } from "./scenario-error.js";
import { documentSyntaxIssues, SourceFile } from "./load.js";
import { describeZodIssues } from "./zod-issues.js";
import { repoRoot } from "./repo-paths.js";
import { cached } from "./cache.js";

export function shippedModelFile(): string {
  return join(repoRoot(), "model", "parameters.yaml");
}

/** A parameter file as read: its absolute path and its text. */
export interface ModelText {
  file: string;
  text: string;
}

export function readModelFile(path: string = shippedModelFile()): ModelText {
  const file = resolve(path);
  try {
    return { file, text: readFileSync(file, "utf8") };
  } catch (error) {
    throw new ScenarioError([`${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`]);
  }
}

/** The last catalogue made per file, with the text it was made from: callers share it, as they read it only. */
const made = new Map<string, { text: string; catalog: ParameterCatalog }>();

/** The parameter catalogue of a parameter file's text; throws ScenarioError on a bad file. */
export function modelCatalog(model: ModelText): ParameterCatalog {
  const hit = made.get(model.file);
  if (hit?.text === model.text) return hit.catalog;
  const catalog = cached("model", [model.text], () => parseModelText(model.text, model.file));
  made.set(model.file, { text: model.text, catalog });
  return catalog;
}

/** The parameter catalogue of a file (by default the shipped one); throws ScenarioError on a bad file. */
export function loadModelFile(path?: string): ParameterCatalog {
  return modelCatalog(readModelFile(path));
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
