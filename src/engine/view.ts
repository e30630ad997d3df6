// What one seat may know: the only way a seat, a player's browser or an AI's explanation sees the
// world (MODEL.md section 9). Everything not copied here explicitly stays hidden.
import { canKnow } from "./log.js";
import { ageOf, hasPower } from "./queries.js";
import { clientShares } from "./power.js";
import type { Awaiting, Id, LogEntry, MoveBelief, Principal, World } from "./state.js";
import { travellerMatches } from "./rules/crisis.js";

export interface PrincipalView {
  id: Id;
  name: string;
  nameRu: string;
  age: number;
  alive: boolean;
  incapacitated: boolean;
  presidium: "full" | "candidate" | "none";
  secretary: boolean;
  posts: string[];
  /** The titles of `posts`, in the same order. */
  postTitles: string[];
  /** Posts he fills in for an ill colleague. */
  acting: string[];
  /** How he looks: colleagues can see who is robust and who is failing, not a medical file. */
  healthRead: "robust" | "fair" | "frail" | "incapacitated" | "dead";
  patron: Id | null;
  fate: string | null;
  /** Where he is, if away from Moscow (public: his trips are in the papers). */
  away: string | null;
  /** Standing in the country (public). */
  prestige: number;
}

export interface RowView {
  id: Id;
  label: string;
  voting: number;
  candidates: number;
  /** Voting members who count each principal as patron (who is whose man is known in the apparatus). */
  clients: Record<Id, number>;
}

export interface SeatView {
  seat: Id;
  date: string;
  week: number;
  done: boolean;
  /** The holder of primacy: "the first man". */
  leader: Id | null;
  globals: { fear: number };
  principals: PrincipalView[];
  self: {
    traits: Record<string, number>;
    regard: Record<Id, number>;
    grievances: { against: Id; cause: string; weight: number; date: string }[];
    trust: Record<Id, number>;
    believesCcDecides: number;
    kompromat: Record<Id, number>;
    prestige: number;
    /** Power each principal has, as the seat reckons it from public offices and clients. */
    clientShares: Record<Id, number>;
  };
  movesKnown: (MoveBelief & { member: boolean; pledged: number | null; promised: string | null })[];
  /** The Central Committee by constituency, and whose clients sit in it. */
  cc: RowView[];
  /** Policies in force (public), and those the seat could propose. */
  policies: { id: Id; name: string; inForce: boolean; champion: Id | null; proposable: boolean }[];
  /** Journeys open to the seat now. */
  tripOffers: { id: Id; place: string; days: number; until: string }[];
  log: LogEntry[];
  /** The question the seat must answer, if any (never another seat's). */
  awaiting: Awaiting | null;
  skipping: boolean;
}

export function viewFor(world: World, seat: Id): SeatView {
  const me = world.principals[seat];
  if (!me) throw new Error(`unknown seat "${seat}"`);
  const shares = clientShares(world);
  return {
    seat,
    date: world.date,
    week: world.week,
    done: world.done,
    leader: world.primacy,
    globals: { fear: world.globals.fear },
    principals: world.order.map((id) => principalView(world, id)),
    self: {
      traits: { ...me.traits },
      regard: { ...me.regard },
      grievances: me.grievances.map((g) => ({ ...g })),
      trust: { ...me.trust },
      believesCcDecides: me.believesCcDecides,
      kompromat: { ...me.kompromat },
      prestige: me.prestige,
      clientShares: Object.fromEntries([...shares.entries()].map(([id, s]) => [id, s.cc])),
    },
    movesKnown: me.beliefs.map((b) => {
      const move = world.moves.find((m) => m.id === b.move);
      const member = !!move?.members.includes(seat);
      const promise = world.promises.find((o) => o.move === b.move && o.to === seat);
      return { ...b, knownMembers: [...b.knownMembers], member, pledged: member && move ? world.cadres.filter((c) => c.seat === "voting" && c.pledge === move.id).length : null, promised: promise ? promise.post : null };
    }),
    cc: world.rows.map((r) => {
      const members = world.cadres.filter((c) => c.row === r.id && c.seat !== null);
      const clients: Record<Id, number> = {};
      for (const c of members) if (c.seat === "voting" && c.patron !== null) clients[c.patron] = (clients[c.patron] ?? 0) + 1;
      return { id: r.id, label: r.label, voting: members.filter((c) => c.seat === "voting").length, candidates: members.filter((c) => c.seat === "candidate").length, clients };
    }),
    policies: world.policies.map((p) => ({ id: p.id, name: p.name, inForce: p.inForce, champion: p.champion ?? null, proposable: !p.inForce && p.proposer !== "none" && hasPower(world, seat, p.proposer) && (p.from === undefined || p.from <= world.date) })),
    tripOffers: world.trips.filter((t) => !world.tripsDone.includes(t.id) && travellerMatches(world, t.traveller, seat) && t.from <= world.date && world.date <= t.until).map((t) => ({ id: t.id, place: t.place, days: t.days, until: t.until })),
    // Renumbered: the global sequence numbers would reveal, by their gaps, how much happened out of sight.
    log: world.log.filter((e) => canKnow(e, seat)).map((e, i) => withoutOthersReasons({ ...e, seq: i }, seat)),
    awaiting: world.awaiting.find((a) => a.seat === seat) ?? null,
    skipping: world.skipping.includes(seat),
  };
}

function principalView(world: World, id: Id): PrincipalView {
  const p = world.principals[id];
  return {
    id,
    name: p.name,
    nameRu: p.nameRu,
    age: ageOf(world, p),
    alive: p.alive,
    incapacitated: p.incapacitatedSince !== null,
    presidium: p.presidium,
    secretary: p.secretary,
    posts: [...p.posts],
    postTitles: p.posts.map((post) => world.posts[post]?.title ?? post),
    acting: p.acting.map((post) => world.posts[post]?.title ?? post),
    healthRead: healthRead(p),
    patron: p.patron,
    fate: p.fate,
    away: p.location ? p.location.place : null,
    prestige: Math.round(p.prestige * 100) / 100,
  };
}

function healthRead(p: Principal): PrincipalView["healthRead"] {
  if (!p.alive) return "dead";
  if (p.incapacitatedSince !== null) return "incapacitated";
  return p.health >= 0.8 ? "robust" : p.health >= 0.6 ? "fair" : "frail";
}

/**
 * What others said or did may be known to the seat, but not why they chose as they did: their
 * weighing (the terms and utilities) is theirs. A seat sees its own reasons, and others' acts.
 */
function withoutOthersReasons(entry: LogEntry, seat: Id): LogEntry {
  if (entry.actor === seat || !entry.options) return entry;
  const { options: _hidden, ...rest } = entry;
  return rest;
}
