// The Presidium's ordinary business: a proposal (a policy, a co-option, an appointment to a senior
// post, the election of a First Secretary) put to a roll-call of the full members. Every human voter
// is asked together; a tie rejects the proposal.
import { chooseTogether, optionsForLog, term, type DecisionContext, type Question } from "../ai/choice.js";
import { nameOf, pronoun, record } from "../log.js";
import { presidiumVoters, regardOf } from "../queries.js";
import { threat } from "../relations.js";
import type { Id, Reason, World } from "../state.js";
import { isMajority } from "../units.js";

export interface Proposal {
  proposer: Id;
  /** What is proposed, as the log tells it ("to co-opt Kirilenko as a full member"). */
  what: string;
  /** A stable key for the question (unique within the week). */
  key: string;
  /** The voter's own terms for voting yes, besides his regard for the proposer and fear of him. */
  termsFor: (voter: Id) => Reason[];
}

export interface VoteResult {
  passed: boolean;
  yes: Id[];
  no: Id[];
}

export function putToVote(ctx: DecisionContext, proposal: Proposal): VoteResult {
  const world = ctx.world;
  const k = world.params.presidium.vote;
  const voters = presidiumVoters(world).filter((v) => v !== proposal.proposer);
  const first = world.primacy;
  const questions: Question[] = voters.map((v) => {
    const p = world.principals[v];
    return {
      seat: v,
      kind: "presidium-business",
      key: `w${world.week}:business:${proposal.key}`,
      prompt: `${nameOf(world, proposal.proposer)} proposes ${proposal.what}. How do you vote?`,
      options: [
        {
          choice: "yes",
          label: "Vote yes",
          terms: [
            term("regard for the proposer", k.regard * regardOf(p, proposal.proposer)),
            term("fear of crossing the first man", proposal.proposer === first ? k.fear * world.globals.fear : 0),
            term(`the danger ${pronoun(world, proposal.proposer).he} poses`, -k.threat * threat(world, p, proposal.proposer)),
            term("going along with business", k.routine),
            ...proposal.termsFor(v),
          ],
        },
        { choice: "no", label: "Vote no", terms: [term("leave things as they are", 0)] },
      ],
    };
  });
  const picks = chooseTogether(ctx, questions, world.params.ai.vote.temperature);
  const yes = [proposal.proposer];
  const no: Id[] = [];
  picks.forEach((pick, i) => (pick.choice === "yes" ? yes : no).push(questions[i].seat));
  const proposerVotes = presidiumVoters(world).includes(proposal.proposer);
  const total = yes.length - (proposerVotes ? 0 : 1) + no.length;
  const passed = isMajority(yes.length - (proposerVotes ? 0 : 1), total);
  record(world, {
    type: "presidium-business",
    audience: "public",
    actor: proposal.proposer,
    text: `${nameOf(world, proposal.proposer)} proposes ${proposal.what}: ${passed ? "carried" : "rejected"}, ${yes.length - (proposerVotes ? 0 : 1)} to ${no.length}.`,
    data: { key: proposal.key, yes, no, passed },
    options: questions.length ? optionsForLog(questions[0].options) : undefined,
  });
  return { passed, yes, no };
}

export function isVoter(world: World, id: Id): boolean {
  return presidiumVoters(world).includes(id);
}
