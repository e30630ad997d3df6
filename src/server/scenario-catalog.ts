// The shipped scenarios as the server offers them: a list, a public dossier of each (what a player
// may read before choosing a character: no traits, no hidden numbers), and validated scenarios with
// what-ifs applied. Every request reads the files as they are now (a read is well under a
// millisecond), so an edited scenario is seen at once; what is made from them is not made again
// while their texts are the same: validated scenarios come from the validated-data cache
// (scenarios/cache.ts, keyed by the texts), and each dossier is kept with the texts it was made from.
import { createHash } from "node:crypto";
import { basename } from "node:path";
import type { Scenario } from "../engine/index.js";
import { pronounsFor } from "../engine/log.js";
import { shippedScenarioFiles } from "../scenarios/catalog.js";
import { displayName, parseScenarioText, readScenarioText } from "../scenarios/load.js";
import { readModelFile } from "../scenarios/model-file.js";
import { ScenarioError } from "../scenarios/scenario-error.js";
import type { CharacterDossier, ScenarioInfo, ScenarioListing } from "./api-types.js";

export interface LoadedScenario {
  scenario: Scenario;
  /** sha256 of the file's text: a save records it, so a changed scenario can be told apart. */
  hash: string;
}

/** A model parameter set for a game, as the command line's --set model.NAME=V. */
export interface ModelSetting {
  path: string;
  value: number;
}

/** A scenario id, what-if or character that is not there; the message is for the player. */
export class UnknownScenarioInput extends Error {}

/** The texts a scenario is made from as read now: its file's and the model parameter file's. */
interface Texts {
  file: string;
  scenario: string;
  model: string;
}

export class ScenarioCatalog {
  /**
   * Each scenario's dossier with what it was made from: the texts, and the shipped ids (it lists only
   * the chapters shipped). Given again while all are unchanged.
   */
  private readonly infos = new Map<string, { texts: Texts; shipped: string; info: ScenarioInfo }>();

  constructor(private readonly dir?: string) {}

  list(): ScenarioListing[] {
    const files = shippedScenarioFiles(this.dir);
    return files.map((file) => {
      const id = idOf(file);
      const info = this.info(id, files);
      return { id, title: info.title, start: info.start, end: info.end, summary: info.summary, whatIfs: info.whatIfs, chapters: info.chapters };
    });
  }

  /** The shipped ids: the scenario files' names, read from the folder without opening the files. */
  ids(): string[] {
    return shippedScenarioFiles(this.dir).map(idOf);
  }

  /**
   * The scenario with its what-ifs and model settings applied (`settings`: `model.NAME` paths and
   * numbers, as the command line's --set). A setting that names no parameter, or a value outside its
   * range, is refused with the loader's message, as is a file with problems (each at its line).
   */
  load(id: string, whatIfs: readonly string[] = [], settings: readonly ModelSetting[] = []): LoadedScenario {
    // Checked before the what-ifs are applied: the loader would blame the scenario file's what-if
    // section for a name the request (or a save) gave.
    const known = whatIfs.length ? this.info(id).whatIfs.map((w) => w.id) : [];
    const unknown = whatIfs.find((w) => !known.includes(w));
    if (unknown !== undefined) {
      throw new UnknownScenarioInput(`there is no what-if "${unknown}" in ${id} (${known.length ? `its what-ifs are: ${known.join(", ")}` : "it has no what-ifs"})`);
    }
    return this.validated(this.texts(id), whatIfs, settings);
  }

  /** `files`: the shipped scenario files, as read from the folder for this request. */
  private texts(id: string, files: readonly string[] = shippedScenarioFiles(this.dir)): Texts {
    const file = files.find((f) => idOf(f) === id);
    if (file === undefined) throw new UnknownScenarioInput(`unknown scenario "${id}" (this server has: ${files.map(idOf).join(", ")})`);
    return refusedForPlayer(() => ({ file, scenario: readScenarioText(file), model: readModelFile().text }));
  }

  private validated(texts: Texts, whatIfs: readonly string[], settings: readonly ModelSetting[]): LoadedScenario {
    const scenario = refusedForPlayer(() => parseScenarioText(texts.scenario, displayName(texts.file), { whatIfs, settings }));
    return { scenario, hash: createHash("sha256").update(texts.scenario).digest("hex") };
  }

