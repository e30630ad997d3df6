import { describe, it, expect } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { checkScenario } from "../src/engine/scenario/consistency.js";
import { scenarioSchema } from "../src/engine/scenario/schema.js";
import { applySetting, applyWhatIfs, parseSettingValue, WhatIfError } from "../src/engine/scenario/what-if.js";
import { listScenarios, resolveScenario } from "../src/scenarios/catalog.js";
import { loadScenarioFile, ScenarioError } from "../src/scenarios/load.js";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const minimalFile = join(fixtures, "minimal.yaml");

/** The issue lines a file produces, or [] when it loads. */
function issuesOf(file: string, whatIfs: string[] = []): string[] {
  try {
    loadScenarioFile(file, { whatIfs });
    return [];
  } catch (error) {
    if (error instanceof ScenarioError) return [...error.issues];
    throw error;
  }
}

/** What the loader calls a file in its messages (relative to where the tests run). */
function shown(file: string): string {
  return relative(process.cwd(), file);
}

function minimalData(): unknown {
  return parse(readFileSync(minimalFile, "utf8"));
}

describe("a valid scenario", () => {
  it("loads, with defaults filled in", () => {
    const { scenario, file } = loadScenarioFile(minimalFile);
    expect(file).toBe(minimalFile);
    expect(scenario.id).toBe("minimal");
    expect(scenario.characters.semichastny.trust).toEqual({});
    expect(scenario.characters.semichastny.patron).toBe("brezhnev");
  });

  it("has no cross-reference issues", () => {
    expect(checkScenario(scenarioSchema.parse(minimalData()))).toEqual([]);
  });

  it("loads with a what-if applied before validation", () => {
    const { scenario } = loadScenarioFile(minimalFile, { whatIfs: ["loyal-kgb"] });
    expect(scenario.characters.semichastny.traits.loyalty).toEqual({ value: 0.95, reason: "loyal to Shelepin" });
    expect(scenario.characters.semichastny.patron).toBeNull();
  });
});

