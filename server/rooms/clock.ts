/**
 * A game room's phase clock: the phase timer on the room clock, its generation (so an expiry queued
 * before the timer was re-armed or stopped does nothing), pausing with the time that was left (solo
 * practice, or a facilitator: docs/game.md, "Modes"), and extending the phase. It writes the synced
 * `deadline` (wall-clock ms when the timer runs out, 0 when none runs) and `paused`.
 */
import type { Delayed } from "@colyseus/core";
import { apply } from "../../shared/rules/index.ts";
import type { RoomState } from "../sync/schema.ts";
import type { RoomHost } from "./room-host.ts";
import type { PhaseTimers } from "./services.ts";

export interface ClockHooks {
  /** The bots stop with the clock and start again with it. */
  bots: { stop(): void; schedule(): void };
}

type ClockHost = Pick<RoomHost, "setTimeout" | "enqueue" | "game" | "finished" | "commit" | "broadcast">;
type ClockSynced = Pick<RoomState, "deadline" | "paused">;

export class PhaseClock {
  /** The clock is stopped, keeping what was left of the phase. */
  paused = false;
  private leftMs = 0;
  private timer: Delayed | null = null;
  /** Bumped each time the timer is armed or stopped. */
  private generation = 0;
  /** Wall-clock ms the room has spent paused, and when the pause now running began. */
  private pausedMs = 0;
  private pausedAt = 0;
  private readonly host: ClockHost;
  private readonly synced: ClockSynced;
  private readonly hooks: ClockHooks;
  private readonly timers: PhaseTimers;

  constructor(host: ClockHost, synced: ClockSynced, hooks: ClockHooks, timers: PhaseTimers) {
    this.host = host;
    this.synced = synced;
    this.hooks = hooks;
    this.timers = timers;
  }

  /** Runs the phase's timer from its full length, or from `leftMs`. The debrief has none. */
  arm(leftMs?: number): void {
    this.timer?.clear();
    const phase = this.host.game().phase;
    if (phase === "debrief") return;
    const ms = leftMs ?? Math.round(this.timers[phase] * 1000);
    const generation = ++this.generation;
    this.synced.deadline = Date.now() + ms;
    this.timer = this.host.setTimeout(() => {
      this.host.enqueue(() => (generation === this.generation ? this.expire() : undefined));
    }, ms);
  }

  /** The room clock ends the phase: the system seat's `timerExpired` (not while paused). */
  async expire(): Promise<void> {
    if (this.host.finished() || this.paused) return;
    const result = apply(this.host.game(), "system", { type: "timerExpired" });
    if (result.ok) await this.host.commit("system", { type: "timerExpired" }, result.state);
  }

  /** Stops the timer for good (the game ended, the process stops, a campaign's crisis ended). */
  clear(): void {
    this.timer?.clear();
  }

  /** Pauses (with what is left of the phase) or resumes the clock and the bots. */
  setPaused(wanted: boolean): void {
    if (this.host.finished() || wanted === this.paused) return;
    if (wanted) {
      this.stop();
      this.paused = true;
      this.pausedAt = Date.now();
    } else {
      this.paused = false;
      this.pausedMs += Date.now() - this.pausedAt;
      this.arm(this.leftMs);
      this.hooks.bots.schedule();
    }
    this.synced.paused = this.paused;
    this.host.broadcast();
  }

  /** The room's running time in ms: wall-clock time less the time spent paused (the deliberation window runs on it). */
  runningMs(): number {
    const now = Date.now();
    return now - this.pausedMs - (this.paused ? now - this.pausedAt : 0);
  }

  /** Gives the phase `ms` more: to the time left while paused, else to the running timer. */
  extend(ms: number): void {
    if (this.paused) this.leftMs += ms;
    else this.arm(this.timeLeft() + ms);
    this.host.broadcast();
  }

  /** After a skip while paused: the clock stays stopped, keeping the new phase's time. */
  holdPaused(): void {
    this.stop();
    this.host.broadcast();
  }

  /** Stops the timer and the bots, keeping what is left (a stale expiry already queued does nothing). */
  private stop(): void {
    this.leftMs = this.timeLeft();
    this.generation++;
    this.timer?.clear();
    this.timer = null;
    this.hooks.bots.stop();
    this.synced.deadline = 0;
  }

  private timeLeft(): number {
    return Math.max(0, this.synced.deadline - Date.now());
  }
}
