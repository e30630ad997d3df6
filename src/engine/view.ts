// What one seat may know: the only way a seat, a player's browser or an AI's explanation sees the
// world (MODEL.md section 9). Everything not copied here explicitly stays hidden.
import { addDays } from "./calendar.js";
import { canKnow } from "./log.js";
import { ageOf, moveById, presidiumVoters } from "./queries.js";
import { clientShares, powerShare } from "./power.js";
import type { Awaiting, Id, LogEntry, MoveBelief, Principal, World } from "./state.js";
import { travellerMatches } from "./rules/crisis.js";
import { appointerFor } from "./rules/cadres.js";
import { whyBarred } from "./rules/governing.js";

export interface PrincipalView {
  id: Id;
  name: string;
  nameRu: string;
  age: number;
  alive: boolean;
  incapacitated: boolean;
  presidium: "full" | "candidate" | "none";
  /**
   * Whether he votes in the Presidium now, by the rules' own count (presidiumVoters): public, as it
   * follows from his seat, his health and his fate, which everyone sees.
   */
  votesInPresidium: boolean;
  secretary: boolean;
  posts: string[];
  /** The titles of `posts`, in the same order. */
  postTitles: string[];
  /** Posts he fills in for an ill colleague. */
  acting: string[];
  /**
   * The organs he commands, by the powers of the posts he holds or fills in for (public: who heads
   * which ministry is in the papers): "security" (surveillance, guards, arrests), then "army", each
   * once, with the title of the post that carries it. The rules' organ chiefs (organChiefs) are
   * exactly those with one; a deputy's post carries no power, a dead or fallen man commands nothing.
   */
  organs: OrganView[];
  /** How he looks: colleagues can see who is robust and who is failing, not a medical file. */
  healthRead: "robust" | "fair" | "frail" | "incapacitated" | "dead";
  patron: Id | null;
  fate: string | null;
  /** Where he is, if away from Moscow (public: his trips are in the papers). */
  away: string | null;
  /** Standing in the country (public). */
  prestige: number;
  /** Share of the leadership's power, as anyone can reckon it from posts, seats, clients and prestige. */
  power: number;
  /** Since when he has been unable to work, if he is (public: his absence is noticed). */
  illSince: string | null;
  /** Given only for a woman (the scenario's gender): texts about the principal take their pronouns from it (pronounsFor). */
  gender?: "female";
}

/** An organ of force a principal commands: the power (as the rules read it) and the post that carries it. */
export interface OrganView {
  power: "security" | "army";
  post: string;
}

/** A job slot the seat appoints to (its powers name the rows), with its holder and the holder's patron. */
export interface SlotView {
  id: Id;
  seat: "voting" | "candidate";
  holder: string | null;
  /** Whether the holder sits in the CC elected at the last congress. */
  inCc: boolean;
  patron: Id | null;
}

export interface DeskView {
  /** Rows of job slots the seat's powers appoint to ("senior": the Presidium must consent). */
  appoints: { row: Id; label: string; senior: boolean; slots: SlotView[] }[];
  /** The seat's own clients among the cadres: whose man is known in the apparatus. */
  clients: { name: string | null; row: Id; region: string; slot: Id | null; seat: "voting" | "candidate" | null }[];
}

/** A crisis in progress, as anyone in Moscow can see it. */
export interface CrisisView {
  target: Id;
  /** Post titles demanded; empty: all his posts. */
  demand: string[];
  venue: "session" | "force";
  phase: "waiting" | "session" | "plenum-called" | "plenum" | "done";
  day: number;
  startedOn: string;
  sessionDays: number;
  /** Members of the move, as named when it was launched. */
  members: Id[];
  tally: { for: number; against: number; voters: number } | null;
  /** The side each organ chief has publicly taken. */
  sides: Record<Id, "target" | "move" | "neutral">;
  /** CC members in Moscow by each day of the crisis so far (empty until they are called). */
  arrivals: { day: number; date: string; present: number }[];
  /** Voting CC members in Moscow now, by constituency, and in all. */
  presentByRow: Record<Id, number>;
  present: number;
  voting: number;
  signatures: number;
  /** The day the plenum opens, once it is called. */
  plenumDay: number | null;
}