describe("broken scenario files are reported at FILE:LINE:COL", () => {
  // Each fixture is minimal.yaml with one thing wrong; line 2 says what.
  const cases: [fixture: string, issues: string[]][] = [
    ["bad-indentation", ["32:4: YAML syntax: All mapping items must start at the same column"]],
    ["tab-indentation", ["32:1: YAML syntax: Tabs are not allowed as indentation"]],
    ["duplicate-key", ['52:5: YAML syntax: duplicate key "born" (keys in a mapping must be unique)']],
    [
      "unknown-field",
      [
        "36:5: characters.khrushchev.secretry: unknown field (allowed: name, nameRu, gender, born, died, bio, faction, sources, health, incapacitated, presidium, secretary, startsOutside, posts, patron, traits, opinions, trust, grievances, prestige, believesCcDecides, kompromat, record, travel, clients)",
      ],
    ],
    ["missing-field", ["49:5: characters.brezhnev.bio: required field is missing"]],
    ["wrong-type", ['51:11: characters.brezhnev.born: expected a year (integer), got "1906a"']],
    ["trait-out-of-range", ["60:26: characters.brezhnev.traits.ambition.value: expected ambition from 0 to 1, got 1.7"]],
    ["unknown-patron", ['83:13: characters.semichastny.patron: unknown character "brezhnyev" (known: brezhnev, khrushchev, semichastny)']],
    ["unknown-trust-key", ['68:14: characters.brezhnev.trust.semichastnyy: unknown character "semichastnyy" (known: brezhnev, khrushchev, semichastny)']],
    ["own-patron", ['83:13: characters.semichastny.patron: "semichastny" cannot be their own patron']],
    ["patron-cycle", ["58:13: characters.brezhnev.patron: patron cycle: brezhnev -> khrushchev -> semichastny -> brezhnev"]],
    ["died-before-born", ["36:11: characters.khrushchev.died: died (1890) before born (1894)"]],
    ["duplicate-id", ['123:9: policies.1.id: duplicate id "party-split" (first used by policies.0)']],
    [
      "cc-member-is-character",
      ['106:11: centralCommittee.named.brezhnev.id: CC member id "brezhnev" is also a character id; a principal is not listed among named CC members'],
    ],
    ["start-after-end", ["7:6: end: the scenario must end after it starts: end 1963-12-31 is not after start 1964-01-01"]],
    // Trips are offers (MODEL.md section 4): an offer may not close before it opens, nor open outside the run.
    ["trip-ends-before-start", ["133:12: trips.pitsunda-holiday.until: the offer closes (1964-09-20) before it opens (1964-09-23)"]],
    ["trip-outside-scenario", ["132:11: trips.pitsunda-holiday.from: trip offer 1965-01-03 is outside the scenario (1964-01-01 to 1964-12-31)"]],
    [
      "unknown-traveller",
      [
        '131:16: trips.pitsunda-holiday.traveller: "khruschev" is neither a character, a power nor \"first\" (whoever holds primacy) (characters: brezhnev, khrushchev, semichastny; powers: firstSecretary, chairsPresidium, government, secondSecretary, cadres, security, army, transport, archives, headOfState, economy, ideology, control, diplomacy, republic)',
      ],
    ],
    // Issue 15: a key naming JavaScript's object machinery would be dropped silently.
    ["proto-key", ['68:32: "__proto__" cannot be a key (__proto__, constructor, prototype name no scenario field and no id); rename it']],
    ["mix-not-summing", ["101:12: centralCommittee.composition.0.mix: constituency shares in mix sum to 1.1, expected 1"]],
    ["distance-not-summing", ["103:17: centralCommittee.composition.0.distance: distance shares (near + mid + far) sum to 0.9, expected 1"]],
    [
      "client-shares-over-one",
      ['25:3: constituencies.regional: client shares of "regional" sum to 1.1 over characters (brezhnev 0.4, khrushchev 0.7); at most 1'],
    ],
    ["unknown-post", ['57:13: characters.brezhnev.posts.0: unknown post "second-secretry" (known: first-secretary, kgb-chairman, second-secretary)']],
    // A deputy post names the post it is deputy to, and no one holds both.
    ["own-deputy", ['38:30: characters.khrushchev.posts.1: khrushchev holds both "first-secretary" and "second-secretary", its deputy post; no one is his own deputy: give him one of them']],
    ["self-deputy", ['20:15: posts.second-secretary.deputyOf: the post "second-secretary" cannot be its own deputy; name the post it answers to, or remove deputyOf']],
    ["deputy-worth-more", ['19:12: posts.second-secretary.value: a deputy post is worth less than the post it answers to: "second-secretary" is worth 1, "first-secretary" 1; lower one or raise the other']],
    ["unknown-deputy-of", ['20:15: posts.second-secretary.deputyOf: unknown post "first-secretry" (known: first-secretary, kgb-chairman, second-secretary)']],
    ["unknown-policy", ['127:41: events.harvest-report.effects.blame.0: unknown policy "party-splitt" (known: party-split)']],
    ["unknown-constituency", ['121:16: policies.party-split.effects.regionl: unknown constituency "regionl" (known: army, regional)']],
    ["champion-not-in-force", ["118:15: policies.party-split.champion: only a policy in force at the start has a champion in the file; the model records who proposes the others"]],
    ["unknown-source-key", ['129:13: events.harvest-report.source: unknown source "harvest-report-1964": define it under sources at the top of the file, or cite a key defined there']],
    ["unknown-unless-event", ['125:37: events.harvest-report.chance.unless.0: unknown event "good-harvst" (known: harvest-report)']],
    ["event-date-and-chance", ["124:5: events.harvest-report: an event needs exactly one of date (it happens then) or chance (it may happen)"]],
    // Version 2 has no "leader" power; the First Secretary's post is what two men cannot share.
    ["two-leaders", ['37:13: characters.khrushchev.posts.0: the post "first-secretary" is already held by brezhnev; a post has one holder']],
    [
      "leader-not-full-member",
      ["35:16: characters.khrushchev.presidium: the holder of a First Secretary's post (first-secretary) must be a full Presidium member, got candidate"],
    ],
    [
      "unresolved-patch-path",
      [
        '143:14: whatIfs.loyal-kgb.patch.0.set: path "characters.semichastny.trait.loyalty" does not resolve: no "trait" in characters.semichastny (has: name, nameRu, born, bio, faction, health, presidium, posts, patron, traits, opinions)',
      ],
    ],
    [
      "malformed-patch",
      [
        "145:9: whatIfs.loyal-kgb.patch.1.remove: required field is missing",
        "145:9: whatIfs.loyal-kgb.patch.1.remve: unknown field (allowed: set, value, reason, remove)",
      ],
    ],
    // Issue 15: spans and seat counts that validated, then crashed or exhausted `run`, are bounded.
    ["span-too-long", ["7:6: end: the scenario spans 1000 years (1964-01-01 to 2964-12-31); at most 20 are allowed (a week is a turn: longer runs are not a scenario of this model)"]],
    ["cc-row-seats-unbounded", ["99:15: centralCommittee.composition.0.voting: expected a number of voting seats of at most 2000 (no CC ever had more than a few hundred members), got 20000000"]],
    ["cc-too-many-seats", ["97:5: centralCommittee.composition: the composition has 2500 seats in all; at most 2000 (the largest CC of the period had 360 members and candidates)"]],
    // Issue 15: named members who would be dropped, or would share an id with a generated one, are refused.
    ["named-member-no-seat", ['108:13: centralCommittee.named.ignatov.seat: the row "regional" has no candidate seats; raise its count or change the seat']],
    ["named-member-no-row", ['109:21: centralCommittee.named.ignatov.constituency: the composition has no row for "army", so this member would have no seat; add a row for it or change his constituency']],
    ["named-member-generated-id", ['106:11: centralCommittee.named.regional-v3-0.id: CC member id "regional-v3-0" is the id a generated member would get; choose another']],
    // The patched value is wrong, so the report points at the patch that wrote it.
    ["patched-value-invalid", ['144:16: characters.semichastny.traits.loyalty.value: with what-if "loyal-kgb": expected loyalty from 0 to 1, got 1.95']],
  ];

  it.each(cases)("%s", (fixture, expected) => {
    const file = join(fixtures, "broken", `${fixture}.yaml`);
    expect(issuesOf(file)).toEqual(expected.map((issue) => `${shown(file)}:${issue}`));
  });

  it("covers every fixture in test/fixtures/broken", async () => {
    const { readdirSync } = await import("node:fs");
    const files = readdirSync(join(fixtures, "broken")).map((f) => basename(f, ".yaml")).sort();
    expect(files).toEqual(cases.map(([name]) => name).sort());
  });
});

