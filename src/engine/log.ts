import type { Id, LogEntry, Principal, World } from "./state.js";
import type { Gender } from "./scenario/names.js";

export type NewEntry = Omit<LogEntry, "seq" | "date">;

/** Adds an entry to the log, dated today unless it happened on another day of the week (an event). */
export function record(world: World, entry: NewEntry, date: string = world.date): LogEntry {
  const full: LogEntry = { seq: world.log.length, date, ...entry };
  if (Array.isArray(full.audience)) full.audience = seatsInOrder(full.audience);
  world.log.push(full);
  return full;
}

/**
 * An audience as the log keeps it: each seat once, in order (a new list). Audiences are a few seats
 * and an entry is recorded for nearly every act: each seat is placed as it comes, where a set and a
 * sort cost more than the entry's other work. Strings compare by code units, as the sort did.
 */
function seatsInOrder(seats: readonly Id[]): Id[] {
  const out: Id[] = [];
  for (const seat of seats) {
    let at = out.length;
    while (at > 0 && seat < out[at - 1]) at--;
    if (at > 0 && out[at - 1] === seat) continue;
    out.splice(at, 0, seat);
  }
  return out;
}

/**
 * A copy of a world that can be played on without changing the original. Entries are never changed
 * once recorded (`record` is the log's only writer, and appends), so the copy's log is a new list of
 * the same entries: late in a game the log is most of a world, and copying it whole was most of the
 * cost of a human seat's turn. The rest is copied whole, in the same key order.
 */
export function copyWorld(world: World): World {
  const copy: World = structuredClone({ ...world, log: [] as LogEntry[] });
  copy.log = world.log.slice();
  return copy;
}

export function canKnow(entry: LogEntry, seat: Id): boolean {
  return entry.audience === "public" || entry.audience.includes(seat);
}

/** The name a principal goes by in the texts (his surname), or the id of anyone else. */
export function nameOf(world: World, id: Id): string {
  const p = world.principals[id];
  return p ? surnameOf(p.name) : id;
}

/** The last word of a full name ("Nikita Khrushchev" -> "Khrushchev"). */
export function surnameOf(name: string): string {
  let short = surnames.get(name);
  if (short === undefined) {
    short = name.split(" ").slice(-1)[0];
    surnames.set(name, short);
  }
  return short;
}

/** Full name -> surname; a pure function of the text, memoised because log lines are built constantly. */
const surnames = new Map<string, string>();

/** The words a text uses for a principal after naming him or her. */
export interface Pronouns {
  he: string;
  He: string;
  him: string;
  his: string;
  His: string;
  himself: string;
  /** The possessive standing alone ("his in name only", "hers"). */
  theirs: string;
  /** The noun for such a one ("a sick man"). */
  man: string;
}

const pronounsOf: Record<Gender, Pronouns> = {
  male: { he: "he", He: "He", him: "him", his: "his", His: "His", himself: "himself", theirs: "his", man: "man" },
  female: { he: "she", He: "She", him: "her", his: "her", His: "Her", himself: "herself", theirs: "hers", man: "woman" },
};

export function genderOf(world: World, id: Id): Gender {
  const p = world.principals[id];
  return p ? genderOfPrincipal(p) : "male";
}

/** genderOf for a principal in hand (a rule weighing every colleague need not look each up again). */
export function genderOfPrincipal(p: Principal): Gender {
  return p.gender ?? "male";
}

/** The pronouns for a gender as the scenario and the views give it (absent: a man's). */
export function pronounsFor(gender: Gender | undefined): Pronouns {
  return pronounsOf[gender ?? "male"];
}

/** A player's pronouns in the reasons and labels of his own options (verbs after "you" are the caller's to agree). */
export const yourPronouns: Pronouns = { he: "you", He: "You", him: "you", his: "your", His: "Your", himself: "yourself", theirs: "yours", man: "man" };

/**
 * The pronouns of the man choosing, for the reasons of his own options: a player reads them in the
 * second person ("your own line"), an AI's log in the third. Only before a noun or as an object:
 * "he" followed by a verb would not agree with "you".
 */
export function chooserPronoun(world: World, id: Id): Pronouns {
  return world.humanSeats.includes(id) ? yourPronouns : pronoun(world, id);
}

/**
 * The pronouns of a principal, by the gender the scenario gives (a man's unless it says otherwise):
 * every generated text about a principal takes its he, his and him from here (the browser's texts
 * from pronounsFor, with the gender its views carry).
 */
export function pronoun(world: World, id: Id): Pronouns {
  return pronounsOf[genderOf(world, id)];
}

/**
 * Texts made once for each gender, for labels built on every call of a hot rule (a reason's name):
 * `byGender((p) => `tie to ${p.him}`)[genderOf(world, target)]` allocates nothing per call.
 */
export function byGender<T>(make: (p: Pronouns) => T): Record<Gender, T> {
  return { male: make(pronounsOf.male), female: make(pronounsOf.female) };
}

/** "A", "A and B", "A, B and C". */
export function listNames(world: World, ids: readonly Id[]): string {
  const names = ids.map((id) => nameOf(world, id));
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** A small probability as a readable percentage ("0.04%", "1.2%", "35%"). */
export function percent(p: number): string {
  const x = p * 100;
  return `${x >= 10 ? x.toFixed(0) : x.toPrecision(2)}%`;
}
