// Cross-reference checks on a schema-valid scenario: the things a zod schema cannot say (this id must
// name a character, these shares must sum to 1, exactly one leader). Pure: the loader maps the paths
// of the issues to lines in the file.
import type { ScenarioFile as Scenario } from "./schema.js";
import { applyWhatIfs, WhatIfError } from "./what-if.js";

export interface ScenarioIssue {
  /** Path into the scenario data; list elements by index. */
  path: (string | number)[];
  message: string;
  /** The fault is the mapping key the path ends in, not its value (e.g. an unknown trust key). */
  key?: true;
}

const shareTolerance = 0.01;

/** All cross-reference problems of a scenario, in a fixed order (record keys walked sorted). */
export function checkScenario(s: Scenario): ScenarioIssue[] {
  const ids = knownIds(s);
  return [
    ...checkDates(s),
    ...checkCharacters(s, ids),
    ...checkLeader(s),
    ...checkPatronCycles(s),
    ...checkClientShares(s),
    ...checkCentralCommittee(s, ids),
    ...checkPolicies(s, ids),
    ...checkEvents(s, ids),
    ...checkTravellers(s, ids),
    ...duplicateIds(s.trips, ["trips"]),
    ...checkHistory(s, ids),
    ...checkWhatIfs(s),
  ];
}

interface KnownIds {
  characters: Set<string>;
  posts: Set<string>;
  policies: Set<string>;
  constituencies: Set<string>;
}

function knownIds(s: Scenario): KnownIds {
  return {
    characters: new Set(Object.keys(s.characters)),
    posts: new Set(Object.keys(s.posts)),
    policies: new Set(s.policies.map((p) => p.id)),
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

function sortedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).sort();
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function checkDates(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  // With the span itself wrong, "outside the scenario" would flag every date: report the span alone.
  const spanOk = s.start < s.end;
  if (!spanOk) issues.push({ path: ["end"], message: `the scenario must end after it starts: end ${s.end} is not after start ${s.start}` });
  const within = (date: string, path: (string | number)[], what: string) => {
    if (spanOk && (date < s.start || date > s.end)) issues.push({ path, message: `${what} ${date} is outside the scenario (${s.start} to ${s.end})` });
  };
  s.events.forEach((e, i) => within(e.date, ["events", i, "date"], "event date"));
  s.trips.forEach((t, i) => {
    within(t.from, ["trips", i, "from"], "trip start");
    within(t.to, ["trips", i, "to"], "trip end");
    if (t.to < t.from) issues.push({ path: ["trips", i, "to"], message: `trip ends (${t.to}) before it starts (${t.from})` });
  });
  const byStart = s.trips.map((t, i) => ({ t, i })).sort((a, b) => (a.t.from < b.t.from ? -1 : a.t.from > b.t.from ? 1 : a.i - b.i));
  for (let k = 1; k < byStart.length; k++) {
    const earlier = byStart[k - 1].t;
    const { t, i } = byStart[k];
    // Days are inclusive: a trip that starts on the day another ends overlaps it.
    if (t.from <= earlier.to) {
      issues.push({ path: ["trips", i, "from"], message: `trip "${t.id}" (${t.from} to ${t.to}) overlaps trip "${earlier.id}" (${earlier.from} to ${earlier.to})` });
    }
  }
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
    for (const other of sortedKeys(c.trust)) issues.push(...reference("character", other, ids.characters, at("trust", other), true));
    c.grievances.forEach((g, i) => issues.push(...reference("character", g.against, ids.characters, at("grievances", i, "against"))));
    for (const constituency of sortedKeys(c.clients)) {
      issues.push(...reference("constituency", constituency, ids.constituencies, at("clients", constituency), true));
    }
  }
  return issues;
}

