// Cross-reference checks on a schema-valid scenario: the things a zod schema cannot say (this id must
// name a character, these shares must sum to 1, a post has one holder). Pure: the loader maps the
// paths of the issues to lines in the file.
import type { ScenarioFile as Scenario } from "./schema.js";
import { powerNames, RAISED_PREFIX } from "./names.js";
import { applyWhatIfs, WhatIfError } from "./what-if.js";
import { pronounsFor, surnameOf } from "../log.js";

export interface ScenarioIssue {
  /** Path into the scenario data; list elements by index. */
  path: (string | number)[];
  message: string;
  /** The fault is the mapping key the path ends in, not its value (e.g. an unknown trust key). */
  key?: true;
}

const shareTolerance = 0.01;
/** The longest period a scenario may cover: the whole Khrushchev era is under twelve years. */
const MAX_SPAN_YEARS = 20;

/** All cross-reference problems of a scenario, in a fixed order (record keys walked sorted). */
export function checkScenario(s: Scenario): ScenarioIssue[] {
  const ids = knownIds(s);
  return [
    ...checkDates(s),
    ...checkCharacters(s, ids),
    ...checkPosts(s),
    ...checkPatronCycles(s),
    ...checkClientShares(s),
    ...checkCentralCommittee(s, ids),
    ...checkCongresses(s, ids),
    ...checkPolicies(s, ids),
    ...checkEvents(s, ids),
    ...checkTrips(s, ids),
    ...checkOutsidePatron(s, ids),
    ...checkHistory(s, ids),
    ...checkWhatIfs(s),
    ...checkSourceKeys(s),
  ];
}

/**
 * Every citation names a work of the file's `sources`: a `source` field (keys separated by commas)
 * anywhere, and a character's list of `sources`. A key the file does not define would reach a reader
 * as a bare key.
 */
function checkSourceKeys(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const cite = (key: string, path: (string | number)[]) => {
    if (key && !(key in s.sources)) issues.push({ path, message: `unknown source "${key}": define it under sources at the top of the file, or cite a key defined there` });
  };
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, [...path, i]));
    if (value === null || typeof value !== "object") return;
    for (const [k, v] of Object.entries(value)) {
      if (k === "source" && typeof v === "string") v.split(",").forEach((key) => cite(key.trim(), [...path, k]));
      else if (k === "sources" && path.length > 0 && Array.isArray(v)) v.forEach((key, i) => typeof key === "string" && cite(key.trim(), [...path, k, i]));
      else walk(v, [...path, k]);
    }
  };
  for (const [k, v] of Object.entries(s)) if (k !== "sources") walk(v, [k]);
  return issues;
}

interface KnownIds {
  characters: Set<string>;
  posts: Set<string>;
  policies: Set<string>;
  events: Set<string>;
  constituencies: Set<string>;
}

function knownIds(s: Scenario): KnownIds {
  return {
    characters: new Set(Object.keys(s.characters)),
    posts: new Set(Object.keys(s.posts)),
    policies: new Set(s.policies.map((p) => p.id)),
    events: new Set(s.events.map((e) => e.id)),
    constituencies: new Set(Object.keys(s.constituencies)),
  };
}

function unknownRef(kind: string, id: string, known: Set<string>): string {
  const list = [...known].sort();
  return `unknown ${kind} "${id}" (known: ${list.length > 0 ? list.join(", ") : "none"})`;
}

/** An issue if `id` is not among `known`; `key` when the id is a mapping key rather than a value. */
function reference(kind: string, id: string, known: Set<string>, path: (string | number)[], key = false): ScenarioIssue[] {
  if (known.has(id)) return [];
  const issue: ScenarioIssue = { path, message: unknownRef(kind, id, known) };
  if (key) issue.key = true;
  return [issue];
}

function keysOf(kind: string, record: Record<string, unknown>, known: Set<string>, at: (string | number)[]): ScenarioIssue[] {
  return sortedKeys(record).flatMap((k) => reference(kind, k, known, [...at, k], true));
}

function sortedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).sort();
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function yearsBetween(a: string, b: string): number {
  return Number(b.slice(0, 4)) - Number(a.slice(0, 4));
}

function checkDates(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  // With the span itself wrong, "outside the scenario" would flag every date: report the span alone.
  let spanOk = s.start < s.end;
  if (!spanOk) issues.push({ path: ["end"], message: `the scenario must end after it starts: end ${s.end} is not after start ${s.start}` });
  else if (yearsBetween(s.start, s.end) > MAX_SPAN_YEARS) {
    spanOk = false;
    issues.push({ path: ["end"], message: `the scenario spans ${yearsBetween(s.start, s.end)} years (${s.start} to ${s.end}); at most ${MAX_SPAN_YEARS} are allowed (a week is a turn: longer runs are not a scenario of this model)` });
  }
  const within = (date: string | undefined, path: (string | number)[], what: string) => {
    if (date !== undefined && spanOk && (date < s.start || date > s.end)) issues.push({ path, message: `${what} ${date} is outside the scenario (${s.start} to ${s.end})` });
  };
  s.events.forEach((e, i) => {
    within(e.date, ["events", i, "date"], "event date");
    if ((e.date === undefined) === (e.chance === undefined)) issues.push({ path: ["events", i], message: "an event needs exactly one of date (it happens then) or chance (it may happen)" });
    if (e.chance?.from !== undefined && e.chance.until !== undefined && e.chance.until < e.chance.from) issues.push({ path: ["events", i, "chance", "until"], message: `the chance window ends (${e.chance.until}) before it opens (${e.chance.from})` });
  });
  s.trips.forEach((t, i) => {
    within(t.from, ["trips", i, "from"], "trip offer");
    if (t.until < t.from) issues.push({ path: ["trips", i, "until"], message: `the offer closes (${t.until}) before it opens (${t.from})` });
  });
  s.congresses.forEach((c, i) => within(c.date, ["congresses", i, "date"], "congress"));
  if (s.centralCommittee.elected > s.start) issues.push({ path: ["centralCommittee", "elected"], message: `the CC in office at the start cannot have been elected after it (${s.centralCommittee.elected} is after ${s.start})` });
  return issues;
}

function checkCharacters(s: Scenario, ids: KnownIds): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  for (const id of sortedKeys(s.characters)) {
    const c = s.characters[id];
    const at = (...rest: (string | number)[]) => ["characters", id, ...rest];
    if (c.died !== undefined && c.died < c.born) issues.push({ path: at("died"), message: `died (${c.died}) before born (${c.born})` });
    c.posts.forEach((post, i) => issues.push(...reference("post", post, ids.posts, at("posts", i))));
    if (c.patron === id) issues.push({ path: at("patron"), message: `"${id}" cannot be their own patron` });
    else if (c.patron !== null) issues.push(...reference("character", c.patron, ids.characters, at("patron")));
    issues.push(...keysOf("character", c.trust, ids.characters, at("trust")));
    issues.push(...keysOf("character", c.opinions, ids.characters, at("opinions")));
    issues.push(...keysOf("character", c.kompromat, ids.characters, at("kompromat")));
    c.grievances.forEach((g, i) => issues.push(...reference("character", g.against, ids.characters, at("grievances", i, "against"))));
    issues.push(...keysOf("constituency", c.clients, ids.constituencies, at("clients")));
  }
  return issues;
}

