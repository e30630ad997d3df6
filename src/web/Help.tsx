// "How to play", reachable from every screen: the aim, a turn, the screens, crises, and a glossary
// of the terms the game shows (weighed at, a read, the odds, the tie rule). A modal dialog; Escape
// or the close button returns to where the player was.
import { useEffect, useRef } from "preact/hooks";

export const glossary: { id: string; term: string; text: string }[] = [
  {
    id: "weighed",
    term: "Weighed at",
    text: "The sum of the reasons your character weighs for an option: each reason adds or takes away (the list under “Reasons and risks”), and the sum is how much your character likes the option on balance. The computer's characters choose the same way, mostly the option weighed highest but not always: the closer two sums, the likelier either. A weight is not a chance; the chance of an option's result is the percentage shown beside it.",
  },
  {
    id: "chance",
    term: "Your estimate",
    text: "The chance, as your character reckons it from what you know, that the result written beside the option comes about. It is the chance of that option's own result (a vote carried, a man joining, a move winning), never of something else. It rests on your reads of other men, so it can be wrong: the range beside it (“could be from … to …”) is how far off it may be, never below 0% or above 100%.",
  },
  {
    id: "tie",
    term: "A tie keeps the status quo",
    text: "A motion in the Presidium or the plenum needs more than half the votes cast. With ten voters six are needed: five to five keeps the man in his posts, or rejects the proposal.",
  },
  {
    id: "own-case",
    term: "Who votes",
    text: "Full members of the Presidium vote; candidates and secretaries only speak. A man whose removal is proposed votes too, against it, if he is a full member able to attend. The proposer votes for his own proposal. A member too ill to work cannot vote.",
  },
  {
    id: "read",
    term: "A read",
    text: "Your judgement of another man, from −1 to +1, give or take a spread (the range beside it, never beyond −1 or +1): his stance toward the first man, or his regard for you. It is built only from what you could know: public acts, votes you saw, warnings, approaches, and your own ties. Open “Evidence” to see what it rests on.",
  },
  {
    id: "primacy",
    term: "The first man",
    text: "Whoever holds primacy: the most power by a clear margin, from his posts, his clients in the job slots and the Central Committee, his seat and his prestige. No post makes a man first by itself; primacy can pass without a contest.",
  },
  {
    id: "collective",
    term: "Collective leadership",
    text: "Since Stalin's death the leadership has held that no one man should decide alone. A first man who stands far above the next (more than twice his power, from posts, clients and standing) loses a little of his colleagues' goodwill every week, less the more they fear him. The news says so when it starts. He can answer it by giving up one of his posts (all but his highest) to a man he proposes, as Malenkov gave up the Secretariat in March 1953: his colleagues take it as a gesture, the bigger the post the more. In October 1964 the charge against Khrushchev, First Secretary and Premier at once, was the violation of collective leadership.",
  },
  {
    id: "move",
    term: "A move",
    text: "A group working, in secret, to remove a man from some or all of his posts. Its members sound out colleagues (each approach can leak), win over Central Committee members, and strike when they judge the moment right: the Presidium sits, and a man who loses there may appeal to the plenum.",
  },
  {
    id: "circular",
    term: "The circular flow of power",
    text: "The job slots (regional first secretaries, ministers, commanders) carry Central Committee seats. A congress re-elects the CC from the slots' holders of that day, so whoever placed his men in the slots before a congress shapes the CC that will decide his contests.",
  },
];

export function HelpDialog({ open, term, onClose }: { open: boolean; term: string | null; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
    if (open) {
      const target = term ? d.querySelector<HTMLElement>(`#help-${term}`) : d.querySelector<HTMLElement>("#help-title");
      target?.focus();
      target?.scrollIntoView({ block: "start" });
    }
  }, [open, term]);
  return (
    <dialog ref={dialog} class="help" aria-labelledby="help-title" onClose={onClose} onCancel={onClose}>
      <div class="help-head">
        <h2 id="help-title" tabIndex={-1}>
          How to play
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <h3>The aim</h3>
      <p>
        You are one member of the Soviet leadership. Each character has goals drawn from his traits and his place at the start (survive, keep or take first place, a full seat, a policy,
        his men in office); they are shown when the game starts and scored at the end, beside what really happened.
      </p>
      <h3>A turn</h3>
      <p>
        A turn is a week. Choose one thing to do (court a colleague or a constituency, appoint your men, propose a policy, travel, gather or use compromising material, report what you know,
        ask for a seat, or work against a colleague) and press End turn. Each option says what it would bring about and the chance of that, as your character estimates it. If nothing
        needs doing, “Let quiet weeks pass” skips ahead to the next thing that concerns you, with a digest of what happened meanwhile.
      </p>
      <h3>The screens</h3>
      <ul>
        <li>This week: your decision, your desk (the slots you appoint to, your clients, the policies and trips open to you), the moves you know of, your goals.</li>
        <li>Board: the Presidium around its table, with your reads of each member.</li>
        <li>Network: who is whose man, in the leadership and in the Central Committee.</li>
        <li>Map: where the first man is, journeys, and the Central Committee by distance from Moscow.</li>
        <li>Timeline and News: what has happened, as you know it. People: dossiers with traits, careers and sources.</li>
      </ul>
      <h3>Crises</h3>
      <p>
        When a move strikes, the Presidium sits, sometimes for days, and the plenum may follow. The crisis plays as a scene, speech by speech, with the running tally and the Central
        Committee members arriving in Moscow. You speak and vote when your turn comes. Use the pace control, “Next” or “Show the rest” to follow it at your speed.
      </p>
      <h3>Keyboard</h3>
      <p>Everything works with the keyboard: Tab moves between controls, the arrow keys move within a group of options, Enter decides. Every picture has a table or list below it saying the same.</p>
      <h3>Glossary</h3>
      <dl class="glossary">
        {glossary.map((g) => (
          <div key={g.id}>
            <dt id={`help-${g.id}`} tabIndex={-1}>
              {g.term}
            </dt>
            <dd>{g.text}</dd>
          </div>
        ))}
      </dl>
    </dialog>
  );
}