/** A journey as the papers reported it. */
export interface JourneyView {
  who: Id;
  place: string;
  trip: Id | null;
  left: string;
  back: string | null;
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
  /** Policies in force (public), and those the seat could propose (with why not, when not). */
  policies: PolicyView[];
  /** Journeys open to the seat now. */
  tripOffers: { id: Id; place: string; days: number; from: string; until: string; prestige: number; note: string }[];
  /** Journeys made so far (public: they are in the papers). */
  journeys: JourneyView[];
  /** The slots the seat appoints to and his clients: what his powers let him do. */
  desk: DeskView;
  /** A contest under way, as it can be seen from Moscow. */
  crisis: CrisisView | null;
  /** Who has held primacy, and since when (public). */
  primacyHistory: { who: Id | null; from: string }[];
  /** Congresses to come and past ones (public dates). */
  congresses: { date: string; title: string; electsCc: boolean }[];
  start: string;
  end: string;
  ccElected: string;
  log: LogEntry[];
  /** The question the seat must answer, if any (never another seat's). */
  awaiting: Awaiting | null;
  skipping: boolean;
}

export interface PolicyView {
  id: Id;
  name: string;
  inForce: boolean;
  champion: Id | null;
  proposable: boolean;
  /** Why the seat cannot propose it now, when it cannot. */
  barred: string | null;
  from: string | null;
  adoptedOn: string | null;
  historical: string | null;
  note: string;
  /** -1 reform .. +1 orthodox. */
  line: number;
  /** Constituencies (ids) it pleases (+) or angers (-). */
  effects: { constituency: string; effect: number }[];
}

export function viewFor(world: World, seat: Id): SeatView {
  const me = world.principals[seat];
  if (!me) throw new Error(`unknown seat "${seat}"`);
  const shares = clientShares(world);
  const voters = new Set(presidiumVoters(world));
  return {
    seat,
    date: world.date,
    week: world.week,
    done: world.done,
    leader: world.primacy,
    globals: { fear: world.globals.fear },
    start: world.start,
    end: world.end,
    ccElected: world.ccElected,
    primacyHistory: world.primacyHistory.map((h) => ({ ...h })),
    congresses: world.congresses.map((c) => ({ date: c.date, title: c.title, electsCc: c.electsCc })),
    principals: world.order.map((id) => principalView(world, id, voters)),
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
    policies: world.policies.map((p) => policyView(world, seat, p)),
    tripOffers: world.trips
      .filter((t) => !world.tripsDone.includes(t.id) && travellerMatches(world, t.traveller, seat) && world.date <= t.until)
      .map((t) => ({ id: t.id, place: t.place, days: t.days, from: t.from, until: t.until, prestige: t.prestige, note: t.note })),
    journeys: journeys(world),
    desk: deskView(world, seat),
    crisis: crisisView(world),
    // Renumbered: the global sequence numbers would reveal, by their gaps, how much happened out of sight.
    log: world.log.filter((e) => canKnow(e, seat)).map((e, i) => withoutOthersReasons({ ...e, seq: i }, seat)),
    awaiting: world.awaiting.find((a) => a.seat === seat) ?? null,
    skipping: world.skipping.includes(seat),
  };
}

function principalView(world: World, id: Id, voters: ReadonlySet<Id>): PrincipalView {
  const p = world.principals[id];
  return {
    id,
    name: p.name,
    nameRu: p.nameRu,
    age: ageOf(world, p),
    alive: p.alive,
    incapacitated: p.incapacitatedSince !== null,
    presidium: p.presidium,
    votesInPresidium: voters.has(id),
    secretary: p.secretary,
    posts: [...p.posts],
    postTitles: p.posts.map((post) => world.posts[post]?.title ?? post),
    acting: p.acting.map((post) => world.posts[post]?.title ?? post),
    organs: organsOf(world, p),
    healthRead: healthRead(p),
    patron: p.patron,
    fate: p.fate,
    away: p.location ? p.location.place : null,
    prestige: Math.round(p.prestige * 100) / 100,
    power: Math.round(powerShare(world, id) * 1000) / 1000,
    illSince: p.alive ? p.incapacitatedSince : null,
    ...(p.gender ? { gender: p.gender } : {}),
  };
}

const organPowers = ["security", "army"] as const;

/** The organs he commands, as the rules count organ chiefs (holdersOf): security, then the army, each by the first of his posts (held, then acting) that carries it. */
function organsOf(world: World, p: Principal): OrganView[] {
  if (!p.alive || p.fate) return [];
  const out: OrganView[] = [];
  const held = [...p.posts, ...p.acting].map((id) => world.posts[id]).filter((post) => post !== undefined);
  for (const power of organPowers) {
    const post = held.find((x) => x.powers.includes(power));
    if (post) out.push({ power, post: post.title });
  }
  return out;
}

function policyView(world: World, seat: Id, p: World["policies"][number]): PolicyView {
  const barred = whyBarred(world, p, seat);
  return {
    id: p.id,
    name: p.name,
    inForce: p.inForce,
    champion: p.champion ?? null,
    proposable: barred === null,
    barred,
    from: p.from ?? null,
    adoptedOn: p.adoptedOn,
    historical: p.historical ?? null,
    note: p.note,
    line: p.line,
    effects: Object.entries(p.effects).map(([constituency, effect]) => ({ constituency, effect })),
  };
}