/** Each post has at most one holder; a First Secretary sits in the Presidium as a full member. */
function checkPosts(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const postIds = new Set(Object.keys(s.posts));
  for (const post of sortedKeys(s.posts)) {
    const holders = sortedKeys(s.characters).filter((id) => s.characters[id].posts.includes(post));
    if (holders.length > 1) {
      for (const h of holders.slice(1)) issues.push({ path: ["characters", h, "posts", s.characters[h].posts.indexOf(post)], message: `the post "${post}" is already held by ${holders[0]}; a post has one holder` });
    }
    const above = s.posts[post].deputyOf;
    if (above !== undefined) {
      if (above === post) issues.push({ path: ["posts", post, "deputyOf"], message: `the post "${post}" cannot be its own deputy; name the post it answers to, or remove deputyOf` });
      else issues.push(...reference("post", above, postIds, ["posts", post, "deputyOf"]));
      // The spoils are shared out from the most valuable post down, so a superior is handed out first.
      if (above !== post && s.posts[above] && s.posts[above].value <= s.posts[post].value) issues.push({ path: ["posts", post, "value"], message: `a deputy post is worth less than the post it answers to: "${post}" is worth ${s.posts[post].value}, "${above}" ${s.posts[above].value}; lower one or raise the other` });
      for (const h of holders) if (above !== post && s.characters[h].posts.includes(above)) issues.push({ path: ["characters", h, "posts", s.characters[h].posts.indexOf(post)], message: `${h} holds both "${above}" and "${post}", its deputy post; no one is ${pronounsFor(s.characters[h].gender).his} own deputy: give ${pronounsFor(s.characters[h].gender).him} one of them` });
    }
    if (s.posts[post].powers.includes("firstSecretary") && holders.length === 1 && s.characters[holders[0]].presidium !== "full") {
      issues.push({ path: ["characters", holders[0], "presidium"], message: `the holder of a First Secretary's post (${post}) must be a full Presidium member, got ${s.characters[holders[0]].presidium}` });
    }
  }
  return issues;
}

/** Patron chains must end; a self-patron is reported with the character. */
function checkPatronCycles(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const reported = new Set<string>();
  for (const start of sortedKeys(s.characters)) {
    const chain: string[] = [];
    let current: string | null = start;
    while (current !== null && Object.hasOwn(s.characters, current) && !chain.includes(current)) {
      chain.push(current);
      current = s.characters[current].patron;
    }
    if (current === null || !chain.includes(current)) continue;
    const cycle = chain.slice(chain.indexOf(current));
    if (cycle.length < 2) continue;
    const first = [...cycle].sort()[0];
    if (reported.has(first)) continue;
    reported.add(first);
    const rotated = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first)), first];
    issues.push({ path: ["characters", first, "patron"], message: `patron cycle: ${rotated.join(" -> ")}` });
  }
  return issues;
}

function checkClientShares(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  for (const constituency of sortedKeys(s.constituencies)) {
    const holders = sortedKeys(s.characters).filter((id) => Object.hasOwn(s.characters[id].clients, constituency));
    const total = holders.reduce((sum, id) => sum + s.characters[id].clients[constituency], 0);
    if (total > 1 + 1e-9) {
      const parts = holders.map((id) => `${id} ${s.characters[id].clients[constituency]}`).join(", ");
      issues.push({ path: ["constituencies", constituency], key: true, message: `client shares of "${constituency}" sum to ${round(total)} over characters (${parts}); at most 1` });
    }
  }
  return issues;
}

