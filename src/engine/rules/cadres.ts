// The wider elite: how a cadre regards a principal, the circular flow of power (appointments to job
// slots, and a congress that re-elects the Central Committee from the slots' holders of that day),
// and how a cadre sides in a contest.
import type { DecisionContext } from "../ai/choice.js";
import { yearOf } from "../calendar.js";
import { nameOf, record, surnameOf } from "../log.js";
import { cadreById, clientShares, refreshPower } from "../power.js";
import { clamp, inPlay, postsInOrder, principalsInOrder, votingCc } from "../queries.js";
import { moodsChanged, rowMix, rowRegard, rowRegardsOf } from "../constituencies.js";
import { RAISED_PREFIX, traitNames } from "../scenario/names.js";
import type { Cadre, Id, Move, Principal, Slot, Traits, World } from "../state.js";

/** A cadre's regard for a principal: his constituencies' mood, his patron, and his own debts. */
export function attitude(world: World, c: Cadre, q: Id): number {
  return attitudeWith(world, c, q, rowRegard(world, c.row, q));
}

/** attitude(world, c, q) as a function of the cadre, for a caller going through the whole CC (see rowRegardsOf). */
export function attitudesTo(world: World, q: Id): (c: Cadre) => number {
  const regardOf = rowRegardsOf(world, q);
  return (c) => attitudeWith(world, c, q, regardOf(c.row));
}

/** A cadre's regard for q, his row's regard for q being `regard`. */
function attitudeWith(world: World, c: Cadre, q: Id, regard: number): number {
  let a = regard;
  if (c.patron === q) a += world.params.cadres.attitude.patronBond;
  return a + (c.debts[q] ?? 0);
}

/** The man a move would put in the target's place: its leader, as the cadres see it. */
export function frontOf(world: World, move: Move): Id {
  return move.members.find((m) => inPlay(world.principals[m])) ?? move.initiator;
}

/**
 * Which side a cadre's patron is on in a contest: +1 with the target, -1 with the move, 0 neither
 * (a patron who spoke or voted in the session is on the side he took).
 */
export function patronSide(world: World, c: Cadre, move: Move, publicSides: Record<Id, "target" | "move">): number {
  if (c.patron === null) return 0;
  if (c.patron === move.target) return 1;
  if (move.members.includes(c.patron)) return -1;
  const side = publicSides[c.patron];
  return side === "target" ? 1 : side === "move" ? -1 : 0;
}

/** Positive: the cadre would rather keep the target than see the move win. */
export function contestLean(world: World, c: Cadre, move: Move, publicSides: Record<Id, "target" | "move">): number {
  return leanWith(world, c, move, publicSides, attitude(world, c, move.target), attitude(world, c, frontOf(world, move)));
}

/**
 * contestLean(world, c, move, publicSides) as a function of the cadre, for a caller going through the
 * CC while the moods and the move stand still: the front, and the regards kept about him and the
 * target, looked up once.
 */
export function contestLeans(world: World, move: Move, publicSides: Record<Id, "target" | "move">): (c: Cadre) => number {
  const towardTarget = attitudesTo(world, move.target);
  const towardFront = attitudesTo(world, frontOf(world, move));
  return (c) => leanWith(world, c, move, publicSides, towardTarget(c), towardFront(c));
}

/** The cadre's lean, his attitudes to the target and to the move's front being `target` and `front`. */
function leanWith(world: World, c: Cadre, move: Move, publicSides: Record<Id, "target" | "move">, target: number, front: number): number {
  const k = world.params.cadres.contest;
  return k.target * target - k.front * front + k.patronLine * patronSide(world, c, move, publicSides);
}

const slotIndex = new WeakMap<Slot[], Map<Id, Slot>>();

export function slotById(world: World, id: Id): Slot | undefined {
  let index = slotIndex.get(world.slots);
  if (!index || index.size !== world.slots.length) {
    index = new Map(world.slots.map((s) => [s.id, s]));
    slotIndex.set(world.slots, index);
  }
  return index.get(id);
}

/** Places a new holder in a slot; the old one keeps his CC seat until the next congress. */
export function appointToSlot(ctx: DecisionContext, slot: Slot, patron: Id | null, named: Cadre | null): Cadre {
  const world = ctx.world;
  const k = world.params.cadres.appointment;
  const old = slot.holder !== null ? cadreById(world, slot.holder) : undefined;
  const newcomer: Cadre = named ?? {
    id: freshCadreId(world, slot),
    name: null,
    seat: null,
    slot: null,
    row: slot.row,
    region: old?.region ?? world.rows.find((r) => r.id === slot.row)?.label ?? slot.row,
    distance: old?.distance ?? "mid",
    patron,
    debts: {},
    pledge: null,
    refused: {},
  };
  if (!named) world.cadres.push(newcomer);
  newcomer.slot = slot.id;
  newcomer.patron = patron;
  if (patron !== null) newcomer.debts[patron] = k.gratitude;
  if (old) {
    old.slot = null;
    if (patron !== null) old.debts[patron] = (old.debts[patron] ?? 0) - k.grudge;
  }
  slot.holder = newcomer.id;
  refreshPower(world);
  return newcomer;
}

