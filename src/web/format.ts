// Small formatting helpers shared by the screens (pure functions: the web unit tests read them).
import { longDate, MONTHS } from "../engine/calendar.js";
import type { PrincipalView } from "../server/api-types.js";
import { pronounsFor } from "../engine/log.js";

// Texts about a principal take their pronouns from the gender the views and dossiers carry.
export { pronounsFor };

export { longDate };

/** 1963-07-08 -> Jul 1963 */
export function shortMonth(iso: string): string {
  const [y, m] = iso.split("-").map(Number);
  return `${MONTHS[m - 1].slice(0, 3)} ${y}`;
}

/**
 * The date a game is shown at, in the header, the saves panel and the saves list alike: a finished
 * run ends on its scenario's last day, not on the Monday after it that the engine's last week reaches.
 */
export function runDate(date: string, done: boolean, scenarioEnd: string | undefined): string {
  return done && scenarioEnd !== undefined && date > scenarioEnd ? scenarioEnd : date;
}

export function percent(x: number): string {
  if (x > 0 && x < 0.001) return "under 0.1%";
  if (x > 0.999 && x < 1) return "over 99.9%";
  if (x > 0 && x < 0.01) return `${(x * 100).toFixed(1)}%`;
  if (x > 0.99 && x < 1) return `${(x * 100).toFixed(1)}%`;
  return `${Math.round(x * 100)}%`;
}

/**
 * An estimate give or take its spread, as the range it could lie in: clipped to what the quantity can
 * be (0..1 for a chance or a share, -1..1 for a read), so that 97% ± 22% reads 75% to 100%, not 119%.
 */
export function estimateRange(value: number, spread: number, min: number, max: number): [number, number] {
  const s = Math.max(0, spread);
  return [Math.min(max, Math.max(min, value - s)), Math.max(min, Math.min(max, value + s))];
}

/** The range of an estimate in words, "from 75% to 100%", each end in `format`; null when it has no spread to speak of. */
export function rangeWords(value: number, spread: number, min: number, max: number, format: (x: number) => string): string | null {
  const [lo, hi] = estimateRange(value, spread, min, max);
  return format(lo) === format(hi) ? null : `from ${format(lo)} to ${format(hi)}`;
}

/**
 * The range of a chance or a share, within 0% and 100%, its ends in whole percents: a range is rough
 * by nature, and `percent`'s fine steps near the ends made one read "to 99.9%", the next "to over
 * 99.9%" and a third "to 100%".
 */
export function percentRange(value: number, spread: number): string | null {
  return rangeWords(value, spread, 0, 1, (x) => `${Math.round(x * 100)}%`);
}

export function signed(x: number, digits = 2): string {
  const s = x.toFixed(digits);
  return x >= 0 ? `+${s}` : s;
}

export type Names = (id: string) => string;

export function namesOf(principals: readonly PrincipalView[]): Names {
  const map = new Map(principals.map((p) => [p.id, p.name]));
  return (id: string) => map.get(id) ?? id;
}

export function surname(name: string): string {
  return name.split(" ").slice(-1)[0];
}

export function initials(name: string): string {
  const parts = name.split(" ").filter(Boolean);
  return parts.length ? parts.map((p) => p.charAt(0)).join("").slice(0, 2).toUpperCase() : "?";
}

/** A read of -1..1 in one of five words, strongest first. */
function onScale(value: number, words: readonly [string, string, string, string, string]): string {
  if (value >= 0.45) return words[0];
  if (value >= 0.15) return words[1];
  if (value > -0.15) return words[2];
  if (value > -0.45) return words[3];
  return words[4];
}

export function stanceWord(value: number): string {
  return onScale(value, ["loyal", "leans loyal", "wavering", "leans against", "hostile"]);
}

export function regardWord(value: number): string {
  return onScale(value, ["warm", "friendly", "neutral", "cool", "hostile"]);
}

/** A trait of 0..1 (ideology -1..1) in words. */
export function traitWord(name: string, value: number): string {
  if (name === "ideology") return value <= -0.5 ? "a determined reformer" : value <= -0.15 ? "leans to reform" : value < 0.15 ? "middle of the road" : value < 0.5 ? "leans orthodox" : "firmly orthodox";
  return value >= 0.75 ? "very high" : value >= 0.55 ? "high" : value > 0.45 ? "middling" : value > 0.25 ? "low" : "very low";
}

export const traitNames: Record<string, string> = {
  ambition: "Ambition",
  boldness: "Boldness",
  loyalty: "Loyalty",
  competence: "Competence",
  overconfidence: "Overconfidence",
  restraint: "Restraint with the organs",
  ideology: "Line",
};

export const fateWords: Record<string, string> = {
  retired: "retired on a pension",
  demoted: "demoted to a minor post far from Moscow",
  expelled: "expelled from the Central Committee and the party",
  imprisoned: "arrested and imprisoned",
  executed: "arrested, tried and shot",
};

/** "Ponomarev is", "Brezhnev and Kosygin are": agreement follows the number of names. */
export function listWithVerb(names: readonly string[], singular: string, plural: string): string {
  const list = names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `${list} ${names.length === 1 ? singular : plural}`;
}

/** The title of an English sentence with its first letter raised. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What became of the player's character, as the end screen says it. */
export function yourFate(me: Pick<PrincipalView, "name" | "fate" | "alive" | "incapacitated" | "illSince" | "postTitles" | "id" | "gender">, outcome: { firstSecretary: string | null; leader: string | null }): string {
  if (me.fate) return `${me.name}: ${fateWords[me.fate] ?? me.fate}.`;
  if (!me.alive) return `${me.name} died in office, never defeated.`;
  if (me.incapacitated) {
    const they = pronounsFor(me.gender);
    return `${me.name} was felled by a stroke${me.illSince ? ` on ${longDate(me.illSince)}` : ""} and could no longer work; from then on the run went on without ${they.him}${me.postTitles.length ? `, ${they.his} posts (${me.postTitles.join("; ")}) ${they.theirs} in name only` : ""}.`;
  }
  const first = outcome.leader === me.id ? " and first in the leadership" : "";
  if (outcome.firstSecretary === me.id) return `${me.name} is First Secretary${first}.`;
  return `${me.name} came through it${first}${me.postTitles.length ? `: ${me.postTitles.join("; ")}` : ""}.`;
}
