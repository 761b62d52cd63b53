/**
 * A campaign's sequencing, as pure functions: which crises a room plays, where a stored game id sits
 * in them, and what follows a crisis that has ended (docs/game.md, "Modes"). The room does the
 * storing and the timing; nothing here touches the store or the clock.
 */
import { campaignOrder, carryForward, type CampaignCarry, type GameState } from "../../shared/rules/index.ts";
import type { Scenario } from "../../shared/scenarios/schema.ts";

/** Where a room is in its campaign (one crisis of one, outside a campaign). */
export interface CampaignPosition {
  /** The room code; a campaign's later crises are stored as `CODE-2`, `CODE-3`… */
  code: string;
  /** The crisis now played, from 0. */
  crisis: number;
  /** The scenario of each crisis, the first one first. */
  crises: readonly string[];
  /** What the crises before this one passed on to it. */
  carry: CampaignCarry | undefined;
}

/** The next crisis to store and play, once the one played has ended. */
export interface NextCrisis {
  crisis: number;
  gameId: string;
  scenarioId: string;
  seed: string;
  carry: CampaignCarry;
}

/** What follows an ended crisis: the next one, or nothing (the room finishes). */
export type AfterCrisis = { next: NextCrisis } | { next: null };

/** The crises of a room: with `campaign`, the scenarios in date order from `firstId` on; else that one. */
export function campaignCrises(scenarios: Iterable<Scenario>, firstId: string, campaign: boolean): string[] {
  if (!campaign) return [firstId];
  const ids = campaignOrder(scenarios).map((scenario) => scenario.id);
  return ids.filter((_id, index) => index >= ids.indexOf(firstId));
}

/** The room code and the crisis (from 0) of a stored game's id: `CODE` is the first, `CODE-2` the second. */
export function crisisOfGameId(gameId: string): { code: string; crisis: number } {
  const [code = "", number] = gameId.split("-");
  return { code, crisis: number ? Number(number) - 1 : 0 };
}

/**
 * What to do once the crisis played has ended: its successor's id, scenario and seed (the first
 * seed with `#N` for crisis N), carrying credibility and grievances forward; or null after the last.
 */
export function afterCrisis(position: CampaignPosition, ended: GameState): AfterCrisis {
  const crisis = position.crisis + 1;
  const scenarioId = position.crises[crisis];
  if (scenarioId === undefined) return { next: null };
  return {
    next: {
      crisis,
      gameId: `${position.code}-${crisis + 1}`,
      scenarioId,
      seed: `${ended.seed.replace(/#\d+$/, "")}#${crisis + 1}`,
      carry: carryForward(ended, position.carry),
    },
  };
}