/**
 * The id of the next man a slot is given: the slot's id and his place among its holders. A holder
 * raised into the leadership leaves the cadres (Principal.formerly keeps his old id), so the count
 * can fall behind the places used: a place that would repeat one is skipped, and no id ever names
 * two men in one run.
 */
function freshCadreId(world: World, slot: Slot): Id {
  const used = (id: Id) => cadreById(world, id) !== undefined || principalsInOrder(world).some((p) => p.formerly === id);
  let n = world.cadres.filter((c) => c.id.startsWith(`${slot.id}-`)).length;
  while (used(`${slot.id}-${n}`)) n++;
  return `${slot.id}-${n}`;
}

// ------------------------------------------------------------------ raising a CC member into the leadership

/**
 * The CC member the chair would put into an empty full seat when nobody in the leadership is left
 * to fill it (see governing.ts, coOptee): the voting member who regards him best, his own clients
 * first. Stalin raised Brezhnev, Aristov and other regional men straight from the CC into the
 * Presidium in October 1952; a victor who had the candidates and the secretaries shot would have to.
 */
export function ccNominee(world: World, proposer: Id): Cadre | null {
  const k = world.params.governing.vacancy;
  const regardFor = attitudesTo(world, proposer);
  let best: Cadre | null = null;
  let bestScore = 0;
  for (const c of votingCc(world)) {
    const score = regardFor(c) + (c.patron === proposer ? k.client : 0);
    if (best === null || score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** The name a principal goes by, or the one a CC member would take into the leadership. */
export function nomineeName(world: World, id: Id): string {
  if (world.principals[id]) return nameOf(world, id);
  const c = cadreById(world, id);
  return c ? surnameOf(newcomerName(world, c)) : id;
}

/** The patron of a principal or of a CC member put up for a seat. */
export function nomineePatron(world: World, id: Id): Id | null {
  return world.principals[id]?.patron ?? cadreById(world, id)?.patron ?? null;
}

/**
 * The full name a CC member takes into the leadership: his own where the file names him, else the
 * first of the file's surnames no principal bears (with an initial), else the id he will take.
 */
function newcomerName(world: World, c: Cadre): string {
  if (c.name !== null) return c.name;
  const taken = new Set(world.order.map((id) => surnameOf(world.principals[id].name)));
  const surname = world.surnames.find((s) => !taken.has(s));
  return surname === undefined ? newcomerId(world, c) : `${INITIALS[world.order.length % INITIALS.length]}. ${surname}`;
}

/** The id a CC member takes into the leadership: his own where the file names him, else "raised-N", the Nth such man. */
function newcomerId(world: World, c: Cadre): Id {
  return c.name !== null ? c.id : `${RAISED_PREFIX}${world.order.filter((x) => x.startsWith(RAISED_PREFIX)).length + 1}`;
}

/** First-name initials for generated newcomers, in the Russian alphabet's order. */
const INITIALS = "ABVGDEIKLMNOPRSTF";

/**
 * Raises the CC member `c` into the leadership, for the Presidium seat he has just been voted: a
 * principal from now on. The file gives no CC member traits, so his are drawn around the midpoint
 * on the setup stream, the stream of the people the file does not describe, and so is his age; his
 * health and prestige are the parameters'. His regard for the principals is what he owed or held
 * against them as a cadre, and he and his patron trust each other. A man the file names keeps his
 * id; a generated one is "raised-1", "raised-2", ... in the order they come. His job slot goes to a
 * successor chosen by whoever appoints to it; his CC seat goes with him, for the leadership's
 * members vote in a plenum as such.
 */
export function raiseFromCc(ctx: DecisionContext, c: Cadre): Principal {
  const world = ctx.world;
  const k = world.params.cadres.newcomer;
  const id = newcomerId(world, c);
  const traits = {} as Traits;
  for (const t of traitNames) traits[t] = t === "ideology" ? clamp(k.ideologySpread * ctx.rng.normal("setup"), -1, 1) : clamp(k.trait + k.traitSpread * ctx.rng.normal("setup"));
  const age = k.age + k.ageSpread * ctx.rng.normal("setup");
  const name = newcomerName(world, c);
  const regard: Record<Id, number> = {};
  for (const [q, debt] of Object.entries(c.debts)) if (world.principals[q]) regard[q] = clamp(debt, -1, 1);
  const patron = c.patron !== null && world.principals[c.patron] ? world.principals[c.patron] : null;
  const p: Principal = {
    id,
    name,
    // The file gives no Russian spelling of a CC member's name.
    nameRu: "",
    born: Math.round(yearOf(world.date) - age),
    health: k.health,
    alive: true,
    incapacitatedSince: null,
    presidium: "none",
    secretary: false,
    outside: false,
    posts: [],
    acting: [],
    patron: patron?.id ?? null,
    traits,
    regard,
    trust: patron ? { [patron.id]: k.bond } : {},
    grievances: [],
    believesCcDecides: world.globals.ccArbiter,
    prestige: k.prestige,
    kompromat: {},
    record: 0,
    travel: world.params.setup.world.defaultTravel,
    beliefs: [],
    suspicion: {},
    location: null,
    fate: null,
    rank: world.order.length,
    ...(id !== c.id ? { formerly: c.id } : {}),
  };
  if (patron) patron.trust[p.id] = k.bond;
  // New objects, not changed ones: what is kept per list of principals or of cadres is read afresh;
  // and the claims to posts are read again, with him among the claimants (claimPlacesOf keeps a
  // place for each rank).
  world.principals = { ...world.principals, [p.id]: p };
  world.order = [...world.order, p.id];
  world.cadres = world.cadres.filter((x) => x !== c);
  world.claims = { base: {}, ranking: {} };
  const slot = c.slot !== null ? slotById(world, c.slot) : undefined;
  if (slot) {
    slot.holder = null;
    const row = world.rows.find((r) => r.id === slot.row);
    appointToSlot(ctx, slot, row ? appointerFor(world, row.appointedBy) : null, null);
  }
  record(world, {
    type: "enters",
    audience: "public",
    actor: p.id,
    text: `${name} (${c.region}), a member of the Central Committee, is raised into the leadership${c.name === null ? " (history names nobody here: the model generated him)" : ""}.`,
    data: { generated: c.name === null },
  });
  refreshPower(world);
  return p;
}

/**
 * A congress elects a new Central Committee from the holders of the job slots on its day (after
 * resizing the rows as the congress decided): appointments made before it become votes.
 */
export function holdCongress(ctx: DecisionContext, congress: World["congresses"][number]): void {
  const world = ctx.world;
  for (const [row, seats] of Object.entries(congress.seats)) resizeRow(ctx, row, seats);
  const before = world.cadres.filter((c) => c.seat !== null).length;
  let kept = 0;
  for (const c of world.cadres) {
    const slot = c.slot !== null ? slotById(world, c.slot) : undefined;
    const seat = slot ? slot.seat : null;
    if (seat !== null && c.seat !== null) kept++;
    c.seat = seat;
    c.pledge = null;
  }
  world.ccElected = congress.date;
  const after = world.cadres.filter((c) => c.seat !== null).length;
  refreshPower(world);
  const shares: Record<Id, number> = {};
  for (const [id, s] of clientShares(world)) shares[id] = s.cc;
  world.trace.congresses.push({ date: congress.date, shares });
  record(world, {
    type: "congress",
    audience: "public",
    text: `${congress.title}: a new Central Committee of ${after} members and candidates is elected from the holders of the job slots; ${after - kept} of them are new (the old one had ${before}).`,
    data: { congress: congress.id, members: after, renewed: after - kept },
  }, congress.date);
}

/** New seats go to whoever holds the appointing power for the row; removed seats drop their holders. */
function resizeRow(ctx: DecisionContext, rowId: Id, seats: { voting: number; candidates: number }): void {
  const world = ctx.world;
  const row = world.rows.find((r) => r.id === rowId);
  if (!row) return;
  for (const seat of ["voting", "candidate"] as const) {
    const want = seat === "voting" ? seats.voting : seats.candidates;
    const have = world.slots.filter((s) => s.row === rowId && s.seat === seat);
    for (let i = have.length; i < want; i++) {
      const slot: Slot = { id: `${rowId}-${seat === "voting" ? "v" : "c"}${i + 1}`, row: rowId, seat, holder: null };
      world.slots.push(slot);
      appointToSlot(ctx, slot, appointerFor(world, row.appointedBy), null);
    }
    for (const slot of have.slice(want)) {
      const holder = slot.holder !== null ? cadreById(world, slot.holder) : undefined;
      if (holder) holder.slot = null;
      world.slots = world.slots.filter((s) => s !== slot);
    }
  }
}

/** Whoever holds the power that appoints to a row (the first holder of it), or null. */
export function appointerFor(world: World, power: World["rows"][number]["appointedBy"]): Id | null {
  if (power === "none") return null;
  for (const post of postsInOrder(world)) {
    if (!post.powers.includes(power)) continue;
    const h = post.holders.find((x) => inPlay(world.principals[x]) && world.principals[x].incapacitatedSince === null);
    if (h) return h;
  }
  for (const id of world.order) {
    const p = world.principals[id];
    if (p.acting.some((a) => world.posts[a].powers.includes(power))) return id;
  }
  return null;
}

/** Mood changes stay within the scale. */
export function moveMood(world: World, constituency: Id, who: Id, by: number): void {
  const m = world.mood[constituency];
  if (!m) return;
  m[who] = clamp((m[who] ?? 0) + by, -1, 1);
  moodsChanged(world, who);
}

/** Every constituency in a row's mix shares in a change of that row's mood, by its weight. */
export function moveRowMood(world: World, rowId: Id, who: Id, by: number): void {
  const mix = rowMix(world, rowId);
  if (!mix) return moveMood(world, rowId, who, by);
  for (const [k, share] of mix) moveMood(world, k, who, by * share);
}

export function describeCadre(c: Cadre): string {
  return c.name ?? `a member from ${c.region}`;
}

export function patronName(world: World, c: Cadre): string {
  return c.patron !== null ? nameOf(world, c.patron) : "nobody";
}
