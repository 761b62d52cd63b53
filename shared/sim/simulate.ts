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

const key = (o: GameOutcome): string =>
  [
    o.deployed ? "deployed" : "not deployed",
    o.form,
    o.bilateralDeployment ? `bilateral ${o.bilateralDeployment}` : "",
    o.firstFailedApproval ? `${o.firstFailedApproval} balked` : "",
    o.crisisLost ? "crisis lost" : "",
  ]
    .filter(Boolean)
    .join(", ");

export function summarize(scenarioId: string, results: readonly GameResult[]): Distribution {
  const n = results.length || 1;
  const count = (rec: Record<string, number>, k: string) => (rec[k] = (rec[k] ?? 0) + 1);
  const d: Distribution = {
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
  for (const { outcome: o, actions, refused } of results) {
    if (o.historical.matches) d.historicalMatchRate += 1 / n;
    if (o.deployed) d.deployedRate += 1 / n;
    count(d.outcomes, key(o));
    count(d.forms, o.form);
    count(d.firstFailedApproval, o.firstFailedApproval ?? "none");
    for (const id of o.failedApprovals) count(d.failedApprovals, id);
    if (o.hoursToDecision !== null) {
      hours += o.hoursToDecision;
      decided += 1;
    }
    for (const t of ["severity", "credibility", "legitimacy", "sovereignty"] as const)
      d.meanTracks[t] += o.tracks[t] / n;
    for (const [id, card] of Object.entries(o.scores) as [StateId, { total: number }][]) {
      d.meanScore[id] = (d.meanScore[id] ?? 0) + card.total / n;
    }
    d.actions += actions;
    d.refusedBotActions += refused;
  }
  d.meanHoursToDecision = decided ? hours / decided : null;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  d.historicalMatchRate = r(d.historicalMatchRate);
  d.deployedRate = r(d.deployedRate);
  for (const t of Object.keys(d.meanTracks) as (keyof Distribution["meanTracks"])[])
    d.meanTracks[t] = r(d.meanTracks[t]);
  for (const id of Object.keys(d.meanScore) as StateId[]) d.meanScore[id] = r(d.meanScore[id] ?? 0);
  if (d.meanHoursToDecision !== null) {
    d.meanDaysToDecision = r(d.meanHoursToDecision / 24);
    d.meanHoursToDecision = r(d.meanHoursToDecision);
  }
  return d;
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
    order.forEach((sc, j) => {
      const r = simulateGame(sc, mix, `${seed}:${i}:${sc.id}`, carry);
      carry = r.carry;
      results[j]?.push(r);
    });
  }
  return order.map((sc, j) => summarize(`campaign/${sc.id}`, results[j] ?? []));
}
