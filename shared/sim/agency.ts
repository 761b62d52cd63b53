/**
 * Does one seat matter? For every seat of a scenario, the agency measure plays alternative
 * strategies in that one seat against historical bots everywhere else, over many seeds, and counts
 * the seeds on which the outcome differs from the all-historical game on the same seed. Beside it,
 * the outcome classes that mixed bots reach, against those the scenario's rules allow
 * (docs/game.md, "Agency"). Pure: the caller times it and prints.
 */
import type { Bot } from "../bots/bot.ts";
import { playGame } from "../bots/driver.ts";
import { outcomeOf, type GameOutcome } from "../rules/outcome.ts";
import { createGame } from "../rules/setup.ts";
import type { StateId } from "../rules/vocabulary.ts";
import type { Scenario } from "../scenarios/schema.ts";
import {
  allowedClasses,
  OUTCOME_CLASSES,
  outcomeClass,
  outcomeKey,
  type AllowedClass,
  type OutcomeClass,
} from "./agency-classes.ts";
import { strategiesFor, type Strategy } from "./agency-strategies.ts";
import { botsFor, simulateGame } from "./simulate.ts";

export interface AgencyOptions {
  /** Seeds each strategy is played on (and the all-historical baseline with it). */
  games: number;
  seed: string;
  /** Games of mixed bots for the outcome classes. */
  mixedGames: number;
  /** Share of seeds on which a strategy must change the outcome for its seat to count. */
  threshold: number;
}

export const AGENCY_DEFAULTS: AgencyOptions = { games: 40, seed: "1", mixedGames: 1000, threshold: 0.25 };

/** Seats other than the host that must be able to change the outcome. */
export const SEATS_NEEDED = 3;

export interface StrategyEffect {
  strategy: string;
  /** Share of seeds on which the outcome differed from the baseline's. */
  changed: number;
  /** The outcomes it led to on those seeds, most frequent first (at most three). */
  outcomes: Record<string, number>;
}

export interface SeatAgency {
  roles: ("host" | "chair")[];
  changesOutcome: boolean;
  strategiesTried: number;
  /** The strategies that changed the outcome on at least one seed, strongest first. */
  strategies: StrategyEffect[];
}

export interface ScenarioAgency {
  scenario: string;
  host: StateId;
  chair: StateId;
  /** The all-historical outcomes on the seeds played. */
  baseline: Record<string, number>;
  seatsThatChangeOutcome: StateId[];
  hostChangesOutcome: boolean;
  seats: Partial<Record<StateId, SeatAgency>>;
  mixed: { games: number; classes: Partial<Record<OutcomeClass, number>> };
  /** The outcome classes reached in mixed-bot play. */
  outcomeClasses: OutcomeClass[];
  allowedClasses: Record<OutcomeClass, AllowedClass>;
  goals: {
    seats: { met: boolean; needed: number; have: number };
    classes: { met: boolean; missing: OutcomeClass[] };
  };
  refusedBotActions: number;
}

interface Played {
  outcome: GameOutcome;
  refused: number;
}

function play(scenario: Scenario, seed: string, seat?: StateId, strategy?: Strategy): Played {
  const bots: Partial<Record<StateId, Bot>> = botsFor(scenario, "historical", seed);
  if (seat && strategy) bots[seat] = strategy.bot(`${seed}:${seat}`);
  const played = playGame(createGame({ scenario, seed }), bots);
  return { outcome: outcomeOf(played.state), refused: played.refused.length };
}

const count = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

const round3 = (value: number) => Math.round(value * 1000) / 1000;

function topThree(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3),
  );
}

/** The all-historical outcome on each seed, as `outcomeKey`s, and the bot actions the rules refused. */
export function baselineOf(
  scenario: Scenario,
  seeds: readonly string[],
): { keys: string[]; refused: number } {
  const games = seeds.map((seed) => play(scenario, seed));
  return {
    keys: games.map((played) => outcomeKey(played.outcome)),
    refused: games.reduce((n, played) => n + played.refused, 0),
  };
}

