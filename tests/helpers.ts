/** Builders shared by the tests: scenarios, games, and steps that must be accepted. */
import { expect } from "vitest";
import { bundledScenarios } from "../server/content/scenario-files.ts";
import {
  apply,
  createGame,
  type Action,
  type GameState,
  type Seat,
  type SeatsConfig,
} from "../shared/rules/index.ts";
import type { Scenario } from "../shared/scenarios/schema.ts";

export const SCENARIO_IDS = [
  "kyrgyzstan-2010-04",
  "kyrgyzstan-2010-06",
  "armenia-2020-karabakh",
  "armenia-2021-05",
  "armenia-2022-09",
  "kazakhstan-2022-01",
] as const;

export function scenario(id: string): Scenario {
  const s = bundledScenarios().get(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

export function game(id: string, seed: string | number = 1, seats: SeatsConfig = {}): GameState {
  return createGame({ scenario: scenario(id), seed, seats });
}

/** Applies steps that must all be accepted. */
export function play(state: GameState, ...steps: [Seat, Action][]): GameState {
  for (const [seat, action] of steps) {
    const r = apply(state, seat, action);
    if (!r.ok)
      throw new Error(`${seat} ${action.type} refused: ${r.error.code} ${JSON.stringify(r.error.message)}`);
    state = r.state;
  }
  return state;
}

/** Applies a step that must be refused with the code, and checks nothing changed. */
export function refuse(state: GameState, seat: unknown, action: unknown, code: string): void {
  const before = JSON.stringify(state);
  const r = apply(state, seat, action);
  expect(r.ok, `${String(seat)} ${JSON.stringify(action)} should be refused`).toBe(false);
  if (!r.ok) expect(r.error.code).toBe(code);
  expect(JSON.stringify(state)).toBe(before);
}

export function allReady(state: GameState): GameState {
  return play(state, ...state.scenario.members.map((m): [Seat, Action] => [m, { type: "ready" }]));
}

/** Kazakhstan, January 2022, up to consultations after Tokayev's Article 4 request. */
export function kazakhstanConsultations(seed: string | number = 1): GameState {
  return play(allReady(game("kazakhstan-2022-01", seed)), [
    "KZ",
    { type: "requestAssistance", channel: "formal", article: "art4", framing: "terrorismForeignLinks" },
  ]);
}

export const PEACEKEEPING = {
  basis: "art4",
  form: "peacekeeping",
  tasks: ["guardSites"],
  timeLimitDays: 21,
} as const satisfies Extract<Action, { type: "propose" }>["terms"];

/** Kazakhstan with the historical proposal and pledges on the table, ready for the chair's call. */
export function kazakhstanProposal(seed: string | number = 1): GameState {
  return play(
    kazakhstanConsultations(seed),
    ["AM", { type: "propose", terms: { ...PEACEKEEPING, tasks: [...PEACEKEEPING.tasks] } }],
    ["RU", { type: "pledge", troops: 1480 }],
    ["BY", { type: "pledge", troops: 100 }],
    ["AM", { type: "pledge", troops: 100 }],
    ["TJ", { type: "pledge", troops: 200 }],
    ["KG", { type: "pledge", troops: 150 }],
  );
}

/** Deep-freezes a value, so that any mutation of it throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
