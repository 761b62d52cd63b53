/**
 * A campaign chains scenarios in date order (2010 → 2020 → 2021 → 2022). Alliance credibility
 * carries forward, and so do grievances: a member whose formal request went unanswered remembers,
 * and its leader pays for the alliance at home, as Armenia's did (docs/game.md, "Campaign").
 */
import { outcomeOf } from "./outcome.ts";
import type { Scenario } from "../scenarios/schema.ts";
import type { CampaignCarry, GameState, PastCrisis } from "./state.ts";
import type { StateId } from "./vocabulary.ts";

export type { CampaignCarry, PastCrisis };

/** Scenarios in the order a campaign plays them. */
export function campaignOrder(scenarios: Iterable<Scenario>): Scenario[] {
  return [...scenarios].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.id.localeCompare(b.id),
  );
}

/** What an ended game passes to the next scenario of the campaign. */
export function carryForward(ended: GameState, previous?: CampaignCarry): CampaignCarry {
  const outcome = outcomeOf(ended);
  const host = ended.scenario.host;
  const grievances = { ...previous?.grievances };
  if (outcome.channel === "formal" && !outcome.decided) grievances[host] = (grievances[host] ?? 0) + 2;
  else if (outcome.channel === "formal" && !outcome.deployed && outcome.form !== "none")
    grievances[host] = (grievances[host] ?? 0) + 1;
  else if (outcome.deployed) grievances[host] = Math.max(0, (grievances[host] ?? 0) - 1);
  const crisis: PastCrisis = {
    scenarioId: ended.scenario.id,
    title: ended.scenario.title,
    endReason: outcome.endReason,
    form: outcome.form,
    deployed: outcome.deployed,
    crisisLost: outcome.crisisLost,
    asHistory: outcome.historical.matches,
    credibility: ended.tracks.credibility,
    allianceResult: outcome.allianceResult,
  };
  return { credibility: ended.tracks.credibility, grievances, past: [...(previous?.past ?? []), crisis] };
}

/** Adjusts a new game's starting tracks by what the campaign carried. */
export function applyCarry(tracks: GameState["tracks"], carry: CampaignCarry): GameState["tracks"] {
  const standing = { ...tracks.standing };
  for (const [id, g] of Object.entries(carry.grievances) as [StateId, number][]) {
    const now = standing[id];
    if (now !== undefined) standing[id] = Math.max(0, Math.round((now - 0.5 * g) * 100) / 100);
  }
  return { ...tracks, credibility: carry.credibility, standing };
}
