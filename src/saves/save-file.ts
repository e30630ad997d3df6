// A save is the replay of a game: everything needed to re-run it to the same point (the engine is
// deterministic), plus where it had got to, a name, and a checksum over all of it. The file is
// versioned; older versions are migrated on reading, newer ones are refused.
import { z } from "zod";
import { checksumOf } from "./checksum.js";
import { bracketScan } from "./json-scan.js";
import { SaveError } from "./save-error.js";
import { migrateToCurrent, SAVE_SCHEMA_VERSION, type Migration, MIGRATIONS } from "./migrations.js";

export const SAVE_FORMAT = "presidium-save";

/** The largest save file accepted: a whole game is a few hundred decisions, a few tens of KB. */
export const MAX_SAVE_BYTES = 512 * 1024;

/**
 * The deepest nesting of objects and arrays accepted. A save nests 3 deep (the file, its decisions,
 * one decision); far deeper data is not a save, and walking it recursively would exhaust the stack.
 */
export const MAX_SAVE_NESTING = 16;

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, "an id (lower-case letters, digits, dashes)").max(64);

const decisionSchema = z.strictObject({
  seat: id,
  kind: z.string().min(1).max(40),
  key: z.string().min(1).max(200),
  choice: z.string().min(1).max(64),
  target: id.optional(),
  detail: id.optional(),
});

/** The most model parameters one game may set. */
export const MAX_SAVE_SETTINGS = 50;

/** A model parameter set for a game: `model.GROUP.RULE.NAME` and its number. */
export const settingSchema = z.strictObject({
  path: z.string().regex(/^model\.[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/, "a model parameter path such as model.ai.choice.temperature").max(120),
  value: z.number().finite(),
});

/** A list in which no entry appears twice; the message names the first repeated one. */
function distinct<T extends z.ZodType<string>>(item: T, what: string) {
  return z.array(item).superRefine((list, ctx) => {
    const seen = new Set<string>();
    for (const entry of list) {
      if (seen.has(entry)) {
        ctx.addIssue({ code: "custom", message: `${what} "${entry}" is listed twice` });
        return;
      }
      seen.add(entry);
    }
  });
}

/** The largest and smallest seeds the engine takes (a 32-bit signed whole number). */
export const MIN_SEED = -2_147_483_648;
export const MAX_SEED = 2_147_483_647;
export const seedSchema = z
  .number()
  .int("the seed must be a whole number")
  .min(MIN_SEED, `the seed must be from ${MIN_SEED} to ${MAX_SEED}`)
  .max(MAX_SEED, `the seed must be from ${MIN_SEED} to ${MAX_SEED}`);

/** What-if ids: each at most once. */
export const whatIfsSchema = (max: number) => distinct(id, "the what-if").pipe(z.array(id).max(max, `at most ${max} what-ifs`));

/** Multi-seat play does not exist yet: a game has exactly one human seat. */
export const ONE_HUMAN_SEAT = "this version plays games with one human seat only; a game with several human seats cannot be played here";

/** The current version's shape (after migration). */
export const saveFileSchema = z.strictObject({
  format: z.literal(SAVE_FORMAT),
  schemaVersion: z.literal(SAVE_SCHEMA_VERSION),
  // Checked, not trimmed: the file's fields must stay as they were checksummed.
  name: z.string().max(120).refine((n) => n.trim() !== "", "the save has no name (or a name of only spaces)"),
  savedAt: z.string().min(1).max(40),
  scenario: id,
  /** sha256 of the scenario file the game was played on: a changed scenario may not replay. */
  scenarioHash: z.string().regex(/^[0-9a-f]{64}$/),
  seed: seedSchema,
  whatIfs: whatIfsSchema(20),
  humanSeats: distinct(id, "the human seat").pipe(z.array(id).min(1, "the save has no human seat").max(1, ONE_HUMAN_SEAT)),
  decisions: z.array(decisionSchema).max(5000),
  /**
   * Model parameters the game was started with (the new game's advanced options, as `--set`
   * model.NAME=V): the replay applies them. Absent when none were set.
   */
  settings: z.array(settingSchema).max(MAX_SAVE_SETTINGS).optional(),
  /** Where the replay must arrive: checked on loading. */
  reached: z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), week: z.number().int().min(0), done: z.boolean() }),
  checksum: z.string(),
});

