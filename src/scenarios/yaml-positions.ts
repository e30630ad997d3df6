// Maps a path into scenario data back to a line and column of the YAML file it came from.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap, type YAMLSeq } from "yaml";
import type { PathStep } from "../engine/scenario/what-if.js";

export interface Position {
  line: number;
  col: number;
}

/**
 * Re-expresses a data path with list elements named by their `id` where they have one, so a path taken
 * in patched data (where a what-if removed an element and shifted the rest) still finds its element in
 * the file.
 */
export function toSteps(data: unknown, path: readonly (string | number)[]): PathStep[] {
  let node = data;
  return path.map((segment) => {
    if (Array.isArray(node) && typeof segment === "number") {
      const list: unknown[] = node;
      node = list[segment];
      const id = idOf(node);
      // A duplicated id cannot name its element; the index can (in a file no what-if has shifted).
      return id !== undefined && idCounts(list).get(id) === 1 ? { id } : segment;
    }
    node = typeof node === "object" && node !== null && !Array.isArray(node) ? (node as Record<string, unknown>)[String(segment)] : undefined;
    return segment;
  });
}

// Every issue is located from the root, and a file may hold tens of thousands of them: the lookups
// below are indexed once per list or mapping, so locating them all stays linear in the file's size.
const idCountCache = new WeakMap<readonly unknown[], Map<string, number>>();
const pairCache = new WeakMap<YAMLMap, Map<string, Pair>>();
const idItemCache = new WeakMap<YAMLSeq, Map<string, Node>>();

function idCounts(list: readonly unknown[]): Map<string, number> {
  let counts = idCountCache.get(list);
  if (counts === undefined) {
    counts = new Map();
    for (const e of list) {
      const id = idOf(e);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    idCountCache.set(list, counts);
  }
  return counts;
}

/** The first pair whose scalar key reads as `key`. */
function pairFor(map: YAMLMap, key: string): Pair | undefined {
  let index = pairCache.get(map);
  if (index === undefined) {
    index = new Map();
    for (const p of map.items) {
      if (!isScalar(p.key)) continue;
      const name = String(p.key.value);
      if (!index.has(name)) index.set(name, p);
    }
    pairCache.set(map, index);
  }
  return index.get(key);
}

/** The first item of a list that is a mapping with `id: <id>`. */
function itemWithId(seq: YAMLSeq, id: string): Node | undefined {
  let index = idItemCache.get(seq);
  if (index === undefined) {
    index = new Map();
    for (const item of seq.items as (Node | null)[]) {
      if (!isMap(item)) continue;
      const idPair = item.items.find((p) => isScalar(p.key) && p.key.value === "id");
      const value = idPair && isScalar(idPair.value) ? idPair.value.value : undefined;
      if (typeof value === "string" && !index.has(value)) index.set(value, item);
    }
    idItemCache.set(seq, index);
  }
  return index.get(id);
}

function idOf(element: unknown): string | undefined {
  const id = typeof element === "object" && element !== null ? (element as Record<string, unknown>).id : undefined;
  return typeof id === "string" ? id : undefined;
}

/**
 * Finds the node a path leads to, starting from `start` (default: the document's root). Walks as far
 * as the file goes: a missing field resolves to its parent mapping. With `key`, a path ending in a
 * mapping key resolves to the key itself.
 */
export function locate(doc: Document, counter: LineCounter, steps: readonly PathStep[], key = false, start?: Node | null): Position {
  let node: Node | null | undefined = start === undefined ? (doc.contents as Node | null) : start;
  let found: Node | null | undefined = node;
  for (const [i, step] of steps.entries()) {
    node = resolveAlias(doc, node);
    if (isMap(node) && typeof step !== "object") {
      const pair = pairFor(node, String(step));
      if (pair === undefined) break;
      const value = pair.value as Node | null;
      // An empty value (`born:`) has no position of its own: the key stands in for it.
      if ((key && i === steps.length - 1) || value === null || !value.range) {
        found = pair.key as Node;
        break;
      }
      node = found = value;
    } else if (isSeq(node)) {
      const items = node.items as (Node | null)[];
      const item = typeof step === "object" ? itemWithId(node, step.id) : typeof step === "number" ? items[step] : undefined;
      if (item === undefined || item === null) break;
      node = found = item;
    } else {
      break;
    }
  }
  return positionOf(counter, found ?? null);
}

/** The node at a path (for patch entries whose values are walked further), or undefined. */
export function nodeAt(doc: Document, steps: readonly PathStep[]): Node | undefined {
  let node: Node | null | undefined = doc.contents as Node | null;
  for (const step of steps) {
    node = resolveAlias(doc, node);
    if (isMap(node) && typeof step !== "object") {
      const pair = pairFor(node, String(step));
      node = pair?.value as Node | null | undefined;
    } else if (isSeq(node) && typeof step === "number") {
      node = node.items[step] as Node | null | undefined;
    } else return undefined;
    if (node === null || node === undefined) return undefined;
  }
  return node ?? undefined;
}

export function positionOf(counter: LineCounter, node: Node | null): Position {
  const offset = node?.range?.[0];
  return offset === undefined ? { line: 1, col: 1 } : counter.linePos(offset);
}

function resolveAlias(doc: Document, node: Node | null | undefined): Node | null | undefined {
  return isAlias(node) ? (node.resolve(doc) as Node | undefined) : node;
}
