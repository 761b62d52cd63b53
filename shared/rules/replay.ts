/**
 * The log is the source of truth: a game record holds the setup and every accepted action, and
 * `replay` rebuilds the exact final state from it.
 */
import { apply } from "./apply.ts";
import type { Action } from "./actions.ts";
import type { RuleError } from "./errors.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { createGame } from "./setup.ts";
import { RULES_VERSION, type GameState, type Seat, type SeatsConfig } from "./state.ts";
import type { CampaignCarry } from "./campaign.ts";

export interface LoggedAction {
  seat: Seat;
  action: Action;
}

export interface GameRecord {
  rulesVersion: number;
  scenarioId: string;
  seed: string;
  seats: SeatsConfig;
  /** What an earlier game of a campaign passed on. */
  carry?: CampaignCarry;
  log: LoggedAction[];
}

export type ReplayResult = { ok: true; state: GameState } | { ok: false; index: number; error: RuleError };

export function replay(
  record: GameRecord,
  resolveScenario: (id: string) => Scenario | undefined,
): ReplayResult {
  const scenario = resolveScenario(record.scenarioId);
  if (!scenario)
    return {
      ok: false,
      index: -1,
      error: { code: "ERR_INVALID_ACTION", message: { key: "error.unknownScenario" } },
    };
  if (record.rulesVersion !== RULES_VERSION) {
    return {
      ok: false,
      index: -1,
      error: { code: "ERR_INVALID_ACTION", message: { key: "error.rulesVersion" } },
    };
  }
  let state = createGame({ scenario, seed: record.seed, seats: record.seats, carry: record.carry });
  for (const [index, { seat, action }] of record.log.entries()) {
    const result = apply(state, seat, action);
    if (!result.ok) return { ok: false, index, error: result.error };
    state = result.state;
  }
  return { ok: true, state };
}
