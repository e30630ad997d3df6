// The constituencies of the Central Committee (MODEL.md section 2): each row of the CC's composition
// is a mix of constituencies, each constituency regards each principal with a mood (-1..1), and each
// principal speaks for the rows where his clients sit. Rows never change in a run.
import { CadreReading } from "./cadre-standing.js";
import type { Cadre, Id, World } from "./state.js";

const mixIndex = new WeakMap<World["rows"], Map<Id, [Id, number][]>>();

/** A row's constituencies and their weights, as a list; undefined for a bare constituency. */
export function rowMix(world: World, id: Id): [Id, number][] | undefined {
  let index = mixIndex.get(world.rows);
  if (!index) {
    index = new Map(world.rows.map((r) => [r.id, Object.entries(r.mix)]));
    mixIndex.set(world.rows, index);
  }
  return index.get(id);
}

// Readings of the moods are asked for every CC member and every pair of principals many times a
// week, and moods change only through moveMood (rules/cadres.ts), which calls moodsChanged for the
// one principal whose standing moved: so the readings are memoised per mood table (a copied world
// has its own), by the principal regarded, and only his are dropped. A constituency mood also rests
// on where the clients sit, which is kept per reading of power (see clientRows).
interface MoodReadings {
  /** Principal regarded -> row -> rowRegard. */
  regard: Map<Id, Map<Id, number>>;
  /** The reading of power the constituency moods were last asked under (null before any), and where the clients sat then. */
  power: World["power"] | null;
  clients: ClientRowIndex | null;
  /** Principal regarded -> observer -> constituency mood. */
  constituency: Map<Id, Map<Id, number>>;
  /** Principal regarded -> the mood of each row's own constituency, by the row's place in world.rows. */
  own: Map<Id, number[]>;
}

const moodReadings = new WeakMap<World["mood"], MoodReadings>();

function readingsOf(world: World): MoodReadings {
  let r = moodReadings.get(world.mood);
  if (!r) {
    r = { regard: new Map(), power: null, clients: null, constituency: new Map(), own: new Map() };
    moodReadings.set(world.mood, r);
  }
  return r;
}

/**
 * The constituency moods under the current reading of power. Power is read afresh at least weekly,
 * but the clients seldom move (an appointment, a congress): the moods read under the last reading
 * stand while every patron's clients sit where they sat then, since a mood is a function of the
 * clients' rows and of the row regards (kept apart, and dropped by moodsChanged).
 */
function constituencyReadings(world: World): Map<Id, Map<Id, number>> {
  const r = readingsOf(world);
  if (r.power !== world.power) {
    const clients = clientRowIndexOf(world);
    if (r.clients === null || !sameClientRows(r.clients, clients)) r.constituency.clear();
    r.power = world.power;
    r.clients = clients;
  }
  return r.constituency;
}

/** Drops the memoised readings of how the constituencies regard `who`, after his standing moved. */
export function moodsChanged(world: World, who: Id): void {
  const r = moodReadings.get(world.mood);
  if (!r) return;
  r.regard.get(who)?.clear();
  r.constituency.get(who)?.clear();
  r.own.delete(who);
}

/** A reading of how `key` (a row, or an observer) regards `q`, taken once and kept in `table` until it is dropped. */
function remembered(world: World, table: Map<Id, Map<Id, number>>, key: Id, q: Id, read: (world: World, key: Id, q: Id) => number): number {
  return rememberedIn(world, readingsAbout(table, q), key, q, read);
}

/** The readings kept in `table` about `q`, by key. */
function readingsAbout(table: Map<Id, Map<Id, number>>, q: Id): Map<Id, number> {
  let about = table.get(q);
  if (!about) table.set(q, (about = new Map()));
  return about;
}

/** `remembered`, given the readings about `q` already looked up (for a caller reading many keys about one man). */
function rememberedIn(world: World, about: Map<Id, number>, key: Id, q: Id, read: (world: World, key: Id, q: Id) => number): number {
  let value = about.get(key);
  if (value === undefined) {
    value = read(world, key, q);
    about.set(key, value);
  }
  return value;
}

/** How a row (or a bare constituency) regards a principal: its constituencies' moods, by weight. */
export function rowRegard(world: World, rowId: Id, q: Id): number {
  return remembered(world, readingsOf(world).regard, rowId, q, readRowRegard);
}

/** rowRegard(world, row, q) as a function of the row, the readings about q looked up once: for a caller going through the whole CC. */
export function rowRegardsOf(world: World, q: Id): (rowId: Id) => number {
  const about = readingsAbout(readingsOf(world).regard, q);
  return (rowId) => rememberedIn(world, about, rowId, q, readRowRegard);
}