  info(id: string, files: readonly string[] = shippedScenarioFiles(this.dir)): ScenarioInfo {
    const texts = this.texts(id, files);
    const shipped = files.map(idOf);
    const kept = this.infos.get(id);
    if (kept && kept.texts.scenario === texts.scenario && kept.texts.model === texts.model && kept.shipped === shipped.join("\n")) return kept.info;
    const { scenario } = this.validated(texts, [], []);
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
      startsOutside: c.startsOutside,
      posts: c.posts.map((p) => scenario.posts[p]?.title ?? p),
      sources: sourcesOf(scenario, c.sources),
      patron: c.patron,
      traits: Object.entries(c.traits).map(([name, t]) => ({ name, value: t.value, reason: t.reason, sources: sourcesOf(scenario, t.source ? [t.source] : []) })),
      health: { value: c.health.value, reason: c.health.reason },
      prestige: c.prestige ? { value: c.prestige.value, reason: c.prestige.reason } : null,
      grievances: c.grievances.map((g) => ({ against: g.against, cause: g.cause, date: g.date ?? null })),
      died: c.died ?? null,
      history: historyOf(scenario, cid),
      ...(c.gender ? { gender: c.gender } : {}),
    }));
    const info: ScenarioInfo = {
      id: scenario.id,
      title: scenario.title,
      summary: scenario.summary,
      start: scenario.start,
      end: scenario.end,
      whatIfs: Object.entries(scenario.whatIfs).map(([wid, w]) => ({ id: wid, title: w.title, description: w.description })),
      chapters: scenario.chapters.filter((c) => shipped.includes(c.scenario)).map((c) => ({ id: c.id, title: c.title, scenario: c.scenario })),
      characters,
      constituencies: { ...Object.fromEntries(Object.entries(scenario.constituencies).map(([k, c]) => [k, c.label])), ...Object.fromEntries(scenario.centralCommittee.composition.map((row) => [row.constituency, row.label])) },
      history: { summary: scenario.history.summary, timeline: scenario.history.timeline.map((t) => ({ date: t.date, text: t.text })), contests: scenario.history.contests.map(({ source, ...c }) => ({ ...c, sources: sourcesOf(scenario, source ? [source] : []) })), primacyAtEnd: scenario.history.primacyAtEnd },
    };
    this.infos.set(id, { texts, shipped: shipped.join("\n"), info });
    return info;
  }
}

/** A shipped scenario's id: its file's name. */
function idOf(file: string): string {
  return basename(file, ".yaml");
}

/** What `read` gives, with a scenario file's problems (each at its line and column) as the player's. */
function refusedForPlayer<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ScenarioError) throw new UnknownScenarioInput(error.issues.join("; "));
    throw error;
  }
}

/**
 * A character's sources as the scenario cites them: each key with its citation, and a link when the
 * citation is an address (the shipped files cite most works by where they can be read).
 */
function sourcesOf(scenario: Scenario, keys: readonly string[]): CharacterDossier["sources"] {
  return keys
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter(Boolean)
    .map((key) => {
      const text = scenario.sources[key] ?? key;
      return { key, text, ...(linkOf(text) ? { url: linkOf(text)! } : {}) };
    });
}

/** The address a citation starts with, as a link (http or https only), or null when it holds none that can be followed. */
export function linkOf(citation: string): string | null {
  const first = citation.split(/[;\s]/)[0] ?? "";
  // An address shortened with an ellipsis is not one that can be followed.
  if (first.includes("…")) return null;
  if (!/^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(\/\S*)?$/i.test(first)) return null;
  const url = /^https?:\/\//i.test(first) ? first : `https://${first}`;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** What history records of a character in this scenario's window: the contests he moved or lost. */
function historyOf(scenario: Scenario, id: string): string[] {
  const out: string[] = [];
  for (const c of scenario.history.contests) {
    if (c.target === id) out.push(`${c.date}: ${c.outcome === "removed" ? "removed" : `survived a move against ${pronounsFor(scenario.characters[id]?.gender).him}`}${c.fate !== "none" && c.outcome === "removed" ? ` (${c.fate})` : ""}.`);
    else if (c.movedBy.includes(id)) out.push(`${c.date}: moved against ${scenario.characters[c.target]?.name ?? c.target}, who was ${c.outcome === "removed" ? "removed" : "not removed"}.`);
  }
  if (scenario.history.primacyAtEnd === id) out.push(`First in the leadership at the end (${scenario.end}).`);
  return out;
}
