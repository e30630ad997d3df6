// The warned man's counter: a man who believes a move is forming against him may put it to one of
// the accused, face to face (Khrushchev asked Podgorny about Galyukov's story in September 1964).
// The accused, if he is in the move, denies it and stays, or comes clean: leaves the move and names
// the others. What decides him is how the move now looks from inside it, and how sure the man facing
// him is: a rumour is denied, evidence from loyal organs is not.
import { choose, optionsForLog, term, type DecisionContext, type ScoredOption } from "../ai/choice.js";
import { chooserPronoun, listNames, nameOf, pronoun, record } from "../log.js";
import { canAct, holdersOf, isActive, moveById, trustOf } from "../queries.js";
import { threat, tie } from "../relations.js";
import type { Id, Move, MoveBelief, World } from "../state.js";
import { warn } from "./detection.js";
import { beliefAbout, commitmentTerms, dissolve, failureRisk, knownMembersOf } from "./moves.js";

function confrontedKey(move: string, accused: Id): string {
  return `${move}:${accused}`;
}

/** The accused the man would put it to first: the most dangerous one named in a move he believes in. */
function confrontation(world: World, actor: Id): { belief: MoveBelief; accused: Id } | null {
  let best: { belief: MoveBelief; accused: Id; threat: number } | null = null;
  for (const b of world.principals[actor].beliefs) {
    if (b.target !== actor || b.source === "member") continue;
    const move = moveById(world, b.move);
    if (!move || !isActive(move) || move.open) continue;
    for (const q of b.knownMembers) {
      if (q === actor || !canAct(world.principals[q]) || world.memory.confronted.includes(confrontedKey(b.move, q))) continue;
      const danger = threat(world, world.principals[actor], q);
      if (!best || danger > best.threat) best = { belief: b, accused: q, threat: danger };
    }
  }
  return best && { belief: best.belief, accused: best.accused };
}

export function confrontOption(world: World, actor: Id): ScoredOption | null {
  if (world.crisis) return null;
  const found = confrontation(world, actor);
  if (!found) return null;
  const k = world.params.moves.confront;
  const sure = found.belief.certainty;
  const own = chooserPronoun(world, actor);
  return {
    choice: "confront",
    target: found.accused,
    detail: found.belief.move,
    label: `Ask ${nameOf(world, found.accused)} to ${pronoun(world, found.accused).his} face what ${pronoun(world, found.accused).he} is doing against ${own.him}`,
    terms: [term(`a move against ${own.him} checked before it is ready`, k.check * sure), term("the affront if the warning was wrong", -k.affront * (1 - sure)), term("effort", -k.cost)],
  };
}

/** The accused's answer: deny and stay in the move, or come clean and name the others. */
export function confrontedOptions(world: World, move: Move, confronter: Id, accused: Id): ScoredOption[] {
  const k = world.params.moves.confront;
  const p = world.principals[accused];
  const sure = beliefAbout(world.principals[confronter], move.id)?.certainty ?? 0;
  // Asked to his face, he knows the move is found out: it may be put to the test at any odds.
  const { odds, terms } = commitmentTerms(world, move, accused, knownMembersOf(world, accused, move), null, promisedPost(world, move, accused), 1);
  return [
    {
      choice: "deny",
      label: "Deny everything, and stay with the move",
      odds,
      terms: [
        ...terms,
        term(`named to ${pronoun(world, accused).his} face: no hiding if it fails`, -k.named * sure * failureRisk(world, p, odds)),
        term(`the security organs answer to ${pronoun(world, confronter).him}: a denial will be watched`, -k.organs * organsAnswerTo(world, confronter, accused, move)),
      ],
    },
    {
      choice: "come-clean",
      label: `Come clean to ${nameOf(world, confronter)}, and name the others`,
      odds: 1 - odds,
      terms: [term(`${pronoun(world, confronter).his} goodwill, and one's posts kept`, k.pardon), term(`trust in ${pronoun(world, confronter).him}`, k.trust * trustOf(p, confronter)), term("naming one's fellow members", -k.informing)],
    },
  ];
}

/**
 * How far the security organs (who watch people; the Army does not) answer to `confronter`, as a
 * member of `move` sees it: his own count fully, another chief's by his tie to him; a chief the member
 * knows to be in the move answers to no one outside it.
 */
