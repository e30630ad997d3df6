// The names the scenario format and the engine share: traits, powers, genders. Plain lists, apart
// from schema.ts, so that the engine can read them without loading zod (playing a game needs no
// validator).

export const traitNames = ["ambition", "boldness", "loyalty", "competence", "overconfidence", "restraint", "ideology"] as const;
export type TraitName = (typeof traitNames)[number];

export const powerNames = [
  "firstSecretary", // elected by the CC plenum; runs the Secretariat
  "chairsPresidium", // presides over the Presidium's sessions
  "government", // runs the Council of Ministers; appoints ministers
  "secondSecretary",
  "cadres", // appoints to party job slots
  "security", // surveillance, guards, arrests
  "army", // troops; appoints commanders
  "transport", // aircraft and special trains: can bring CC members to Moscow
  "archives", // the files that make compromising material
  "headOfState",
  "economy",
  "ideology",
  "control",
  "diplomacy",
  "republic",
] as const;
export type PowerName = (typeof powerNames)[number];

export const genders = ["male", "female"] as const;
export type Gender = (typeof genders)[number];

/**
 * The ids of the men a run raises into the leadership whom the file does not name ("raised-1" for
 * the first): no id in a file may take this form, and anything that reads a run can tell them apart.
 */
export const RAISED_PREFIX = "raised-";