/** One strategy in one seat against historical bots: how often it changed the baseline's outcome. */
export function strategyEffect(
  scenario: Scenario,
  seat: StateId,
  strategy: Strategy,
  seeds: readonly string[],
  baseline: readonly string[],
): { effect: StrategyEffect; refused: number } {
  const outcomes: Record<string, number> = {};
  let changed = 0;
  let refused = 0;
  seeds.forEach((seed, i) => {
    const played = play(scenario, seed, seat, strategy);
    refused += played.refused;
    const key = outcomeKey(played.outcome);
    if (key === baseline[i]) return;
    changed += 1;
    count(outcomes, key);
  });
  return {
    effect: {
      strategy: strategy.id,
      changed: round3(changed / (seeds.length || 1)),
      outcomes: topThree(outcomes),
    },
    refused,
  };
}

function seatAgency(
  scenario: Scenario,
  seat: StateId,
  seeds: readonly string[],
  baseline: readonly string[],
  options: AgencyOptions,
): { agency: SeatAgency; refused: number } {
  let refused = 0;
  const effects: StrategyEffect[] = [];
  const strategies = strategiesFor(scenario, seat);
  for (const strategy of strategies) {
    const result = strategyEffect(scenario, seat, strategy, seeds, baseline);
    refused += result.refused;
    if (result.effect.changed > 0) effects.push(result.effect);
  }
  effects.sort((a, b) => b.changed - a.changed);
  const roles: SeatAgency["roles"] = [];
  if (seat === scenario.host) roles.push("host");
  if (seat === scenario.chair) roles.push("chair");
  return {
    agency: {
      roles,
      changesOutcome: (effects[0]?.changed ?? 0) >= options.threshold,
      strategiesTried: strategies.length,
      strategies: effects,
    },
    refused,
  };
}

/** The outcome classes of mixed-bot games, on the simulator's seeds (`simulate --bots mixed`). */
export function mixedClasses(
  scenario: Scenario,
  games: number,
  seed: string,
): Partial<Record<OutcomeClass, number>> {
  const counts: Partial<Record<OutcomeClass, number>> = {};
  for (let i = 0; i < games; i++) {
    const { outcome } = simulateGame(scenario, "mixed", `${seed}:${i}`);
    const name = outcomeClass(outcome);
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** The seeds the strategies and their baseline are played on. */
export function agencySeeds(options: Pick<AgencyOptions, "games" | "seed">): string[] {
  return Array.from({ length: options.games }, (_, i) => `${options.seed}:${i}`);
}

export function agencyOf(scenario: Scenario, options: AgencyOptions = AGENCY_DEFAULTS): ScenarioAgency {
  const seeds = agencySeeds(options);
  const { keys: baselineKeys, refused: baselineRefused } = baselineOf(scenario, seeds);
  const baseline: Record<string, number> = {};
  for (const key of baselineKeys) count(baseline, key);
  let refused = baselineRefused;
  const seats: Partial<Record<StateId, SeatAgency>> = {};
  for (const seat of scenario.members) {
    const result = seatAgency(scenario, seat, seeds, baselineKeys, options);
    seats[seat] = result.agency;
    refused += result.refused;
  }
  const seatsThatChangeOutcome = scenario.members.filter(
    (id) => id !== scenario.host && seats[id]?.changesOutcome,
  );
  const classes = mixedClasses(scenario, options.mixedGames, options.seed);
  const outcomeClasses = OUTCOME_CLASSES.filter((name) => (classes[name] ?? 0) > 0);
  const allowed = allowedClasses(scenario);
  const missing = OUTCOME_CLASSES.filter((name) => allowed[name].allowed && !outcomeClasses.includes(name));
  return {
    scenario: scenario.id,
    host: scenario.host,
    chair: scenario.chair,
    baseline,
    seatsThatChangeOutcome,
    hostChangesOutcome: seats[scenario.host]?.changesOutcome ?? false,
    seats,
    mixed: { games: options.mixedGames, classes },
    outcomeClasses,
    allowedClasses: allowed,
    goals: {
      seats: {
        met: seatsThatChangeOutcome.length >= SEATS_NEEDED,
        needed: SEATS_NEEDED,
        have: seatsThatChangeOutcome.length,
      },
      classes: { met: missing.length === 0, missing },
    },
    refusedBotActions: refused,
  };
}
