// What-ifs (MODEL.md section 6) are named patches to a scenario. They are applied to the raw parsed
// document, before validation, so a patched scenario is validated exactly like a hand-written one.
//
// Path syntax: dot-separated segments. A segment walks a mapping by key and a list by the `id` of an
// element (`trips.pitsunda-holiday`) or by its numeric index (`history.timeline.0`).

/** One resolved step of a path: a mapping key, a list element named by its id, or a list index. */
export type PathStep = string | number | { id: string };

/** Where a `set` op of a what-if put its value, in steps that survive list re-ordering. */
export interface AppliedSet {
  whatIf: string;
  patchIndex: number;
  target: PathStep[];
}

/** A path that does not lead anywhere in the document. */
export class PatchPathError extends Error {
  constructor(readonly path: string, readonly detail: string) {
    super(`path "${path}" does not resolve: ${detail}`);
    this.name = "PatchPathError";
  }
}

/** A what-if that cannot be applied: unknown name, malformed patch, or a path that does not resolve. */
export class WhatIfError extends Error {
  constructor(
    /** The message without the what-if's name, for reports that already point at the what-if. */
    readonly detail: string,
    readonly whatIf: string,
    /** The offending patch entry and its field, when the problem is in one entry. */
    readonly patchIndex?: number,
    readonly field?: "set" | "remove",
    message = `what-if "${whatIf}": ${detail}`,
  ) {
    super(message);
    this.name = "WhatIfError";
  }
}

type Mapping = Record<string, unknown>;
type PatchOp = { set: string; value: unknown } | { remove: string };

/** The names of the what-ifs a raw document declares, sorted. */
export function whatIfNames(doc: unknown): string[] {
  const whatIfs = isMapping(doc) ? doc.whatIfs : undefined;
  return isMapping(whatIfs) ? Object.keys(whatIfs).sort() : [];
}

/** Applies the named what-ifs in order to a copy of `doc`; `doc` itself is left untouched. */
export function applyWhatIfs(doc: unknown, names: readonly string[]): unknown {
  return applyWhatIfsTraced(doc, names).document;
}

/** Like `applyWhatIfs`, and also reports where each `set` landed (so errors can point at the patch). */
export function applyWhatIfsTraced(doc: unknown, names: readonly string[]): { document: unknown; sets: AppliedSet[] } {
  const document = structuredClone(doc);
  const sets: AppliedSet[] = [];
  for (const name of names) {
    const ops = patchOf(doc, name);
    ops.forEach((op, patchIndex) => {
      try {
        if ("set" in op) sets.push({ whatIf: name, patchIndex, target: setPath(document, op.set, op.value) });
        else removePath(document, op.remove);
      } catch (error) {
        if (error instanceof PatchPathError) throw new WhatIfError(error.message, name, patchIndex, "set" in op ? "set" : "remove");
        throw error;
      }
    });
  }
  return { document, sets };
}

/** Sets one value by path in a copy of `doc` (the `--set globals.fear=0.4` of a sweep). */
export function applySetting(doc: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(doc);
  setPath(copy, path, value);
  return copy;
}

/** Reads a command-line value: a number, true/false, null, or else the text itself. */
export function parseSettingValue(text: string): number | boolean | string | null {
  const trimmed = text.trim();
  if (trimmed === "true") return true;
  if (trimmed === "false") return false;
  if (trimmed === "null") return null;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return Number(trimmed);
  return text;
}

/** Joins steps back into the dot syntax, naming list elements by id where they have one. */
export function formatSteps(steps: readonly PathStep[]): string {
  return steps.map((s) => (typeof s === "object" ? s.id : String(s))).join(".");
}

function patchOf(doc: unknown, name: string): PatchOp[] {
  const whatIfs = isMapping(doc) ? doc.whatIfs : undefined;
  if (!isMapping(whatIfs) || !Object.hasOwn(whatIfs, name)) {
    const known = whatIfNames(doc);
    const list = known.length > 0 ? `known: ${known.join(", ")}` : "this scenario has no what-ifs";
    const detail = `unknown what-if "${name}" (${list})`;
    throw new WhatIfError(detail, name, undefined, undefined, detail);
  }
  const whatIf = whatIfs[name];
  const patch = isMapping(whatIf) ? whatIf.patch : undefined;
  if (!Array.isArray(patch)) throw new WhatIfError("has no patch list", name);
  return patch.map((op, index) => {
    if (isMapping(op) && typeof op.set === "string" && Object.hasOwn(op, "value")) return { set: op.set, value: op.value };
    if (isMapping(op) && typeof op.remove === "string") return { remove: op.remove };
    throw new WhatIfError(`patch entry ${index} is neither {set: PATH, value: VALUE} nor {remove: PATH}`, name, index);
  });
}

