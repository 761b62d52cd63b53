/**
 * "Play now": a public room that gathers strangers before its game begins. The matchmaker finds it
 * by its listing's `quickMatch: true` (`joinOrCreate`, filtered in app.ts) while it gathers. It
 * holds the room clock and the bots paused until enough people are in (the server's
 * `quickMatchPlayers`) or its wait (`quickWaitSeconds`) ends; then the open leader seats go to
 * bots, the clock runs, and the listing drops `quickMatch`, so the next stranger gets a new room.
 * Each person gets a seat of their own, the ones with the most to decide first.
 */
import type { Delayed } from "@colyseus/core";
import type { StateId } from "../../shared/rules/index.ts";
import type { Scenario } from "../../shared/scenarios/schema.ts";
import type { RoomState } from "../sync/schema.ts";
import type { RoomHost } from "./room-host.ts";

/**
 * The leader seats strangers get, best first: the host (it decides whether and how to ask for
 * help), the chair (it runs the consultations and calls the vote), Russia (the lead nation, whose
 * troops and airlift decide a force), then the others in the scenario's order.
 */
export function quickSeatOrder(scenario: Pick<Scenario, "host" | "chair" | "members">): StateId[] {
  const wanted: StateId[] = [scenario.host, scenario.chair, "RU", ...scenario.members];
  return [...new Set(wanted)].filter((seat) => scenario.members.includes(seat));
}

export interface QuickMatchHooks {
  /** People holding a leader seat now (or away within the grace period). */
  people(): number;
  /** Stops or runs the room clock and the bots. */
  setPaused(paused: boolean): void;
  /** Hands every open leader seat to the room's fallback bot. */
  fill(): void;
  /** The seats, the listing and a patch, and the bots asked to play. */
  changed(): void;
}

type QuickHost = Pick<RoomHost, "setTimeout" | "enqueue">;
type QuickSynced = Pick<RoomState, "gatherUntil" | "gatherNeeded">;

export class QuickMatch {
  private gatheringNow: boolean;
  private timer: Delayed | null = null;
  private readonly host: QuickHost;
  private readonly hooks: QuickMatchHooks;
  private readonly synced: QuickSynced;
  private readonly config: { players: number; waitSeconds: number } | null;

  constructor(
    host: QuickHost,
    hooks: QuickMatchHooks,
    synced: QuickSynced,
    config: { players: number; waitSeconds: number } | null,
  ) {
    this.host = host;
    this.hooks = hooks;
    this.synced = synced;
    this.config = config;
    this.gatheringNow = config !== null;
  }

  /** The room is still gathering strangers (its game has not begun). */
  get gathering(): boolean {
    return this.gatheringNow;
  }

  /** When it starts at the latest (wall-clock ms), or 0. */
  get startsAt(): number {
    return this.gatheringNow ? this.synced.gatherUntil : 0;
  }

  /** A fresh quick match opens: the clock held, the wait started. Any other room: nothing. */
  open(): void {
    if (!this.config) return;
    const ms = Math.round(this.config.waitSeconds * 1000);
    this.synced.gatherUntil = Date.now() + ms;
    this.synced.gatherNeeded = this.config.players;
    this.hooks.setPaused(true);
    this.timer = this.host.setTimeout(() => this.host.enqueue(() => this.start()), ms);
  }

  /** Seats changed hands: enough people in starts the game now. */
  seatsChanged(): void {
    if (this.gatheringNow && this.config && this.hooks.people() >= this.config.players)
      this.host.enqueue(() => this.start());
  }

  /** The game begins: bots in the open seats, the clock running, no longer found by "Play now". */
  private start(): void {
    if (!this.gatheringNow) return;
    this.gatheringNow = false;
    this.clear();
    this.synced.gatherUntil = 0;
    this.hooks.fill();
    this.hooks.setPaused(false);
    this.hooks.changed();
  }

  /** Stops the wait's timer (the room finished or stops). */
  clear(): void {
    this.timer?.clear();
    this.timer = null;
  }
}