function journeys(world: World): JourneyView[] {
  const out: JourneyView[] = [];
  for (const e of world.log) {
    if (e.type !== "trip" || e.audience !== "public" || !e.actor) continue;
    const trip = typeof e.data?.trip === "string" ? e.data.trip : null;
    if (trip !== null) {
      const offer = world.trips.find((t) => t.id === trip);
      out.push({ who: e.actor, place: offer?.place ?? "abroad", trip, left: e.date, back: null });
    } else {
      const open = [...out].reverse().find((j) => j.who === e.actor && j.back === null);
      if (open) open.back = e.date;
    }
  }
  return out;
}

function deskView(world: World, seat: Id): DeskView {
  const appoints: DeskView["appoints"] = [];
  for (const row of world.rows) {
    if (row.appointedBy === "none" || appointerFor(world, row.appointedBy) !== seat) continue;
    const slots = world.slots
      .filter((s) => s.row === row.id)
      .map((s) => {
        const c = s.holder !== null ? world.cadres.find((x) => x.id === s.holder) : undefined;
        return { id: s.id, seat: s.seat, holder: c ? (c.name ?? `a member from ${c.region}`) : null, inCc: c?.seat != null, patron: c?.patron ?? null };
      });
    appoints.push({ row: row.id, label: row.label, senior: row.senior, slots });
  }
  const clients = world.cadres.filter((c) => c.patron === seat && (c.slot !== null || c.seat !== null)).map((c) => ({ name: c.name, row: c.row, region: c.region, slot: c.slot, seat: c.seat }));
  return { appoints, clients };
}

function crisisView(world: World): CrisisView | null {
  const crisis = world.crisis;
  if (!crisis) return null;
  const move = moveById(world, crisis.move);
  if (!move) return null;
  const launch = world.log.find((e) => e.type === "launch" && e.data?.move === move.id);
  const members = Array.isArray(launch?.data?.members) ? (launch.data.members as unknown[]).filter((m): m is string => typeof m === "string") : [];
  // Who has reached Moscow is seen; when the others will arrive is not.
  const voting = world.cadres.filter((c) => c.seat === "voting");
  const arrivals: CrisisView["arrivals"] = [];
  const presentByRow: Record<Id, number> = {};
  let present = 0;
  if (Object.keys(crisis.arrived).length > 0) {
    for (let d = 0; d <= crisis.day; d++) arrivals.push({ day: d, date: addDays(crisis.startedOn, d), present: voting.filter((c) => (crisis.arrived[c.id] ?? Infinity) <= d).length });
    for (const c of voting) {
      if ((crisis.arrived[c.id] ?? Infinity) > crisis.day) continue;
      present++;
      presentByRow[c.row] = (presentByRow[c.row] ?? 0) + 1;
    }
  }
  return {
    target: move.target,
    demand: move.demand.map((p) => world.posts[p]?.title ?? p),
    venue: crisis.venue,
    phase: crisis.phase,
    day: crisis.day,
    startedOn: crisis.startedOn,
    sessionDays: crisis.sessionDays,
    members,
    tally: crisis.tally ? { ...crisis.tally } : null,
    sides: { ...crisis.sides },
    arrivals,
    presentByRow,
    present,
    voting: voting.length,
    signatures: crisis.signatures.length,
    plenumDay: crisis.plenumDay,
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
  // A Presidium vote on business is logged under its proposer with one voter's weighing, and a fate
  // under the loser with the weighing of the man who proposed it: neither is theirs to see.
  const weigher = entry.type === "fate" ? entry.data?.proposedBy : privateToVoters.has(entry.type) ? null : entry.actor;
  if (weigher === seat) return entry;
  // The man who sounds a colleague out hears his answer, not the estimate behind it.
  const hiddenData = privateData[entry.type];
  const data = hiddenData && entry.data ? Object.fromEntries(Object.entries(entry.data).filter(([k]) => !hiddenData.includes(k))) : entry.data;
  if (!entry.options && data === entry.data) return entry;
  const { options: _hidden, data: _data, ...rest } = entry;
  return data === undefined ? rest : { ...rest, data };
}

/** Private figures logged in an entry's data, seen only by the man who weighed them. */
const privateData: Record<string, readonly string[]> = { approach: ["odds"] };

/** Entries whose weighing belongs to someone other than their actor. */
const privateToVoters = new Set(["presidium-business", "fate"]);
