// What the reports need to know about the scenario itself: its title and dates, who held the
// leader's post at the start, the characters' names, and what really happened.
import { createWorld, type Scenario } from "../../engine/index.js";

export interface ScenarioFacts {
  id: string;
  title: string;
  summary: string;
  start: string;
  end: string;
  /** The character first in the leadership at the start (the holder of the most powerful post). */
  leader: string;
  /** Character id -> full name. */
  names: Record<string, string>;
  /** What-if name -> its title and description, to say in words what a variant changed. */
  whatIfs: Record<string, { title: string; description: string }>;
  history: Scenario["history"];
}

export function scenarioFacts(scenario: Scenario): ScenarioFacts {
  const leader = createWorld(scenario, { seed: 0 }).primacy ?? "";
  return {
    id: scenario.id,
    title: scenario.title,
    summary: scenario.summary,
    start: scenario.start,
    end: scenario.end,
    leader,
    names: Object.fromEntries(Object.entries(scenario.characters).map(([id, c]) => [id, c.name])),
    whatIfs: Object.fromEntries(Object.entries(scenario.whatIfs).map(([name, w]) => [name, { title: w.title, description: w.description }])),
    history: scenario.history,
  };
}

/** The surname, as the chronicle uses it ("Nikita Khrushchev" -> "Khrushchev"), or the id. */
export function surname(facts: ScenarioFacts, id: string): string {
  const name = facts.names[id];
  return name ? name.split(" ").slice(-1)[0] : id;
}
