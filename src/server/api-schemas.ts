// Request bodies and parameters, validated with zod; a failure becomes a 400 naming the field.
import { z } from "zod";
import { MAX_SAVE_SETTINGS, seedSchema, settingSchema, whatIfsSchema } from "../saves/save-file.js";

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, "expected an id (lower-case letters, digits and dashes)").max(64);

export const newGameBody = z.strictObject({
  scenario: id,
  character: id,
  seed: seedSchema.optional(),
  whatIfs: whatIfsSchema(10).default([]),
  /** Model parameters to override (the advanced options): each path at most once. */
  settings: z
    .array(settingSchema)
    .max(MAX_SAVE_SETTINGS, `at most ${MAX_SAVE_SETTINGS} model settings`)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      for (const s of list) {
        if (seen.has(s.path)) ctx.addIssue({ code: "custom", message: `${s.path} is set twice` });
        seen.add(s.path);
      }
    })
    .default([]),
});

export const actionBody = z.strictObject({
  seat: id,
  kind: z.string().regex(/^[a-z][a-z-]*$/, "expected an action kind such as \"vote\"").max(40),
  /** The question answered, as the seat was given it (awaiting.key). */
  key: z.string().min(1).max(200),
  choice: z.string().min(1).max(64),
  target: id.optional(),
  detail: id.optional(),
  /**
   * How many decisions the game had when the client asked. Required: without it a resent request
   * (a double click, a retry) would answer the next question as well, so it is refused instead.
   */
  turn: z.number({ error: "give the turn the decision answers (game.decisions in the last response)" }).int().min(0),
});

export const saveBody = z.strictObject({
  name: z.string().trim().min(1, "give the save a name").max(120),
});

export const gameParams = z.strictObject({ gameId: z.string().uuid("a game id looks like 123e4567-e89b-12d3-a456-426614174000") });
const saveIdMessage = "a save's id is a whole number from 1 up, as the saves list (GET /api/saves) gives it";
export const saveParams = z.strictObject({ saveId: z.coerce.number({ error: saveIdMessage }).int(saveIdMessage).positive(saveIdMessage) });
export const sinceQuery = z.object({ since: z.coerce.number().int().min(0).default(0) });

/** The decisions the engine asks of a human seat (world.awaiting.kind). A kind outside this list is an unknown action. */
export const knownActionKinds = ["weekly", "respond", "strike", "align", "speech", "vote", "session-tactic", "answer", "concession", "plenum-date", "organs-report", "warning", "confronted", "presidium-business"] as const;

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => {
      const where = i.path.length ? `"${i.path.join(".")}"` : "the body";
      if (i.code === "unrecognized_keys") return `${where}: unknown field${i.keys.length > 1 ? "s" : ""} ${i.keys.map((k) => `"${k}"`).join(", ")}`;
      return `${where}: ${i.message}`;
    })
    .join("; ");
}
