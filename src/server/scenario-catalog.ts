// The shipped scenarios as the server offers them: a list, a public dossier of each (what a player
// may read before choosing a character: no traits, no hidden numbers), and validated scenarios with
// what-ifs applied, loaded once and kept.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Scenario } from "../engine/index.js";
import { listScenarios, resolveScenario } from "../scenarios/catalog.js";
import { loadScenarioFile } from "../scenarios/load.js";
import { ScenarioError } from "../scenarios/scenario-error.js";
import type { CharacterDossier, ScenarioInfo, ScenarioListing } from "./api-types.js";

export interface LoadedScenario {
  scenario: Scenario;
  /** sha256 of the file's text: a save records it, so a changed scenario can be told apart. */
  hash: string;
}

/** A scenario id, what-if or character that is not there; the message is for the player. */
export class UnknownScenarioInput extends Error {}

export class ScenarioCatalog {
  private readonly loaded = new Map<string, LoadedScenario>();
  private readonly infos = new Map<string, ScenarioInfo>();

  constructor(private readonly dir?: string) {}

  list(): ScenarioListing[] {
    return listScenarios(this.dir).map((s) => {
      const info = this.info(s.id);
      return { id: s.id, title: s.title, start: s.start, end: s.end, summary: info.summary, whatIfs: info.whatIfs };
    });
  }

  ids(): string[] {
    return listScenarios(this.dir).map((s) => s.id);
  }

  load(id: string, whatIfs: readonly string[] = []): LoadedScenario {
    const key = `${id}\u0000${[...whatIfs].join("\u0000")}`;
    const cached = this.loaded.get(key);
    if (cached) return cached;
    if (!this.ids().includes(id)) throw new UnknownScenarioInput(`unknown scenario "${id}" (this server has: ${this.ids().join(", ")})`);
    const file = resolveScenario(id, this.dir);
    const hash = createHash("sha256").update(readFileSync(file)).digest("hex");
    let scenario: Scenario;
    try {
      scenario = loadScenarioFile(file, { whatIfs }).scenario;
    } catch (error) {
      if (error instanceof ScenarioError) throw new UnknownScenarioInput(error.issues.join("; "));
      throw error;
    }
    const entry = { scenario, hash };
    this.loaded.set(key, entry);
    return entry;
  }

  info(id: string): ScenarioInfo {
    const cached = this.infos.get(id);
    if (cached) return cached;
    const { scenario } = this.load(id);
    const startYear = Number(scenario.start.slice(0, 4));
    const characters: CharacterDossier[] = Object.entries(scenario.characters).map(([cid, c]) => ({
      id: cid,
      name: c.name,
      nameRu: c.nameRu,
      born: c.born,
      ageAtStart: startYear - c.born,
      bio: c.bio,
      faction: c.faction,
      presidium: c.presidium,
      secretary: c.secretary,
      posts: c.posts.map((p) => scenario.posts[p]?.title ?? p),
      sources: c.sources.flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean).map((key) => ({ key, text: scenario.sources[key] ?? key })),
    }));
    const info: ScenarioInfo = {
      id: scenario.id,
      title: scenario.title,
      summary: scenario.summary,
      start: scenario.start,
      end: scenario.end,
      whatIfs: Object.entries(scenario.whatIfs).map(([wid, w]) => ({ id: wid, title: w.title, description: w.description })),
      characters,
      constituencies: Object.fromEntries(scenario.centralCommittee.composition.map((row) => [row.constituency, row.label])),
      history: { summary: scenario.history.summary, timeline: scenario.history.timeline.map((t) => ({ date: t.date, text: t.text })), contests: scenario.history.contests.map((c) => ({ ...c })), primacyAtEnd: scenario.history.primacyAtEnd },
    };
    this.infos.set(id, info);
    return info;
  }
}
