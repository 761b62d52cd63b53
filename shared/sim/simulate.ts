/**
 * Many games with bots and no network: the outcome distribution of a scenario (or a campaign), how
 * often it ends as history did, and how fast the rules run. Pure: the caller times it and prints.
 */
import { createBot } from "../bots/index.ts";
import { playGame } from "../bots/driver.ts";
import { campaignOrder, carryForward, type CampaignCarry } from "../rules/campaign.ts";
import { outcomeOf, type GameOutcome } from "../rules/outcome.ts";
import { Rng, seedToRng } from "../rules/rng.ts";
import { createGame } from "../rules/setup.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { BOT_KINDS, type BotKind, type StateId } from "../rules/vocabulary.ts";
import type { Bot } from "../bots/bot.ts";

export const BOT_MIXES = [...BOT_KINDS, "mixed"] as const;
export type BotMix = (typeof BOT_MIXES)[number];

export interface GameResult {
  outcome: GameOutcome;
  actions: number;
  refused: number;
}

/** Bots for every seat. `mixed` draws each seat's kind from the game's seed. */
export function botsFor(scenario: Scenario, mix: BotMix, seed: string): Partial<Record<StateId, Bot>> {
  const rng = new Rng(seedToRng(`${seed}:mix`));
  const bots: Partial<Record<StateId, Bot>> = {};
  for (const id of scenario.members) {
    const kind: BotKind = mix === "mixed" ? rng.pick(BOT_KINDS) : mix;
    bots[id] = createBot(kind, `${seed}:${id}`);
  }
  return bots;
}

export function simulateGame(
  scenario: Scenario,
  mix: BotMix,
  seed: string,
  carry?: CampaignCarry,
): GameResult & { carry: CampaignCarry } {
  const played = playGame(
    createGame({ scenario, seed, ...(carry ? { carry } : {}) }),
    botsFor(scenario, mix, seed),
  );
  return {
    outcome: outcomeOf(played.state),
    actions: played.log.length,
    refused: played.refused.length,
    carry: carryForward(played.state, carry),
  };
}

export interface Distribution {
  scenario: string;
  games: number;
  historicalMatchRate: number;
  /** How many games ended in each way, keyed by a short description. */
  outcomes: Record<string, number>;
  deployedRate: number;
  forms: Record<string, number>;
  firstFailedApproval: Record<string, number>;
  /** Games in which each state's national approval failed at least one sitting. */
  failedApprovals: Record<string, number>;
  meanHoursToDecision: number | null;
  meanDaysToDecision: number | null;
  meanTracks: { severity: number; credibility: number; legitimacy: number; sovereignty: number };
  meanScore: Partial<Record<StateId, number>>;
  actions: number;
  refusedBotActions: number;
}

/** A short description of how a game ended ("not deployed, none, bilateral RU"). */
const outcomeLabel = (outcome: GameOutcome): string =>
  [
    outcome.deployed ? "deployed" : "not deployed",
    outcome.form,
    outcome.bilateralDeployment ? `bilateral ${outcome.bilateralDeployment}` : "",
    outcome.firstFailedApproval ? `${outcome.firstFailedApproval} balked` : "",
    outcome.crisisLost ? "crisis lost" : "",
  ]
    .filter(Boolean)
    .join(", ");

export function summarize(scenarioId: string, results: readonly GameResult[]): Distribution {
  const divisor = results.length || 1;
  const count = (counts: Record<string, number>, name: string) => (counts[name] = (counts[name] ?? 0) + 1);
  const distribution: Distribution = {
    scenario: scenarioId,
    games: results.length,
    historicalMatchRate: 0,
    outcomes: {},
    deployedRate: 0,
    forms: {},
    firstFailedApproval: {},
    failedApprovals: {},
    meanHoursToDecision: null,
    meanDaysToDecision: null,
    meanTracks: { severity: 0, credibility: 0, legitimacy: 0, sovereignty: 0 },
    meanScore: {},
    actions: 0,
    refusedBotActions: 0,
  };
  let hours = 0;
  let decided = 0;
  for (const { outcome, actions, refused } of results) {
    if (outcome.historical.matches) distribution.historicalMatchRate += 1 / divisor;
    if (outcome.deployed) distribution.deployedRate += 1 / divisor;
    count(distribution.outcomes, outcomeLabel(outcome));
    count(distribution.forms, outcome.form);
    count(distribution.firstFailedApproval, outcome.firstFailedApproval ?? "none");
    for (const id of outcome.failedApprovals) count(distribution.failedApprovals, id);
    if (outcome.hoursToDecision !== null) {
      hours += outcome.hoursToDecision;
      decided += 1;
    }
    for (const track of ["severity", "credibility", "legitimacy", "sovereignty"] as const)
      distribution.meanTracks[track] += outcome.tracks[track] / divisor;
    for (const [id, card] of Object.entries(outcome.scores) as [StateId, { total: number }][]) {
      distribution.meanScore[id] = (distribution.meanScore[id] ?? 0) + card.total / divisor;
    }
    distribution.actions += actions;
    distribution.refusedBotActions += refused;
  }
  distribution.meanHoursToDecision = decided ? hours / decided : null;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  distribution.historicalMatchRate = round(distribution.historicalMatchRate);
  distribution.deployedRate = round(distribution.deployedRate);
  for (const track of Object.keys(distribution.meanTracks) as (keyof Distribution["meanTracks"])[])
    distribution.meanTracks[track] = round(distribution.meanTracks[track]);
  for (const id of Object.keys(distribution.meanScore) as StateId[])
    distribution.meanScore[id] = round(distribution.meanScore[id] ?? 0);
  if (distribution.meanHoursToDecision !== null) {
    distribution.meanDaysToDecision = round(distribution.meanHoursToDecision / 24);
    distribution.meanHoursToDecision = round(distribution.meanHoursToDecision);
  }
  return distribution;
}

export function simulateScenario(scenario: Scenario, games: number, mix: BotMix, seed: string): Distribution {
  const results: GameResult[] = [];
  for (let i = 0; i < games; i++) results.push(simulateGame(scenario, mix, `${seed}:${i}`));
  return summarize(scenario.id, results);
}

/** Each game of a campaign plays every scenario in date order, carrying credibility and grievances. */
export function simulateCampaign(
  scenarios: Iterable<Scenario>,
  games: number,
  mix: BotMix,
  seed: string,
): Distribution[] {
  const order = campaignOrder(scenarios);
  const results = order.map(() => [] as GameResult[]);
  for (let i = 0; i < games; i++) {
    let carry: CampaignCarry | undefined;
    order.forEach((scenario, crisis) => {
      const result = simulateGame(scenario, mix, `${seed}:${i}:${scenario.id}`, carry);
      carry = result.carry;
      results[crisis]?.push(result);
    });
  }
  return order.map((scenario, crisis) => summarize(`campaign/${scenario.id}`, results[crisis] ?? []));
}