describe("version 1 constraints that version 2 drops on purpose", () => {
  const dir = mkdtempSync(join(tmpdir(), "presidium-v2-"));
  const minimal = readFileSync(minimalFile, "utf8");
  const load = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return loadScenarioFile(file).scenario;
  };

  it("no post needs to make anyone First Secretary: a scenario may start with nobody clearly first (MODEL.md section 2)", () => {
    const text = minimal.replace("powers: [firstSecretary, cadres, chairsPresidium]", "powers: [cadres]");
    expect(text).not.toBe(minimal);
    const scenario = load("no-first-secretary.yaml", text);
    expect(Object.values(scenario.posts).some((p) => p.powers.includes("firstSecretary"))).toBe(false);
    // The same file with two holders of one post is still refused: the check that replaced "one leader".
    expect(() => load("shared.yaml", text.replace("posts: [second-secretary]", "posts: [second-secretary, first-secretary]"))).toThrow(/a post has one holder/);
  });

  it("trips are offers, so two offers open at the same time are fine (MODEL.md section 4)", () => {
    const second = '  - id: crimea\n    traveller: khrushchev\n    from: "1964-09-25"\n    until: "1964-10-05"\n    days: 10\n    place: Crimea\n    returnDays: 1\n    note: A second offer, open at the same time.\n';
    const text = minimal.replace("whatIfs:\n", `${second}whatIfs:\n`);
    const scenario = load("two-offers.yaml", text);
    expect(scenario.trips.map((t) => t.id)).toEqual(["pitsunda-holiday", "crimea"]);
    // An overlapping offer that closes before it opens is still caught.
    expect(() => load("bad-offer.yaml", text.replace('until: "1964-10-05"', 'until: "1964-09-24"'))).toThrow(/trips\.crimea\.until: the offer closes \(1964-09-24\) before it opens \(1964-09-25\)/);
  });
});