export type SaveFile = z.infer<typeof saveFileSchema>;
export type SaveContent = Omit<SaveFile, "format" | "schemaVersion" | "checksum">;

export { SaveError };

export function makeSaveFile(content: SaveContent): SaveFile {
  const body: Omit<SaveFile, "checksum"> = {
    format: SAVE_FORMAT,
    schemaVersion: SAVE_SCHEMA_VERSION,
    ...content,
    whatIfs: [...content.whatIfs],
    humanSeats: [...content.humanSeats],
    decisions: content.decisions.map((d) => ({ seat: d.seat, kind: d.kind, key: d.key, choice: d.choice, ...(d.target !== undefined ? { target: d.target } : {}), ...(d.detail !== undefined ? { detail: d.detail } : {}) })),
    ...(content.settings && content.settings.length > 0 ? { settings: content.settings.map((s) => ({ path: s.path, value: s.value })) } : { settings: undefined }),
    reached: { ...content.reached },
  };
  return { ...body, checksum: checksumOf(body) };
}

/** The file's text as exported: readable, and parsed back by `readSaveFile`. */
export function saveFileText(save: SaveFile): string {
  return `${JSON.stringify(save, null, 2)}\n`;
}

/**
 * Reads a save file's text: refuses, with a message saying which, a file that is empty, truncated,
 * not JSON, not a save, from a newer version, altered (checksum), or malformed; migrates older
 * versions to the current one.
 */
export function readSaveFile(text: string, migrations: readonly Migration[] = MIGRATIONS): SaveFile {
  if (Buffer.byteLength(text, "utf8") > MAX_SAVE_BYTES) throw new SaveError(`the save file is too large (over ${MAX_SAVE_BYTES / 1024} KB); it is not a Presidium save`);
  const trimmed = text.trim();
  if (trimmed === "") throw new SaveError("the save file is empty");
  const shape = bracketScan(trimmed, MAX_SAVE_NESTING);
  if (shape.tooDeep) {
    throw new SaveError(`this is not a Presidium save file: its data is nested more than ${MAX_SAVE_NESTING} levels deep (a save is nested 3 levels deep)`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch (error) {
    if (trimmed.startsWith("{") && !shape.complete) throw new SaveError("the save file is truncated: it ends before its data is complete");
    throw new SaveError(`the save file is corrupt: it is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw) || (raw as Record<string, unknown>).format !== SAVE_FORMAT) {
    throw new SaveError(`this is not a Presidium save file (expected a JSON object with "format": "${SAVE_FORMAT}")`);
  }
  const fields = raw as Record<string, unknown>;
  const version = fields.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) throw new SaveError(`the save file is corrupt: "schemaVersion" must be a whole number from 1, got ${JSON.stringify(version)}`);
  if (version > SAVE_SCHEMA_VERSION) {
    throw new SaveError(`this save was made by a newer version of Presidium (save format ${version}; this version reads formats up to ${SAVE_SCHEMA_VERSION}); update Presidium to load it`);
  }
  if (typeof fields.checksum !== "string") throw new SaveError("the save file is corrupt: it has no checksum");
  if (fields.checksum !== checksumOf(fields)) throw new SaveError("the save file has been altered or damaged: its checksum does not match its contents");
  const current = migrateToCurrent(fields, migrations);
  const parsed = saveFileSchema.safeParse(current);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue.message === ONE_HUMAN_SEAT) throw new SaveError(ONE_HUMAN_SEAT);
    throw new SaveError(`the save file is corrupt: ${issue.path.length ? `field "${issue.path.join(".")}": ` : ""}${issue.message}`);
  }
  return parsed.data;
}
