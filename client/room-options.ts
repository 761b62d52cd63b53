/** The options a new or joined room is asked for, from what the menu's forms chose. */
import type { CreateOptions, JoinOptions } from "../shared/protocol/index.ts";
import type { BotKind, StateId } from "../shared/rules/index.ts";
import { DEPUTIES_PER_CHAMBER, DEPUTY_STATES, type MenuHandlers, type ScenarioInfo } from "./ui/menu.ts";

type Chosen<K extends keyof MenuHandlers> = Parameters<MenuHandlers[K]>[0];

/** `?seed=…` in the address fixes the new room's seed: a reproducible game for a class or a test. */
export function seedOption(search: string): { seed?: string } {
  const seed = new URLSearchParams(search).get("seed")?.slice(0, 80);
  return seed ? { seed } : {};
}

/**
 * Solo practice: a room of the player's own (unlisted, and nobody joins it unless the player
 * invites) where bots of the chosen kind hold every other seat, at the chosen pace.
 */
export function soloOptions(
  chosen: Chosen<"solo">,
  scenarios: readonly ScenarioInfo[] | null,
  search: string,
): CreateOptions & JoinOptions {
  const scenario = scenarios?.find((x) => x.id === chosen.scenario);
  const bots: Partial<Record<StateId, BotKind>> = {};
  for (const member of scenario?.members ?? []) if (member !== chosen.seat) bots[member] = chosen.bots;
  return {
    scenario: chosen.scenario,
    ...seedOption(search),
    bots,
    fallbackBot: chosen.bots,
    private: true,
    solo: true,
    pace: chosen.pace,
    ...(chosen.campaign ? { campaign: true } : {}),
    seat: chosen.seat,
    ...(chosen.name ? { name: chosen.name } : {}),
  };
}

/** A room for a group: public or private, bots for empty seats, deputies for the chambers that vote. */
export function createOptions(chosen: Chosen<"create">, search: string): CreateOptions & JoinOptions {
  return {
    scenario: chosen.scenario,
    ...seedOption(search),
    private: chosen.private,
    fallbackBot: chosen.bots,
    ...(chosen.campaign ? { campaign: true } : {}),
    ...(chosen.deputies
      ? { deputies: Object.fromEntries(DEPUTY_STATES.map((m) => [m, DEPUTIES_PER_CHAMBER])) }
      : {}),
    ...(chosen.seat ? { seat: chosen.seat } : {}),
    ...(chosen.name ? { name: chosen.name } : {}),
  };
}

export function joinOptions(chosen: Chosen<"join">): JoinOptions {
  return {
    ...(chosen.name ? { name: chosen.name } : {}),
    ...(chosen.seat ? { seat: chosen.seat } : {}),
  };
}

/** The scenario "Play now" opens a new table with: the January 2022 crisis, the one the alliance acted in. */
export const QUICK_SCENARIO = "kazakhstan-2022-01";

/**
 * "Play now": the matchmaker's `joinOrCreate` finds a quick match gathering strangers or makes one
 * (its scenario and language are used only when it is made). `?quickWait=<s>` shortens a new one's wait.
 */
export function quickOptions(
  name: string,
  lang: "en" | "ru",
  scenarios: readonly ScenarioInfo[] | null,
  search: string,
): CreateOptions & JoinOptions {
  const scenario =
    scenarios?.find((x) => x.id === QUICK_SCENARIO)?.id ?? scenarios?.[0]?.id ?? QUICK_SCENARIO;
  const wait = Number(new URLSearchParams(search).get("quickWait"));
  return {
    quickMatch: true,
    scenario,
    language: lang,
    ...seedOption(search),
    ...(Number.isFinite(wait) && wait > 0 && wait <= 600 ? { quickWaitSeconds: wait } : {}),
    ...(name ? { name } : {}),
  };
}
