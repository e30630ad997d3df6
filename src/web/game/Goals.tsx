// The character's goals, from his traits and his place at the start, each with how far it is met;
// shown at the start, kept in view, and scored at the end beside what history records of him.
import type { CharacterDossier, Goal, GoalReport } from "../../server/api-types.js";
import { percent, pronounsFor, traitNames } from "../format.js";

/**
 * How far a goal is met, in words. During the run, its progress and status; once the run is over
 * (`final`), a verdict (met, not met, or how far), with the status where it tells what became of it.
 */
export function goalStanding(goal: Pick<Goal, "progress" | "status">, final: boolean): string {
  if (!final) return `${percent(goal.progress)} met. ${goal.status}`;
  const verdict = goal.progress >= 1 ? "Met." : goal.progress <= 0 ? "Not met." : `${percent(goal.progress)} met.`;
  // At the end the engine's status for a goal missed is the verdict itself: say it once.
  return goal.status === verdict ? verdict : `${verdict} ${goal.status}`;
}

export function Goals({ report, dossier, final, headingLevel = 2 }: { report: GoalReport; dossier: CharacterDossier | null; final: boolean; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const reasonOf = (trait: string) => dossier?.traits.find((t) => t.name === trait)?.reason ?? null;
  return (
    <section class="panel goals" aria-labelledby="goals-title">
      <H id="goals-title">{final ? `Your score: ${report.percent} of 100` : "Your goals"}</H>
      <p class="muted">{final ? `Each goal counts by its weight; you scored ${report.score.toFixed(1)} of ${report.max.toFixed(1)} points.` : `Drawn from your character's traits and ${pronounsFor(dossier?.gender).his} place at the start; scored at the end.`}</p>
      <ul class="goal-list">
        {report.goals.map((g) => (
          <li key={g.id}>
            <p class="goal-title">
              <strong>{g.title}</strong> <span class="tag">weight {g.weight.toFixed(1)}</span>
            </p>
            <p class="muted">
              {g.why}
              {g.fromTraits.map((t) => (reasonOf(t) ? ` ${traitNames[t] ?? t}: ${reasonOf(t)}` : "")).join("")}
            </p>
            <div class="goal-progress">
              <meter min={0} max={1} value={g.progress} aria-label={`${g.title}: ${percent(g.progress)} met`}>
                {percent(g.progress)}
              </meter>
              <span>{goalStanding(g, final)}</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Once the player has fallen in a scene still on screen: his goals wait for the run's end, which the scene has not reached. */
export function GoalsAfterFall({ fate }: { fate: string }) {
  return (
    <section class="panel goals" aria-labelledby="goals-title">
      <h2 id="goals-title">Your goals</h2>
      <p>{goalsAfterFallText(fate)}</p>
    </section>
  );
}

export function goalsAfterFallText(fate: string): string {
  return `You were ${fate}: the run goes on without you, and your goals are scored at its end.`;
}
