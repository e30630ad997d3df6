// Words for the engine's ids: options in the reasons tables, entry kinds on the wire, decision
// titles. Nothing a player reads should be an internal id ("lobby-cc", "m-465888ef").
import type { OrganView, PrincipalView, SeatView } from "../server/api-types.js";
import type { Names } from "./format.js";

const choiceWords: Record<string, string> = {
  "lie-low": "Lie low",
  skip: "Let quiet weeks pass",
  court: "Cultivate",
  "court-constituency": "Court",
  appoint: "Put a man of one's own in",
  "propose-policy": "Propose",
  travel: "Travel to",
  "gather-kompromat": "Search the archives on",
  "use-kompromat": "Bring into the open the past of",
  "co-opt": "Propose for a full seat",
  "fill-post": "Fill the post of",
  "claim-post": "Take the post of",
  reassign: "Give another man the post of",
  purge: "Ask the Presidium to remove",
  "purge-arrest": "Have the organs arrest",
  "retire-ill": "Retire for age and health",
  report: "Report the move to its target",
  "demand-seat": "Ask for a full seat",
  overrule: "Overrule",
  "give-up-post": "Give up the post of",
  "start-move": "Begin organising the removal of",
  "sound-out": "Sound out",
  "lobby-cc": "Win over Central Committee members",
  wait: "Keep building",
  session: "Convene the Presidium",
  arrest: "Arrest",
  join: "Join the move",
  "stay-out": "Keep out of it",
  target: "Stand by the target",
  move: "Side with the movers",
  neutral: "Keep the organs out",
  attack: "Speak against",
  defend: "Speak for",
  silent: "Hold back",
  for: "Vote for",
  against: "Vote against",
  yes: "Vote yes",
  no: "Vote no",
  fight: "Face the vote",
  stall: "Drag it out and demand the plenum",
  resign: "Step down",
  plenum: "Demand the plenum",
  concede: "Offer to give up part",
  accept: "Accept",
  insist: "Insist",
  convene: "Convene the plenum at once",
  delay: "Put the plenum off",
  "pass-on": "Pass the report on",
  bury: "Sit on it",
  "take-seriously": "Take it seriously",
  dismiss: "Dismiss it",
  keep: "Keep the target",
  remove: "Remove the target",
};

export interface Lexicon {
  names: Names;
  policies: Map<string, string>;
  trips: Map<string, string>;
  posts: Map<string, string>;
  rows: Record<string, string>;
}

export function lexiconOf(view: Pick<SeatView, "principals" | "policies" | "tripOffers" | "journeys">, names: Names, rows: Record<string, string>): Lexicon {
  const posts = new Map<string, string>();
  for (const p of view.principals) p.posts.forEach((id, i) => posts.set(id, p.postTitles[i] ?? id));
  const trips = new Map<string, string>();
  for (const t of view.tripOffers) trips.set(t.id, t.place);
  for (const j of view.journeys) if (j.trip) trips.set(j.trip, j.place);
  return { names, policies: new Map(view.policies.map((p) => [p.id, p.name])), trips, posts, rows };
}

/** A logged option ("court:khrushchev", "appoint:central-state-v16") in words. */
export function optionName(option: string, lex: Lexicon): string {
  const [choice, target, detail] = option.split(":");
  const verb = choiceWords[choice] ?? humanise(choice);
  if (!target) return verb;
  return `${verb} ${thing(target, lex)}${detail ? ` (${thing(detail, lex)})` : ""}`;
}

function thing(id: string, lex: Lexicon): string {
  const name = lex.names(id);
  if (name !== id) return name;
  return lex.policies.get(id) ?? lex.trips.get(id) ?? lex.posts.get(id) ?? lex.rows[id] ?? slotWords(id, lex) ?? humanise(id);
}

/** Job slots are ids like "regional-party-v12": a seat in a constituency. */
function slotWords(id: string, lex: Lexicon): string | null {
  const m = /^(.*)-(v|c)\d+$/.exec(id);
  if (!m) return null;
  const row = lex.rows[m[1]];
  return row ? `a post among the ${row.toLowerCase()}` : null;
}

export function humanise(id: string): string {
  if (/^m-[0-9a-f]+$/.test(id)) return "a move";
  const words = id.replace(/-/g, " ");
  return words.replace(/\bcc\b/g, "Central Committee");
}

export const decisionTitles: Record<string, string> = {
  weekly: "This week",
  respond: "You are being sounded out",
  strike: "Strike now?",
  align: "Where do the organs stand?",
  speech: "Your speech",
  vote: "The roll-call",
  "session-tactic": "The Presidium sits on your case",
  answer: "The Presidium has voted against you",
  concession: "The target offers a partial concession",
  "plenum-date": "When does the plenum meet?",
  "organs-report": "A report from your officers",
  warning: "A warning",
  confronted: "You are confronted",
  "presidium-business": "A vote in the Presidium",
};

/**
 * The organs a chief commands, in words, from the powers of his posts as the view gives them (the
 * rules read powers, not titles): "the army" for the Defence minister's troops, "the security
 * organs" for the KGB's or the MVD's; "the organs" for a man who commands none (any more).
 */
const organWords: Record<OrganView["power"], string> = { security: "the security organs", army: "the army" };

export function organsOf(chief: Pick<PrincipalView, "organs">): string {
  const words = chief.organs.map((o) => organWords[o.power]);
  return words.length ? words.join(" and ") : "the organs";
}

/** Questions asked during a crisis: while one is open, the crisis scene stays on screen. */
export const crisisKinds = new Set(["align", "speech", "vote", "session-tactic", "answer", "concession", "plenum-date"]);

/** The safest answer of a question: what is preselected, so that no risky choice is ever the default. */
export const safeChoices = ["lie-low", "stay-out", "wait", "neutral", "silent", "against", "no", "fight", "delay", "accept", "pass-on", "take-seriously", "deny"];
