// The checksum of a save: sha256 over its canonical JSON (keys sorted at every level, no spaces),
// taken over every field but the checksum itself. It detects a damaged or hand-edited file; it is
// not a signature (anyone can recompute it), which is why loading also replays the game and checks
// where it arrives.
import { createHash } from "node:crypto";

/** JSON with object keys sorted at every level: the bytes the checksum is taken over. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function checksumOf(fields: Record<string, unknown>): string {
  const { checksum: _ignored, ...rest } = fields;
  return `sha256:${createHash("sha256").update(canonicalJson(rest)).digest("hex")}`;
}

