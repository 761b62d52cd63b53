/**
 * A game room's way through its campaign: where it is (`campaign.ts` decides what follows an ended
 * crisis), the store's id of the game now played, and the debrief pause before the next crisis. The
 * next crisis is stored at once, so a restart resumes the campaign there (docs/game.md, "Modes").
 */
import type { Delayed } from "@colyseus/core";
import type { GameState } from "../../shared/rules/index.ts";
import type { SeatClaim } from "../storage/index.ts";
import type { RoomState } from "../sync/schema.ts";
import { afterCrisis, type CampaignPosition, type NextCrisis } from "./campaign.ts";
import { storeNextCrisis, type RoomOptions } from "./open-game.ts";
import type { RoomHost } from "./room-host.ts";

type CampaignHost = Pick<RoomHost, "setTimeout" | "enqueue" | "store" | "scenario">;
type CampaignSynced = Pick<RoomState, "deadline" | "scenario" | "timeline" | "crisis">;

export interface CampaignHooks {
  /** The claims of the seats now, carried into the next crisis where its members have the seat. */
  claims(): SeatClaim[];
  /** The debrief pause begins: the phase clock and the bots stop. */
  pause(): void;
  /** The next crisis begins with its fresh game. */
  begin(game: GameState): void;
}

export class CampaignRun {
  position: CampaignPosition;
  /** The store's id of the game now played: the room code, or `CODE-2`… in a campaign. */
  gameId: string;
  private timer: Delayed | null = null;
  private readonly host: CampaignHost;
  private readonly hooks: CampaignHooks;
  private readonly synced: CampaignSynced;
  private readonly options: RoomOptions;

  constructor(
    host: CampaignHost,
    hooks: CampaignHooks,
    synced: CampaignSynced,
    options: RoomOptions,
    start: { position: CampaignPosition; gameId: string },
  ) {
    this.host = host;
    this.hooks = hooks;
    this.synced = synced;
    this.options = options;
    this.position = start.position;
    this.gameId = start.gameId;
  }

  /**
   * The crisis played has ended. Returns true when a next crisis follows: it is stored now and
   * begins after the debrief pause, carrying credibility and grievances forward.
   */
  async ended(game: GameState): Promise<boolean> {
    const next = afterCrisis(this.position, game).next;
    const scenario = next && this.host.scenario(next.scenarioId);
    if (!next || !scenario) return false;
    const nextGame = await storeNextCrisis(
      this.host.store(),
      next,
      scenario,
      this.options,
      this.hooks.claims(),
    );
    this.hooks.pause();
    const pauseMs = Math.round((this.options.campaignPauseSeconds ?? 120) * 1000);
    this.synced.deadline = Date.now() + pauseMs;
    this.timer = this.host.setTimeout(() => {
      this.host.enqueue(() => this.begin(next, nextGame));
    }, pauseMs);
    return true;
  }

  clear(): void {
    this.timer?.clear();
  }

  private begin(next: NextCrisis, game: GameState): void {
    this.timer = null;
    this.position = { ...this.position, crisis: next.crisis, carry: next.carry };
    this.gameId = next.gameId;
    // The new scenario and timeline replace the old ones in the synced state.
    this.synced.scenario = "";
    this.synced.timeline.clear();
    this.synced.crisis = next.crisis + 1;
    this.hooks.begin(game);
  }
}
