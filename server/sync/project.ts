/**
 * The projection from the rules' state to the synced state: the public view for everyone, each
 * seat's private view into its own `Secret`. Only leaves whose JSON changed are written, so the
 * schema encoder sends only those.
 */
import { MapSchema } from "@colyseus/schema";
import { flatten, legalToObject, packTimelineEntry } from "../../shared/protocol/index.ts";
import {
  legalActions,
  spectatorView,
  unavailableActions,
  view,
  type GameState,
  type Seat,
  type TimelineEntry,
} from "../../shared/rules/index.ts";
import { RoomState, Secret } from "./schema.ts";

export function syncMap(target: MapSchema<string>, next: Map<string, string>): void {
  for (const key of [...target.keys()]) if (!next.has(key)) target.delete(key);
  for (const [key, value] of next) if (target.get(key) !== value) target.set(key, value);
}

export function projectPublic(state: RoomState, game: GameState): void {
  const pub = spectatorView(game);
  const { scenario, timeline, debrief, version, phase, ...rest } = pub;
  if (!state.scenario) state.scenario = JSON.stringify(scenario);
  state.version = version;
  state.phase = phase;
  syncMap(state.pub, flatten(rest));
  if (timeline.length < state.timeline.length) state.timeline.splice(timeline.length);
  for (let i = state.timeline.length; i < timeline.length; i++)
    state.timeline.push(packTimelineEntry(timeline[i] as TimelineEntry));
  const d = debrief ? JSON.stringify(debrief) : "";
  if (state.debrief !== d) state.debrief = d;
}

/** `extra`: what the room adds to the seat's private part beside the rules' view (a forecast). */
export function projectSecret(
  state: RoomState,
  game: GameState,
  seat: Seat,
  extra: Record<string, unknown> = {},
): Secret {
  let secret = state.secrets.get(seat);
  if (!secret) {
    secret = new Secret();
    secret.seat = seat;
    state.secrets.set(seat, secret);
  }
  const own = view(game, seat).private;
  const legal = legalActions(game, seat);
  const fields = flatten({
    ...(own ?? {}),
    ...extra,
    legal: legalToObject(legal),
    unavailable: unavailableActions(game, seat, legal),
  });
  syncMap(secret.fields, fields);
  return secret;
}
