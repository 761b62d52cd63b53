/**
 * A random player for property tests: it tries action types with random, often unlawful,
 * parameters from any seat, plus plain garbage. Seeded, so a failure can be replayed.
 */
import { ACTION_TYPES, apply, legalActions, type GameState, type Seat } from "../../shared/rules/index.ts";
import { Rng } from "../../shared/rules/rng.ts";
import {
  BASES,
  CONCERNS,
  DEPUTY_VOTES,
  FORMS,
  FRAMINGS,
  STANCES,
  STATE_IDS,
  TASKS,
  VOTE_CHOICES,
  VOTE_FORMATS,
  APPEAL_CHANNELS,
  ARTICLES,
  BILATERAL_RESPONSES,
} from "../../shared/rules/vocabulary.ts";

export function seatsOf(s: GameState): Seat[] {
  const deputies = Object.entries(s.seats.deputies ?? {}).flatMap(([id, n]) =>
    Array.from({ length: n }, (_, i) => `${id}.d${i + 1}` as Seat),
  );
  return [...s.scenario.members, ...deputies, "system"];
}

export function randomAction(rng: Rng, type: string): unknown {
  const troops = rng.chance(0.2) ? Math.floor(rng.next() * 100_000) : Math.floor(rng.next() * 600);
  switch (type) {
    case "informalAppeal":
      return { type, framing: rng.pick(FRAMINGS) };
    case "requestAssistance":
      return {
        type,
        channel: rng.pick(APPEAL_CHANNELS),
        article: rng.chance(0.7) ? rng.pick(ARTICLES) : undefined,
        framing: rng.pick(FRAMINGS),
        target: rng.pick(STATE_IDS),
      };
    case "respondBilateral":
      return { type, response: rng.pick(BILATERAL_RESPONSES), troops };
    case "propose":
      return {
        type,
        terms: {
          basis: rng.pick(BASES),
          form: rng.pick(FORMS),
          tasks: TASKS.filter(() => rng.chance(0.4)),
          timeLimitDays: 1 + Math.floor(rng.next() * 60),
        },
      };
    case "pledge":
      return { type, troops };
    case "position":
      return rng.chance(0.5)
        ? { type, stance: rng.pick(STANCES) }
        : { type, stance: rng.pick(STANCES), concerns: CONCERNS.filter(() => rng.chance(0.4)), note: "why" };
    case "answerConcerns":
      return { type, to: rng.pick(STATE_IDS) };
    case "callVote":
      return { type, format: rng.pick(VOTE_FORMATS) };
    case "vote":
      return { type, choice: rng.pick(VOTE_CHOICES), refuseToSign: rng.chance(0.2) };
    case "lobby":
      return { type, target: rng.pick(STATE_IDS) };
    case "deputyVote":
      return { type, vote: rng.pick(DEPUTY_VOTES) };
    case "missionDay":
      return { type, decision: rng.chance(0.2) ? "end" : "stay" };
    default:
      return { type };
  }
}

const GARBAGE: unknown[] = [
  null,
  42,
  "vote",
  [],
  {},
  { type: "nope" },
  { type: "vote", choice: "maybe" },
  { type: "pledge", troops: -5 },
  { type: "pledge", troops: 1.5 },
  { type: "ready", extra: 1 },
  { __proto__: { type: "ready" } },
  JSON.parse('{"__proto__": {"type": "ready"}}'),
];

/**
 * Plays a random game. `onStep` sees every attempt: the state before, the seat, the input and the
 * result. Legal moves are favoured so games reach their later phases.
 */
export function randomGame(
  start: GameState,
  seed: number,
  onStep: (before: GameState, seat: unknown, input: unknown, result: ReturnType<typeof apply>) => void,
  maxSteps = 400,
): GameState {
  const rng = new Rng(seed);
  let s = start;
  for (let i = 0; i < maxSteps && !s.ended; i++) {
    const seats = seatsOf(s);
    let seat: unknown = rng.pick(seats);
    let input: unknown;
    const roll = rng.next();
    if (roll < 0.05) input = rng.pick(GARBAGE);
    else if (roll < 0.08) seat = rng.pick(["", "XX", "KG.d99", 7, null, "__proto__"]);
    if (input === undefined) {
      const legal = legalActions(s, seat as Seat);
      const type = legal.length && rng.chance(0.85) ? rng.pick(legal).type : rng.pick(ACTION_TYPES);
      input = randomAction(rng, type);
    }
    if (i % 25 === 24) [seat, input] = ["system", { type: "timerExpired" }];
    const r = apply(s, seat, input);
    onStep(s, seat, input, r);
    if (r.ok) s = r.state;
  }
  return s;
}