/** Sets `value` at `path` in place and returns the steps actually written to. */
function setPath(root: unknown, path: string, value: unknown): PathStep[] {
  const { parent, last, steps } = walkToParent(root, path, true);
  const copy = structuredClone(value);
  if (Array.isArray(parent)) {
    const index = elementIndex(parent, last);
    if (index === undefined) throw new PatchPathError(path, missingElement(parent, last, steps));
    const step = elementStep(parent, index);
    if (isJudged(parent[index]) && isPrimitive(copy)) {
      (parent[index] as Mapping).value = copy;
      return [...steps, step, "value"];
    }
    parent[index] = copy;
    return [...steps, step];
  }
  const existing = Object.hasOwn(parent, last) ? parent[last] : undefined;
  // A judged trait is {value, reason}: `--set x.ambition=0.9` means its value, keeping the reason.
  if (isJudged(existing) && isPrimitive(copy)) {
    existing.value = copy;
    return [...steps, last, "value"];
  }
  parent[last] = copy;
  return [...steps, last];
}

function removePath(root: unknown, path: string): void {
  const { parent, last, steps } = walkToParent(root, path);
  if (Array.isArray(parent)) {
    const index = elementIndex(parent, last);
    if (index === undefined) throw new PatchPathError(path, missingElement(parent, last, steps));
    parent.splice(index, 1);
    return;
  }
  if (!Object.hasOwn(parent, last)) throw new PatchPathError(path, missingKey(parent, last, steps));
  delete parent[last];
}

function walkToParent(root: unknown, path: string, creating = false): { parent: Mapping | unknown[]; last: string; steps: PathStep[] } {
  const segments = path.split(".");
  if (path.trim() === "" || segments.some((s) => s === "")) throw new PatchPathError(path, "it has an empty segment");
  let node = root;
  const steps: PathStep[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (Array.isArray(node)) {
      const index = elementIndex(node, segment);
      if (index === undefined) throw new PatchPathError(path, missingElement(node, segment, steps));
      steps.push(elementStep(node, index));
      node = node[index];
    } else if (isMapping(node)) {
      // Model parameters are overridden sparsely: a value set under `parameters` may name a group the
      // scenario does not override yet (the schema then checks it against the catalogue).
      if (creating && !Object.hasOwn(node, segment) && segments[0] === "parameters") node[segment] = {};
      if (!Object.hasOwn(node, segment)) throw new PatchPathError(path, missingKey(node, segment, steps));
      steps.push(segment);
      node = node[segment];
    } else {
      throw new PatchPathError(path, `${where(steps)} is ${kindOf(node)}, not a mapping or a list`);
    }
  }
  if (!Array.isArray(node) && !isMapping(node)) throw new PatchPathError(path, `${where(steps)} is ${kindOf(node)}, not a mapping or a list`);
  return { parent: node, last: segments[segments.length - 1], steps };
}

/** An element by id first (ids never look like numbers), else by index. */
function elementIndex(list: unknown[], segment: string): number | undefined {
  const byId = list.findIndex((e) => isMapping(e) && e.id === segment);
  if (byId >= 0) return byId;
  if (/^\d+$/.test(segment)) {
    const index = Number(segment);
    if (index < list.length) return index;
  }
  return undefined;
}

function elementStep(list: unknown[], index: number): PathStep {
  const element = list[index];
  return isMapping(element) && typeof element.id === "string" ? { id: element.id } : index;
}

function missingKey(node: Mapping, key: string, steps: PathStep[]): string {
  const keys = Object.keys(node);
  return `no "${key}" in ${where(steps)}${keys.length > 0 ? ` (has: ${keys.join(", ")})` : " (it is empty)"}`;
}

function missingElement(list: unknown[], segment: string, steps: PathStep[]): string {
  const ids = list.flatMap((e) => (isMapping(e) && typeof e.id === "string" ? [e.id] : []));
  const has = ids.length > 0 ? `ids: ${ids.join(", ")}` : `${list.length} element${list.length === 1 ? "" : "s"}`;
  return `no element "${segment}" in ${where(steps)} (${has})`;
}

function where(steps: PathStep[]): string {
  return steps.length === 0 ? "the top level" : formatSteps(steps);
}

function kindOf(v: unknown): string {
  if (v === null || v === undefined) return "empty";
  if (typeof v === "string") return "text";
  return `a ${typeof v}`;
}

function isMapping(v: unknown): v is Mapping {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isJudged(v: unknown): v is Mapping & { value: unknown } {
  return isMapping(v) && Object.hasOwn(v, "value");
}

function isPrimitive(v: unknown): boolean {
  return v === null || typeof v !== "object";
}
