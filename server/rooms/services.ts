/**
 * What every room of this process shares: the store, the scenarios, and the defaults. Set once by
 * `createApp` before the server listens (Colyseus's matchmaker is itself one per process).
 */
import type { Scenario } from "../../shared/scenarios/schema.ts";
import type { Timers } from "../../shared/protocol/index.ts";
import type { GameStore } from "../storage/index.ts";

export interface RoomDefaults {
  timers: Required<Timers>;
  thinkMs: number;
  graceSeconds: number;
}

export interface RoomServices {
  store: GameStore;
  scenarios: Map<string, Scenario>;
  defaults: RoomDefaults;
}

export const DEFAULT_TIMERS: Required<Timers> = {
  briefing: 180,
  appeal: 240,
  bilateral: 180,
  consultations: 480,
  council: 240,
  approvals: 300,
  deployment: 240,
};

let services: RoomServices | undefined;

export function setRoomServices(s: RoomServices): void {
  services = s;
}

export function roomServices(): RoomServices {
  if (!services) throw new Error("room services are not set: build the server with createApp()");
  return services;
}
