// The zod schemas of model/parameters.yaml and of a scenario's `parameters:` block. Apart from
// parameters.ts so that playing a game (a worker thread) loads no validator: zod is most of the
// cost of loading the engine's modules.
import { z } from "zod";
import { valueProblem } from "./parameters.js";

const name = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, { error: "expected a name of letters and digits, starting with a letter" });

export const parameterEntrySchema = z
  .strictObject({
    value: z.number({ error: "expected the default value (a number)" }),
    range: z
      .tuple([z.number(), z.number()], { error: "expected a range [low, high] of two numbers" })
      .refine(([lo, hi]) => lo < hi, { error: "expected a range [low, high] with low below high" }),
    integer: z.boolean().optional(),
    meaning: z.string({ error: "expected a one-line meaning (text)" }).min(3, { error: "expected a one-line meaning" }),
    reason: z.string({ error: "expected a reason for the default (text)" }).min(3, { error: "expected a reason for the default" }),
    source: z.string().optional(),
  })
  .superRefine((e, ctx) => {
    const problem = valueProblem(e, e.value);
    if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
  });

export type ParameterEntry = z.infer<typeof parameterEntrySchema>;

/** GROUP -> RULE -> NAME -> entry, as written in model/parameters.yaml. */
export const parameterFileSchema = z.record(name, z.record(name, z.record(name, parameterEntrySchema)));

export type ParameterFile = z.infer<typeof parameterFileSchema>;

/** A scenario's `parameters:` block: the same three levels, each value with its reason. */
export const parameterOverridesSchema = z.record(
  z.string(),
  z.record(z.string(), z.record(z.string(), z.strictObject({ value: z.number({ error: "expected a number" }), reason: z.string().min(3, { error: "expected a reason for the override" }) }))),
);

export type ParameterOverrides = z.infer<typeof parameterOverridesSchema>;