describe("loader errors that are not about the file's content", () => {
  it("names a missing file in one line", () => {
    const file = join(fixtures, "no-such-scenario.yaml");
    expect(issuesOf(file)).toEqual([`${shown(file)}: no such file`]);
  });

  it("points an unknown what-if name at the whatIfs section, listing the known ones", () => {
    expect(issuesOf(minimalFile, ["nope"])).toEqual([`${shown(minimalFile)}:138:1: whatIfs: unknown what-if "nope" (known: loyal-kgb)`]);
  });

  it("applies single settings after validation-ready what-ifs, reporting bad values with the setting", () => {
    const { scenario } = loadScenarioFile(minimalFile, { settings: [{ path: "globals.fear", value: 0.4 }] });
    expect(scenario.globals.fear.value).toBe(0.4);
    const tooHigh = () => loadScenarioFile(minimalFile, { whatIfs: ["loyal-kgb"], settings: [{ path: "globals.fear", value: 1.4 }] });
    expect(tooHigh).toThrow(`${shown(minimalFile)}:9:18: globals.fear.value: with what-if "loyal-kgb" and setting globals.fear=1.4: expected fear from 0 to 1, got 1.4`);
    const nowhere = () => loadScenarioFile(minimalFile, { settings: [{ path: "globals.dread.value", value: 1 }] });
    expect(nowhere).toThrow(`${shown(minimalFile)}: setting globals.dread.value: path "globals.dread.value" does not resolve: no "dread" in globals (has: fear, ccArbiter)`);
  });

  it("lets a what-if set one model parameter in a group the scenario does not override yet, keeping its other overrides", () => {
    const doc = { parameters: { learning: { contest: { forceLesson: { value: 0.2, reason: "r" } } } }, whatIfs: { still: { patch: [
      { set: "parameters.learning.fear.drift", value: { value: 0, reason: "what-if" } },
      { set: "parameters.crisis.strike.odds", value: { value: 3, reason: "what-if" } },
    ] } } };
    expect((applyWhatIfs(doc, ["still"]) as typeof doc).parameters).toEqual({
      learning: { contest: { forceLesson: { value: 0.2, reason: "r" } }, fear: { drift: { value: 0, reason: "what-if" } } },
      crisis: { strike: { odds: { value: 3, reason: "what-if" } } },
    });
    // Elsewhere a path must exist: a misspelt key is an error, not a new branch.
    expect(() => applyWhatIfs({ globals: {}, whatIfs: { w: { patch: [{ set: "globals.dread.value", value: 1 }] } } }, ["w"])).toThrow(/does not resolve: no "dread" in globals/);
    // Under `parameters` the schema names a group the catalogue does not have.
    expect(() => loadScenarioFile(minimalFile, { settings: [{ path: "parameters.lerning.fear.drift", value: { value: 0, reason: "typo" } }] })).toThrow(/unknown model parameter "lerning\.fear\.drift" \(names are GROUP\.RULE\.NAME; groups: ai, /);
    // Removing is not setting: a missing group is named, not created.
    expect(() => applyWhatIfs({ parameters: {}, whatIfs: { w: { patch: [{ remove: "parameters.learning.fear.drift" }] } } }, ["w"])).toThrow(/no "learning" in parameters/);
  });

  it("formats the error message as the issue lines", () => {
    const error = (() => {
      try {
        loadScenarioFile(join(fixtures, "broken", "wrong-type.yaml"));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).message).toBe((error as ScenarioError).issues.join("\n"));
  });
});

describe("bytes and aliases YAML lets through", () => {
  const dir = mkdtempSync(join(tmpdir(), "presidium-yaml-"));
  const minimal = readFileSync(minimalFile, "utf8");
  const issuesOfText = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return issuesOf(file).map((issue) => issue.slice(file.length));
  };

  it("a NUL byte is refused at its line and column, wherever it is", () => {
    const nul = ": a NUL byte (character code 0): a scenario file is plain text, so this file is damaged or not a scenario; remove the byte";
    const cases: [string, string, string][] = [
      ["in a value", minimal.replace("title: A minimal test scenario", "title: A minimal\u0000 test scenario"), `:4:17${nul}`],
      ["in a comment", minimal.replace("# The smallest", "# The\u0000 smallest"), `:2:6${nul}`],
      ["first in the file", `\u0000${minimal}`, `:1:1${nul}`],
      ["after Windows line ends", minimal.replace(/\n/g, "\r\n").replace("summary: Three", "summary: \u0000Three"), `:5:10${nul}`],
      ["in a key", minimal.replace("  fear:", "  fe\u0000ar:"), `:9:5${nul}`],
    ];
    for (const [what, text, expected] of cases) expect(issuesOfText("nul.yaml", text), what).toEqual([expected]);
  });

  it("an alias to an anchor not defined before it is reported at the alias", () => {
    const cases: [string, string, string[]][] = [
      ["an undefined alias", minimal.replace("title: A minimal test scenario", "title: *nope"), [":4:8: YAML syntax: the alias *nope refers to no anchor &nope defined before it (define the anchor first)"]],
      [
        "an alias before its anchor",
        minimal.replace("  fear: { value: 0.15, reason: low after de-Stalinisation }", "  fear: { value: *low, reason: low after de-Stalinisation }").replace("  prestige: { value: 0.4,", "  prestige: { value: &low 0.4,"),
        [":9:18: YAML syntax: the alias *low refers to no anchor &low defined before it (define the anchor first)"],
      ],
      [
        "two of them, each where it is",
        minimal.replace("title: A minimal test scenario", "title: *one").replace("summary: Three principals, one CC row, one trip.", "summary: *two"),
        [
          ":4:8: YAML syntax: the alias *one refers to no anchor &one defined before it (define the anchor first)",
          ":5:10: YAML syntax: the alias *two refers to no anchor &two defined before it (define the anchor first)",
        ],
      ],
    ];
    for (const [what, text, expected] of cases) expect(issuesOfText("alias.yaml", text), what).toEqual(expected);
    // Defined first, an alias is fine.
    expect(issuesOfText("alias.yaml", minimal.replace("title: A minimal test scenario", "title: &t A minimal test scenario").replace("summary: Three principals, one CC row, one trip.", "summary: *t"))).toEqual([]);
  });
});

describe("large files are answered within seconds", () => {
  const dir = mkdtempSync(join(tmpdir(), "presidium-large-"));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  /** The issues and how long they took. */
  const timed = (file: string) => {
    const started = performance.now();
    const issues = issuesOf(file);
    return { issues, ms: performance.now() - started };
  };
  const keys = (n: number, prefix = "k") => Array.from({ length: n }, (_, i) => `${prefix}${i}: ${i}`);
  const tooLarge = /: too large to be a scenario: .*a scenario file may be at most 5\.0 MB with at most 25,000 keys and list items/;

  it("a file of 100,000 keys, block or flow, and one of 6 MB are refused at once, naming the file", () => {
    const cases = [
      write("block.yaml", `${keys(100_000).join("\n")}\n`),
      write("flow.yaml", `{${keys(100_000).join(", ")}}\n`),
      write("nested.yaml", `${readFileSync(minimalFile, "utf8")}\nextra:\n${keys(100_000, "  k").join("\n")}\n`),
      write("huge.yaml", `title: "${"x".repeat(6 * 1024 * 1024)}"\n`),
    ];
    for (const file of cases) {
      const { issues, ms } = timed(file);
      expect(issues, file).toHaveLength(1);
      // Outside the working folder, files are named by their absolute path.
      expect(issues[0].startsWith(`${file}: too large to be a scenario: `), issues[0]).toBe(true);
      expect(issues[0]).toMatch(tooLarge);
      expect(ms, file).toBeLessThan(2000);
    }
    expect(timed(cases[0]).issues[0]).toMatch(/it holds about 100,000 entries/);
    expect(timed(cases[3]).issues[0]).toMatch(/the file is 6\.0 MB/);
  });

  it("a mapping of 20,000 unknown keys (within the bounds) is checked in linear time, each key at its own line", () => {
    const base = readFileSync(minimalFile, "utf8").replace("globals:\n", `globals:\n${keys(20_000, "  extra").join("\n")}\n`);
    const { issues, ms } = timed(write("wide.yaml", base));
    expect(issues).toHaveLength(20_000);
    expect(issues[0].startsWith(`${join(dir, "wide.yaml")}:9:3: globals.extra0: unknown field`), issues[0]).toBe(true);
    expect(issues[19_999]).toMatch(/:20008:3: globals\.extra19999: unknown field/);
    // Quadratic, this took over 10 s; linear, about one.
    expect(ms).toBeLessThan(5000);
  });

  it("11,000 keys given twice in one mapping are each reported where they repeat, in linear time", () => {
    const twice = [...keys(11_000, "  k"), ...keys(11_000, "  k")].join("\n");
    const base = readFileSync(minimalFile, "utf8").replace("globals:\n", `globals:\n${twice}\n`);
    const { issues, ms } = timed(write("repeated.yaml", base));
    expect(issues).toHaveLength(11_000);
    issues.forEach((issue, i) => expect(issue.endsWith(`:${9 + 11_000 + i}:3: YAML syntax: duplicate key "k${i}" (keys in a mapping must be unique)`), issue).toBe(true));
    expect(ms).toBeLessThan(5000);
  });
});

describe("what-ifs", () => {
  it("setting a number on a judged trait sets its value and keeps the reason", () => {
    const patched = applySetting(minimalData(), "characters.brezhnev.traits.boldness", 0.8) as { characters: Record<string, { traits: Record<string, unknown> }> };
    expect(patched.characters.brezhnev.traits.boldness).toEqual({ value: 0.8, reason: "cautious by habit" });
  });

  it("sets globals the way a sweep's --set does, from command-line text", () => {
    const patched = applySetting(minimalData(), "globals.fear", parseSettingValue("0.4")) as { globals: { fear: { value: unknown } } };
    expect(patched.globals.fear.value).toBe(0.4);
  });

  it("walks lists by element id and creates a missing last key", () => {
    const patched = applySetting(minimalData(), "policies.party-split.effects.army", -0.1) as { policies: { effects: Record<string, number> }[] };
    expect(patched.policies[0].effects).toEqual({ regional: -0.3, army: -0.1 });
  });

  it("removes a list element by id, leaving the input untouched", () => {
    const original = minimalData();
    const doc = {
      ...(original as object),
      whatIfs: { "stay-home": { title: "No holiday", description: "He stays in Moscow.", patch: [{ remove: "trips.pitsunda-holiday" }] } },
    };
    const patched = applyWhatIfs(doc, ["stay-home"]) as { trips: unknown[] };
    expect(patched.trips).toEqual([]);
    expect((doc as unknown as { trips: unknown[] }).trips).toHaveLength(1);
  });

  it("rejects an unknown what-if name, listing the known ones", () => {
    expect(() => applyWhatIfs(minimalData(), ["loyal-army"])).toThrow(WhatIfError);
    expect(() => applyWhatIfs(minimalData(), ["loyal-army"])).toThrow('unknown what-if "loyal-army" (known: loyal-kgb)');
  });

  it("names the what-if and the path when an intermediate step is missing", () => {
    expect(() => applySetting(minimalData(), "characters.mikoyan.traits.loyalty", 1)).toThrow(
      'path "characters.mikoyan.traits.loyalty" does not resolve: no "mikoyan" in characters (has: khrushchev, brezhnev, semichastny)',
    );
    const doc = { ...(minimalData() as object), whatIfs: { broken: { title: "Broken", description: "Broken.", patch: [{ set: "trips.crimea.from", value: "1964-10-01" }] } } };
    expect(() => applyWhatIfs(doc, ["broken"])).toThrow(
      'what-if "broken": path "trips.crimea.from" does not resolve: no element "crimea" in trips (ids: pitsunda-holiday)',
    );
  });

  it("parses setting values", () => {
    expect(parseSettingValue("0.4")).toBe(0.4);
    expect(parseSettingValue("-1")).toBe(-1);
    expect(parseSettingValue("true")).toBe(true);
    expect(parseSettingValue("false")).toBe(false);
    expect(parseSettingValue("null")).toBeNull();
    expect(parseSettingValue("brezhnev")).toBe("brezhnev");
    expect(parseSettingValue("1964-10-14")).toBe("1964-10-14");
  });
});

describe("shipped scenarios", () => {
  const shipped = listScenarios();

  it("an unknown id lists the shipped ones; a path resolves to itself", () => {
    expect(() => resolveScenario("june-1958")).toThrow(/unknown scenario "june-1958" \((shipped: .*|no scenarios are shipped)\)/);
    expect(resolveScenario("test/fixtures/minimal.yaml")).toBe(join(process.cwd(), "test/fixtures/minimal.yaml"));
  });

  it.each(shipped.map((s) => [s.id, s] as const))("%s loads, with every what-if, and its id is its file name", (id, summary) => {
    expect(resolveScenario(id)).toBe(summary.file);
    const { scenario } = loadScenarioFile(summary.file);
    expect(scenario.id).toBe(id);
    expect(summary.whatIfs).toEqual(Object.keys(scenario.whatIfs).sort());
  });

  // Every text of a scenario can reach a player (bios, reasons, notes, history in the dossiers, the
  // desk, the map and the epilogue); the authors' cross-references to their own research notes, such
  // as "(ERA 1b)" or "(FACTS 3)", mean nothing there. Real sources have their own `source:` keys, and
  // YAML comments, which no player sees, may keep such notes.
  it.each(shipped.map((s) => [s.id, s] as const))("%s shows no authors' cross-reference (ERA or FACTS) in its texts", (_id, summary) => {
    const { scenario } = loadScenarioFile(summary.file);
    const found: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (typeof value === "string") {
        if (/\b(ERA|FACTS)\b/.test(value)) found.push(`${path}: ${value}`);
      } else if (value !== null && typeof value === "object") {
        for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
      }
    };
    walk(scenario, "");
    expect(found).toEqual([]);
  });

  // The epilogue and the chronicle print the history's contests, and the dossiers a man's grievances,
  // as they are: their sources belong in `source:`, not as keys in the sentence ("(rayfield-67)"), and
  // a note to the authors ("As in march-1953.") belongs in a YAML comment.
  it.each(shipped.map((s) => [s.id, s] as const))("%s keeps source keys and authors' notes out of its history and grievances", (_id, summary) => {
    const { scenario } = loadScenarioFile(summary.file);
    const keys = new Set(Object.keys(scenario.sources));
    const texts = [
      ...scenario.history.contests.map((c, i) => [`history.contests.${i}.text`, c.text] as const),
      ...Object.entries(scenario.characters).flatMap(([id, c]) => c.grievances.map((g, i) => [`characters.${id}.grievances.${i}.cause`, g.cause] as const)),
    ];
    expect(texts.length).toBeGreaterThan(0);
    const found = texts.filter(([, text]) => [...text.matchAll(/\(([^()]+)\)/g)].some((m) => m[1].split(/[,;]\s*/).some((part) => keys.has(part.trim()))) || /\bAs in [a-z]+-\d{4}\b/.test(text));
    expect(found).toEqual([]);
  });
});
