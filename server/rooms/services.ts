/**
 * What every room of this process shares: the store, the scenarios, and the defaults. Set once by
 * `createApp` before the server listens (Colyseus's matchmaker is itself one per process).
 */
import type { Scenario } from "../../shared/scenarios/schema.ts";
import type { Timers } from "../../shared/protocol/index.ts";
import type { GameStore } from "../storage/index.ts";

/**
 * Seconds of every phase's timer, each one set. (`Required<Timers>` would not do: zod's optional
 * fields are `number | undefined`, and `Required` keeps the `undefined`.)
 */
export type PhaseTimers = { [Phase in keyof Timers]-?: number };

/** The default timers with the given ones over them; a phase the given timers leave out keeps its default. */
export function timersOver(defaults: PhaseTimers, given: Timers | undefined): PhaseTimers {
  const timers = { ...defaults };
  for (const phase of Object.keys(defaults) as (keyof Timers)[]) {
    const seconds = given?.[phase];
    if (seconds !== undefined) timers[phase] = seconds;
  }
  return timers;
}

export interface RoomDefaults {
  timers: PhaseTimers;
  thinkMs: number;
  /** Seconds the bots hold a phase-ending move for a person who still has to decide (0: never). */
  deliberationSeconds: number;
  graceSeconds: number;
  /** "Play now": a quick-match room starts once this many people are in (docs/game.md, "Online"). */
  quickMatchPlayers: number;
  /** Seconds of real time a quick-match room gathers people before bots take the remaining seats. */
  quickWaitSeconds: number;
}

export interface RoomServices {
  store: GameStore;
  scenarios: Map<string, Scenario>;
  defaults: RoomDefaults;
}

export const DEFAULT_TIMERS: PhaseTimers = {
  briefing: 180,
  appeal: 240,
  bilateral: 180,
  consultations: 480,
  council: 240,
  approvals: 300,
  deployment: 240,
};

let services: RoomServices | undefined;

export function setRoomServices(shared: RoomServices): void {
  services = shared;
}

export function roomServices(): RoomServices {
  if (!services) throw new Error("room services are not set: build the server with createApp()");
  return services;
}