function checkCentralCommittee(s: Scenario, ids: KnownIds): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const seenRows = new Map<string, number>();
  const generated = new Set<string>();
  s.centralCommittee.composition.forEach((row, i) => {
    const at = (...rest: (string | number)[]) => ["centralCommittee", "composition", i, ...rest];
    issues.push(...reference("constituency", row.constituency, ids.constituencies, at("constituency")));
    const earlier = seenRows.get(row.constituency);
    if (earlier !== undefined) issues.push({ path: at("constituency"), message: `constituency "${row.constituency}" already has a row (composition ${earlier})` });
    else seenRows.set(row.constituency, i);
    issues.push(...keysOf("constituency", row.mix, ids.constituencies, at("mix")));
    const mix = Object.values(row.mix).reduce((a, b) => a + b, 0);
    if (Math.abs(mix - 1) > shareTolerance) issues.push({ path: at("mix"), message: `constituency shares in mix sum to ${round(mix)}, expected 1` });
    const distance = row.distance.near + row.distance.mid + row.distance.far;
    if (Math.abs(distance - 1) > shareTolerance) issues.push({ path: at("distance"), message: `distance shares (near + mid + far) sum to ${round(distance)}, expected 1` });
    for (let v = 1; v <= row.voting; v++) generated.add(`${row.constituency}-v${v}-0`);
    for (let c = 1; c <= row.candidates; c++) generated.add(`${row.constituency}-c${c}-0`);
  });
  const total = s.centralCommittee.composition.reduce((n, r) => n + r.voting + r.candidates, 0);
  if (total > MAX_CC) issues.push({ path: ["centralCommittee", "composition"], message: `the composition has ${total} seats in all; at most ${MAX_CC} (the largest CC of the period had 360 members and candidates)` });
  const named = s.centralCommittee.named;
  issues.push(...duplicateIds(named, ["centralCommittee", "named"]));
  named.forEach((m, i) => {
    const at = (...rest: (string | number)[]) => ["centralCommittee", "named", i, ...rest];
    if (ids.characters.has(m.id)) issues.push({ path: at("id"), message: `CC member id "${m.id}" is also a character id; a principal is not listed among named CC members` });
    if (generated.has(m.id)) issues.push({ path: at("id"), message: `CC member id "${m.id}" is the id a generated member would get; choose another` });
    issues.push(...reference("constituency", m.constituency, ids.constituencies, at("constituency")));
    if (m.patron !== null) issues.push(...reference("character", m.patron, ids.characters, at("patron")));
    const row = s.centralCommittee.composition.find((r) => r.constituency === m.constituency);
    const seats = row ? (m.seat === "voting" ? row.voting : row.candidates) : 0;
    const before = named.slice(0, i).filter((o) => o.constituency === m.constituency && o.seat === m.seat).length;
    // Named members are seated in their constituency's row: one with no row would be dropped.
    if (!row && ids.constituencies.has(m.constituency)) issues.push({ path: at("constituency"), message: `the composition has no row for "${m.constituency}", so this member would have no seat; add a row for it or change his constituency` });
    else if (row && seats === 0) issues.push({ path: at("seat"), message: `the row "${m.constituency}" has no ${m.seat} seats; raise its count or change the seat` });
    else if (row && before >= seats) issues.push({ path: at("seat"), message: `the row "${m.constituency}" has ${seats} ${m.seat} seat${seats === 1 ? "" : "s"}, all taken by named members before this one; raise its count or change the seat` });
  });
  s.reserve.forEach((r, i) => {
    const at = (...rest: (string | number)[]) => ["reserve", i, ...rest];
    if (ids.characters.has(r.id) || named.some((m) => m.id === r.id) || generated.has(r.id)) issues.push({ path: at("id"), message: `reserve id "${r.id}" is already used by a character, a CC member or a generated member` });
    issues.push(...reference("constituency", r.constituency, ids.constituencies, at("constituency")));
    if (r.patron !== null) issues.push(...reference("character", r.patron, ids.characters, at("patron")));
  });
  issues.push(...duplicateIds(s.reserve, ["reserve"]));
  issues.push(...surnameIssues(s), ...raisedIdIssues(s));
  return issues;
}

/** No man in the file may take an id of the form a run gives the men it raises from the CC ("raised-1"). */
function raisedIdIssues(s: Scenario): ScenarioIssue[] {
  const people: { path: (string | number)[]; id: string; key?: true }[] = [
    ...Object.keys(s.characters).map((id) => ({ path: ["characters", id], id, key: true as const })),
    ...s.centralCommittee.named.map((m, i) => ({ path: ["centralCommittee", "named", i, "id"], id: m.id })),
    ...s.reserve.map((r, i) => ({ path: ["reserve", i, "id"], id: r.id })),
  ];
  return people
    .filter((x) => x.id.startsWith(RAISED_PREFIX))
    .map((x) => ({ path: x.path, message: `the id "${x.id}" has the form of one a run gives a man it raises from the Central Committee ("${RAISED_PREFIX}1", ...); choose another`, ...(x.key ? { key: true } : {}) }));
}