/** Exactly one character holds a post with the `leader` power, and sits in the Presidium as a full member. */
function checkLeader(s: Scenario): ScenarioIssue[] {
  const leaderPosts = sortedKeys(s.posts).filter((p) => s.posts[p].powers.includes("leader"));
  if (leaderPosts.length === 0) {
    return [{ path: ["posts"], key: true, message: `no post has the "leader" power; exactly one character must hold such a post` }];
  }
  const holders = sortedKeys(s.characters).flatMap((id) => {
    const posts = s.characters[id].posts;
    const index = posts.findIndex((p) => leaderPosts.includes(p));
    return index >= 0 ? [{ id, index, post: posts[index] }] : [];
  });
  if (holders.length === 0) {
    return [{ path: ["posts", leaderPosts[0]], key: true, message: `nobody holds a post with the "leader" power (${leaderPosts.join(", ")}); exactly one character must` }];
  }
  if (holders.length > 1) {
    const all = holders.map((h) => `${h.id} (${h.post})`).join(", ");
    return holders.map((h) => ({
      path: ["characters", h.id, "posts", h.index],
      message: `more than one character holds a post with the "leader" power: ${all}; exactly one must`,
    }));
  }
  const leader = holders[0];
  const presidium = s.characters[leader.id].presidium;
  if (presidium === "full") return [];
  return [{ path: ["characters", leader.id, "presidium"], message: `the leader (${leader.post}) must be a full Presidium member, got ${presidium}` }];
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
  s.centralCommittee.composition.forEach((row, i) => {
    const at = (...rest: (string | number)[]) => ["centralCommittee", "composition", i, ...rest];
    issues.push(...reference("constituency", row.constituency, ids.constituencies, at("constituency")));
    const earlier = seenRows.get(row.constituency);
    if (earlier !== undefined) issues.push({ path: at("constituency"), message: `constituency "${row.constituency}" already has a row (composition ${earlier})` });
    else seenRows.set(row.constituency, i);
    for (const c of sortedKeys(row.mix)) issues.push(...reference("constituency", c, ids.constituencies, at("mix", c), true));
    const mix = Object.values(row.mix).reduce((a, b) => a + b, 0);
    if (Math.abs(mix - 1) > shareTolerance) issues.push({ path: at("mix"), message: `constituency shares in mix sum to ${round(mix)}, expected 1` });
    const distance = row.distance.near + row.distance.mid + row.distance.far;
    if (Math.abs(distance - 1) > shareTolerance) issues.push({ path: at("distance"), message: `distance shares (near + mid + far) sum to ${round(distance)}, expected 1` });
  });
  const named = s.centralCommittee.named;
  issues.push(...duplicateIds(named, ["centralCommittee", "named"]));
  named.forEach((m, i) => {
    const at = (...rest: (string | number)[]) => ["centralCommittee", "named", i, ...rest];
    if (ids.characters.has(m.id)) issues.push({ path: at("id"), message: `CC member id "${m.id}" is also a character id; a principal is not listed among named CC members` });
    issues.push(...reference("constituency", m.constituency, ids.constituencies, at("constituency")));
    if (m.patron !== null) issues.push(...reference("character", m.patron, ids.characters, at("patron")));
  });
  return issues;
}

function checkPolicies(s: Scenario, ids: KnownIds): ScenarioIssue[] {
  const issues = duplicateIds(s.policies, ["policies"]);
  s.policies.forEach((p, i) => {
    for (const c of sortedKeys(p.effects)) issues.push(...reference("constituency", c, ids.constituencies, ["policies", i, "effects", c], true));
    for (const who of sortedKeys(p.aggrieves)) issues.push(...reference("character", who, ids.characters, ["policies", i, "aggrieves", who], true));
  });
  return issues;
}

function checkEvents(s: Scenario, ids: KnownIds): ScenarioIssue[] {
  const issues = duplicateIds(s.events, ["events"]);
  s.events.forEach((e, i) => {
    const at = (...rest: (string | number)[]) => ["events", i, "effects", ...rest];
    const fx = e.effects;
    if (fx.enact !== undefined) issues.push(...reference("policy", fx.enact, ids.policies, at("enact")));
    if (fx.repeal !== undefined) issues.push(...reference("policy", fx.repeal, ids.policies, at("repeal")));
    if (fx.death !== undefined) issues.push(...reference("character", fx.death, ids.characters, at("death")));
    if (e.onlyWhileLeader !== undefined) issues.push(...reference("character", e.onlyWhileLeader, ids.characters, ["events", i, "onlyWhileLeader"]));
    fx.grievances.forEach((g, j) => issues.push(...reference("character", g.who, ids.characters, at("grievances", j, "who"))));
    fx.postChanges.forEach((change, j) => {
      issues.push(...reference("character", change.who, ids.characters, at("postChanges", j, "who")));
      change.add.forEach((post, k) => issues.push(...reference("post", post, ids.posts, at("postChanges", j, "add", k))));
      change.remove.forEach((post, k) => issues.push(...reference("post", post, ids.posts, at("postChanges", j, "remove", k))));
    });
  });
  return issues;
}

function checkTravellers(s: Scenario, ids: KnownIds): ScenarioIssue[] {
  return s.trips.flatMap((t, i) => (t.traveller === undefined ? [] : reference("character", t.traveller, ids.characters, ["trips", i, "traveller"])));
}

function checkHistory(s: Scenario, ids: KnownIds): ScenarioIssue[] {
  return reference("character", s.history.outcome.newFirstSecretary, ids.characters, ["history", "outcome", "newFirstSecretary"]);
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