/**
 * How the constituency each row is named for regards q (its own mood, not the row's mix), by the
 * rows' places in world.rows; 0 for a row that is no constituency. Every man's weekly menu weighs
 * the rows he might court by it: kept until his standing moves.
 */
export function ownRowMoods(world: World, q: Id): readonly number[] {
  const own = readingsOf(world).own;
  let moods = own.get(q);
  if (!moods) {
    moods = [];
    for (const row of world.rows) moods.push(world.mood[row.id]?.[q] ?? 0);
    own.set(q, moods);
  }
  return moods;
}

function readRowRegard(world: World, rowId: Id, q: Id): number {
  const mix = rowMix(world, rowId);
  if (!mix) return world.mood[rowId]?.[q] ?? 0;
  let a = 0;
  for (const [k, share] of mix) a += share * (world.mood[k]?.[q] ?? 0);
  return a;
}

/** What a change in the constituencies' lot (by constituency) means for one row of the CC. */
export function rowEffect(world: World, rowId: Id, effects: Record<Id, number>): number {
  let sum = 0;
  for (const [k, share] of rowMix(world, rowId) ?? []) sum += share * (effects[k] ?? 0);
  return sum;
}

// Where each patron's clients sit depends only on the cadres' slots and patrons, which change only
// through appointments and congresses, each followed by a new reading of power: so it is kept per
// reading (a new reading is a new `world.power` object), and a new reading takes the last one's
// index over while no cadre has moved (see CadreReading).
type ClientRowIndex = Map<Id, [Id, number][]>;

const clientRowIndex = new WeakMap<World["power"], ClientRowIndex>();

/** The rows where a principal's clients hold job slots, as shares of his clients. */
export function clientRows(world: World, id: Id): [Id, number][] {
  return clientRowIndexOf(world).get(id) ?? [];
}

/** Every patron's client rows, as of the current reading of power. */
function clientRowIndexOf(world: World): ClientRowIndex {
  let index = clientRowIndex.get(world.power);
  if (!index) {
    index = clientRowsReading.of(world.cadres);
    clientRowIndex.set(world.power, index);
  }
  return index;
}

const clientRowsReading = new CadreReading(readClientRows);

function readClientRows(cadres: readonly Cadre[]): ClientRowIndex {
  const counts = new Map<Id, Map<Id, number>>();
  for (const c of cadres) {
    if (c.patron === null || c.slot === null) continue;
    let rows = counts.get(c.patron);
    if (!rows) counts.set(c.patron, (rows = new Map()));
    rows.set(c.row, (rows.get(c.row) ?? 0) + 1);
  }
  const index: ClientRowIndex = new Map();
  for (const [patron, rows] of counts) {
    let total = 0;
    for (const n of rows.values()) total += n;
    index.set(patron, [...rows].map(([row, n]) => [row, n / total]));
  }
  return index;
}

/** Whether two readings put every patron's clients in the same rows, in the same order and shares. */
function sameClientRows(a: ClientRowIndex, b: ClientRowIndex): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [patron, rowsA] of a) {
    const rowsB = b.get(patron);
    if (!rowsB || rowsB.length !== rowsA.length) return false;
    for (let i = 0; i < rowsA.length; i++) if (rowsA[i][0] !== rowsB[i][0] || rowsA[i][1] !== rowsB[i][1]) return false;
  }
  return true;
}

/** How the constituencies a principal speaks for (those of his clients) regard q. */
export function constituencyMood(world: World, p: Id, q: Id): number {
  return remembered(world, constituencyReadings(world), p, q, readConstituencyMood);
}

/**
 * constituencyMood(world, p, q) as a function of q, read afresh for each (not kept): for a caller
 * weighing p against every colleague in turn (bestTarget), who would find most of those readings
 * dropped since he last asked. p's client rows and the table of row regards are looked up once,
 * which leaves less to do for each colleague than the memo's own lookups.
 */
export function constituencyMoodsOf(world: World, p: Id): (q: Id) => number {
  const rows = clientRows(world, p);
  const regard = readingsOf(world).regard;
  return (q) => moodOver(world, rows, readingsAbout(regard, q), q);
}

function readConstituencyMood(world: World, p: Id, q: Id): number {
  return moodOver(world, clientRows(world, p), readingsAbout(readingsOf(world).regard, q), q);
}

/** How `rows` (a principal's client rows, with their shares) regard q, `regards` being the rows' regards kept about q. */
function moodOver(world: World, rows: readonly [Id, number][], regards: Map<Id, number>, q: Id): number {
  let m = 0;
  for (const [row, share] of rows) m += share * rememberedIn(world, regards, row, q, readRowRegard);
  return m;
}