/**
 * The surnames for generated newcomers: each once, and none a character's or a named member's, so
 * that a log never passes a generated man off as a historical one.
 */
function surnameIssues(s: Scenario): ScenarioIssue[] {
  const historical = new Set([...Object.values(s.characters).map((c) => c.name), ...s.centralCommittee.named.map((m) => m.name), ...s.reserve.map((r) => r.name)].map(surnameOf));
  const issues: ScenarioIssue[] = [];
  s.centralCommittee.surnames.forEach((surname, i) => {
    const at = ["centralCommittee", "surnames", i];
    if (historical.has(surname)) issues.push({ path: at, message: `"${surname}" is the surname of a historical figure in this file; a generated newcomer must not pass for him, so choose another` });
    if (s.centralCommittee.surnames.indexOf(surname) < i) issues.push({ path: at, message: `"${surname}" is listed twice; each newcomer needs his own name` });
  });
  return issues;
}

/** The largest Central Committee a scenario may have (members and candidates): well above history's 360. */
const MAX_CC = 2000;

function checkCongresses(s: Scenario, ids: KnownIds): ScenarioIssue[] {
  const issues = duplicateIds(s.congresses, ["congresses"]);
  s.congresses.forEach((c, i) => {
    for (const row of sortedKeys(c.seats)) {
      if (!s.centralCommittee.composition.some((r) => r.constituency === row)) issues.push({ path: ["congresses", i, "seats", row], key: true, message: `no composition row for "${row}" (rows: ${s.centralCommittee.composition.map((r) => r.constituency).join(", ")})` });
    }
    void ids;
  });
  return issues;
}

function checkPolicies(s: Scenario, ids: KnownIds): ScenarioIssue[] {
  const issues = duplicateIds(s.policies, ["policies"]);
  s.policies.forEach((p, i) => {
    const at = (...rest: (string | number)[]) => ["policies", i, ...rest];
    issues.push(...keysOf("constituency", p.effects, ids.constituencies, at("effects")));
    issues.push(...keysOf("character", p.aggrieves, ids.characters, at("aggrieves")));
    issues.push(...keysOf("character", p.exposes, ids.characters, at("exposes")));
    issues.push(...keysOf("event", p.risks, ids.events, at("risks")));
    p.requires.forEach((r, j) => issues.push(...reference("policy", r, ids.policies, at("requires", j))));
    // Only a failure opens it: an event must give a bad signal (severity above 0) of the kind.
    if (p.answers !== undefined && !s.events.some((e) => e.effects.signal?.kind === p.answers && (e.effects.signal?.severity ?? 0) > 0)) {
      const kinds = [...new Set(s.events.flatMap((e) => (e.effects.signal && e.effects.signal.severity > 0 ? [e.effects.signal.kind] : [])))].sort();
      issues.push({ path: at("answers"), message: `no event gives a "${p.answers}" failure (a signal of that kind with a severity above 0), so the policy could never be proposed (failures the events give: ${kinds.join(", ") || "none"})` });
    }
    p.replaces.forEach((r, j) => issues.push(...reference("policy", r, ids.policies, at("replaces", j))));
    if (p.champion !== undefined) {
      issues.push(...reference("character", p.champion, ids.characters, at("champion")));
      if (!p.inForce) issues.push({ path: at("champion"), message: "only a policy in force at the start has a champion in the file; the model records who proposes the others" });
    }
  });
  return issues;
}

