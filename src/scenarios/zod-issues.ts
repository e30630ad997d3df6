// Turns zod's issues into scenario issues a scenario author can act on: a missing field is called
// missing, an unknown field lists the fields that are allowed, and zod's generic wording ("Invalid
// input: expected string, received number") becomes "expected text, got 3".
import { z } from "zod";
import type { ScenarioIssue } from "../engine/scenario/consistency.js";

type Path = (string | number)[];

export function describeZodIssues(issues: readonly z.core.$ZodIssue[], data: unknown, schema: z.ZodType): ScenarioIssue[] {
  return issues.flatMap((issue) => describe(issue, [], data, schema));
}

function describe(issue: z.core.$ZodIssue, prefix: Path, data: unknown, schema: z.ZodType): ScenarioIssue[] {
  const path = [...prefix, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))];
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = fieldsAt(schema, path);
      const hint = allowed.length > 0 ? ` (allowed: ${allowed.join(", ")})` : "";
      return issue.keys.map((key) => ({ path: [...path, key], key: true, message: `unknown field${hint}` }));
    }
    case "invalid_key": {
      const inner = issue.issues[0];
      return [{ path, key: true, message: `invalid key: ${inner ? friendly(inner, issue.input) : issue.message}` }];
    }
    case "invalid_union": {
      // Report the alternative that came closest: the one with the fewest complaints.
      const branches = issue.errors.filter((b) => b.length > 0);
      if (branches.length === 0) return [{ path, message: issue.message }];
      const closest = branches.reduce((best, b) => (b.length < best.length ? b : best));
      return closest.flatMap((inner) => describe(inner, path, data, schema));
    }
    default: {
      const at = lookup(data, path);
      if (!at.found) return [{ path, message: "required field is missing" }];
      return [{ path, message: friendly(issue, at.value) }];
    }
  }
}

/** The schema's own messages start with "expected"; zod's generic ones are reworded. */
function friendly(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.message.startsWith("expected")) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return `expected ${typeName(issue.expected)}, got ${show(input)}`;
    case "too_small":
      return `expected ${bound("at least", "more than", issue.minimum, issue.inclusive, issue.origin)}, got ${measure(input, issue.origin)}`;
    case "too_big":
      return `expected ${bound("at most", "less than", issue.maximum, issue.inclusive, issue.origin)}, got ${measure(input, issue.origin)}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => String(v)).join(", ")}, got ${show(input)}`;
    default:
      return issue.message;
  }
}

function bound(inclusiveWord: string, exclusiveWord: string, limit: number | bigint, inclusive: boolean | undefined, origin: string): string {
  const word = inclusive === false ? exclusiveWord : inclusiveWord;
  if (origin === "string") return `${word} ${limit} characters`;
  if (origin === "array" || origin === "set") return `${word} ${limit} entries`;
  return `${word} ${limit}`;
}

function measure(input: unknown, origin: string): string {
  if (origin === "string" && typeof input === "string") return `${JSON.stringify(input)} (${input.length})`;
  if ((origin === "array" || origin === "set") && Array.isArray(input)) return `${input.length}`;
  return show(input);
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: "text",
    number: "a number",
    int: "a whole number",
    boolean: "true or false",
    object: "a mapping",
    record: "a mapping",
    array: "a list",
    null: "null",
    nonoptional: "a value",
  };
  return names[expected] ?? expected;
}

export function show(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "nothing (null)";
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return String(v);
}

function lookup(data: unknown, path: Path): { found: boolean; value?: unknown } {
  let node = data;
  for (const step of path) {
    if (Array.isArray(node) && typeof step === "number" && step < node.length) node = node[step];
    else if (typeof node === "object" && node !== null && !Array.isArray(node) && Object.hasOwn(node, step)) {
      node = (node as Record<string, unknown>)[String(step)];
    } else return { found: false };
  }
  return { found: true, value: node };
}

/** The field names a strict object at `path` accepts, in schema order; [] if unknown. */
function fieldsAt(schema: z.ZodType, path: Path): string[] {
  const node = unwrap(schema);
  // A union (a patch entry is {set, value} or {remove}) accepts the fields of any of its forms.
  if (node instanceof z.ZodUnion) return [...new Set((node.options as z.ZodType[]).flatMap((o) => fieldsAt(o, path)))];
  if (path.length === 0) return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
  const [step, ...rest] = path;
  let next: z.ZodType | undefined;
  if (node instanceof z.ZodObject) next = node.shape[String(step)] as z.ZodType | undefined;
  else if (node instanceof z.ZodRecord) next = node.valueType as z.ZodType;
  else if (node instanceof z.ZodArray) next = node.element as z.ZodType;
  return next === undefined ? [] : fieldsAt(next, rest);
}

function unwrap(schema: z.ZodType): z.ZodType {
  let node = schema;
  while (node instanceof z.ZodOptional || node instanceof z.ZodNullable || node instanceof z.ZodDefault) node = node.unwrap() as z.ZodType;
  return node;
}