function organsAnswerTo(world: World, confronter: Id, accused: Id, move: Move): number {
  const inMove = knownMembersOf(world, accused, move);
  let sum = 0;
  for (const chief of holdersOf(world, "security")) {
    if (chief === confronter) sum += 1;
    else if (!inMove.includes(chief) && chief !== accused) sum += Math.max(0, tie(world, world.principals[chief], confronter));
  }
  return sum;
}

function promisedPost(world: World, move: Move, who: Id): Id | null {
  return world.promises.find((o) => o.move === move.id && o.to === who)?.post ?? null;
}

export function confront(ctx: DecisionContext, actor: Id, accused: Id, moveId: string): void {
  const world = ctx.world;
  const k = world.params.moves.confront;
  world.memory.confronted.push(confrontedKey(moveId, accused));
  const move = moveById(world, moveId);
  const a = world.principals[actor];
  const q = world.principals[accused];
  if (!move || !isActive(move) || !canAct(q)) return;
  const relieve = () => {
    if (a.suspicion[accused] !== undefined) a.suspicion[accused] *= 1 - k.suspicionRelief;
  };
  if (!move.members.includes(accused)) {
    // Wrongly accused: he resents it, and the accuser partly believes him.
    q.grievances.push({ against: actor, cause: `${pronoun(world, accused).he} was accused of plotting`, weight: k.grievance, date: world.date });
    relieve();
    record(world, { type: "confrontation", audience: [actor, accused], actor, text: `${nameOf(world, actor)} confronts ${nameOf(world, accused)} with talk of a move against ${pronoun(world, actor).him}; ${nameOf(world, accused)} knows of none, and resents the question.`, data: { move: moveId, accused } });
    return;
  }
  const options = confrontedOptions(world, move, actor, accused);
  const pick = choose(ctx, { seat: accused, kind: "confronted", key: `w${world.week}:confronted:${move.id}`, prompt: `${nameOf(world, actor)} asks you to your face what you are doing against ${pronoun(world, actor).him}.`, options });
  const cleanBreak = pick.choice === "come-clean";
  record(world, {
    type: "confrontation",
    audience: [actor, accused],
    actor,
    text: `${nameOf(world, actor)} confronts ${nameOf(world, accused)} with talk of a move against ${pronoun(world, actor).him}; ${nameOf(world, accused)} ${cleanBreak ? "comes clean" : "denies everything"}.`,
    data: { move: move.id, accused },
    options: optionsForLog(options),
    chosen: pick.choice,
  });
  // Either way the movers learn that the target is on to them.
  move.alarm = 1;
  if (!cleanBreak) return;
  const others = knownMembersOf(world, accused, move).filter((m) => m !== accused);
  move.members = move.members.filter((m) => m !== accused);
  // A move he started is now led by the longest-standing member able to act: the record of who
  // initiated the contest (and who was seated for it) names no one who had deserted it.
  if (move.initiator === accused && move.members.length > 0) move.initiator = move.members.find((m) => canAct(world.principals[m])) ?? move.members[0];
  world.promises = world.promises.filter((o) => !(o.move === move.id && o.to === accused));
  q.beliefs = q.beliefs.filter((b) => b.move !== move.id);
  // Nobody counts him in the move any longer: not its members, not the man he came clean to.
  for (const id of world.order) {
    const belief = beliefAbout(world.principals[id], move.id);
    if (belief) belief.knownMembers = belief.knownMembers.filter((m) => m !== accused);
  }
  move.refusals.push({ id: accused, date: world.date });
  world.memory.cameClean.push({ man: accused, to: actor, date: world.date });
  relieve();
  record(world, { type: "defection", audience: [actor, ...move.members], actor: accused, text: `${nameOf(world, accused)} leaves the move against ${nameOf(world, actor)}${others.length ? `, naming ${listNames(world, others)}` : ""}.`, data: { move: move.id, accused } });
  if (!move.members.some((m) => canAct(world.principals[m]))) return dissolve(world, move, `${nameOf(world, accused)}, its last member, has come clean`);
  if (others.length) warn(ctx, move, others, accused, k.confessionCredibility);
}