function checkEvents(s: Scenario, ids: KnownIds): ScenarioIssue[] {
  const issues = duplicateIds(s.events, ["events"]);
  s.events.forEach((e, i) => {
    const at = (...rest: (string | number)[]) => ["events", i, ...rest];
    e.effects.blame.forEach((p, j) => issues.push(...reference("policy", p, ids.policies, at("effects", "blame", j))));
    e.effects.grievances.forEach((g, j) => {
      issues.push(...reference("character", g.who, ids.characters, at("effects", "grievances", j, "who")));
      if (g.against !== undefined) issues.push(...reference("character", g.against, ids.characters, at("effects", "grievances", j, "against")));
    });
    issues.push(...keysOf("character", e.effects.stance, ids.characters, at("effects", "stance")));
    e.chance?.requires.forEach((p, j) => issues.push(...reference("policy", p, ids.policies, at("chance", "requires", j))));
    e.chance?.unless.forEach((x, j) => issues.push(...reference("event", x, ids.events, at("chance", "unless", j))));
    if (e.onlyWhileFirst !== undefined) issues.push(...reference("character", e.onlyWhileFirst, ids.characters, at("onlyWhileFirst")));
  });
  return issues;
}

function checkTrips(s: Scenario, ids: KnownIds): ScenarioIssue[] {
  const issues = duplicateIds(s.trips, ["trips"]);
  const powers = new Set<string>(powerNames);
  s.trips.forEach((t, i) => {
    if (!ids.characters.has(t.traveller) && !powers.has(t.traveller) && t.traveller !== "first") issues.push({ path: ["trips", i, "traveller"], message: `"${t.traveller}" is neither a character, a power nor "first" (whoever holds primacy) (characters: ${[...ids.characters].sort().join(", ")}; powers: ${powerNames.join(", ")})` });
    if (t.constituency !== undefined) issues.push(...reference("constituency", t.constituency, ids.constituencies, ["trips", i, "constituency"]));
  });
  return issues;
}

function checkOutsidePatron(s: Scenario, ids: KnownIds): ScenarioIssue[] {
  return s.outsidePatron ? keysOf("character", s.outsidePatron.stance, ids.characters, ["outsidePatron", "stance"]) : [];
}

function checkHistory(s: Scenario, ids: KnownIds): ScenarioIssue[] {
  const issues = reference("character", s.history.primacyAtEnd, ids.characters, ["history", "primacyAtEnd"]);
  s.history.contests.forEach((c, i) => {
    issues.push(...reference("character", c.target, ids.characters, ["history", "contests", i, "target"]));
    c.movedBy.forEach((m, j) => issues.push(...reference("character", m, ids.characters, ["history", "contests", i, "movedBy", j])));
    c.demand.forEach((p, j) => issues.push(...reference("post", p, ids.posts, ["history", "contests", i, "demand", j])));
  });
  issues.push(...duplicateIds(s.chapters, ["chapters"]));
  s.chapters.forEach((c, i) => {
    issues.push(...reference("character", c.primacy, ids.characters, ["chapters", i, "primacy"]));
    if (c.date < s.start || c.date > s.end) issues.push({ path: ["chapters", i, "date"], message: `${c.date} is outside the scenario, which runs from ${s.start} to ${s.end}` });
  });
  return issues;
}

function duplicateIds(list: readonly { id: string }[], at: (string | number)[]): ScenarioIssue[] {
  const first = new Map<string, number>();
  const issues: ScenarioIssue[] = [];
  list.forEach((element, i) => {
    const earlier = first.get(element.id);
    if (earlier === undefined) first.set(element.id, i);
    else issues.push({ path: [...at, i, "id"], message: `duplicate id "${element.id}" (first used by ${[...at, earlier].join(".")})` });
  });
  return issues;
}

/** Each what-if alone must apply to the scenario; the first failing patch entry is reported. */
function checkWhatIfs(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  for (const name of sortedKeys(s.whatIfs)) {
    try {
      applyWhatIfs(s, [name]);
    } catch (error) {
      if (!(error instanceof WhatIfError)) throw error;
      const path: (string | number)[] = ["whatIfs", name, "patch"];
      if (error.patchIndex !== undefined) path.push(error.patchIndex);
      if (error.field !== undefined) path.push(error.field);
      issues.push({ path, message: error.detail });
    }
  }
  return issues;
}
