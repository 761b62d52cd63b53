/**
 * How a game ended, for the agency measure (docs/game.md, "Agency"): the outcome a seat can change
 * (who deploys, in what form, whether the crisis is lost) and the coarse class of the ending. Which
 * classes a scenario allows is read statically off the scenario and the rules, not off any game.
 */
import type { GameOutcome } from "../rules/outcome.ts";
import { procedureFor } from "../rules/procedures.ts";
import { FORMAT_HOURS, FORMAT_MAX_ROUNDS } from "../rules/phases/entry.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { VOTE_FORMATS, type StateId } from "../rules/vocabulary.ts";

export const OUTCOME_CLASSES = [
  "noRequest",
  "bilateral",
  "noDecision",
  "nonTroopDecision",
  "deployed",
  "noContingents",
  "crisisLost",
] as const;
export type OutcomeClass = (typeof OUTCOME_CLASSES)[number];

/**
 * The class of an ended game. A lost crisis comes first (whatever else happened), then troops that
 * arrived: CSTO contingents, else bilateral help; then how the game ended without troops.
 */
export function outcomeClass(outcome: GameOutcome): OutcomeClass {
  if (outcome.crisisLost) return "crisisLost";
  if (outcome.deployed) return "deployed";
  if (outcome.bilateralDeployment !== null) return "bilateral";
  switch (outcome.endReason) {
    case "noRequest":
    case "declined":
      return "noRequest";
    case "noDecision":
    case "requestWithdrawn":
      return "noDecision";
    case "nonTroopDecision":
      return "nonTroopDecision";
    case "noContingents":
    case "missionEnded":
      return "noContingents";
    case "crisisLost":
      return "crisisLost";
  }
}

/**
 * What one seat can change: whether CSTO troops arrived, the form decided, which states' contingents
 * arrived, who deployed bilaterally, and whether the crisis was lost. Two games with the same key
 * had the same outcome.
 */
export function outcomeKey(outcome: GameOutcome): string {
  const from = (Object.keys(outcome.troops) as StateId[]).sort().join("+");
  return [
    outcome.deployed ? "deployed" : "notDeployed",
    outcome.form,
    from ? `from ${from}` : "",
    outcome.bilateralDeployment ? `bilateral ${outcome.bilateralDeployment}` : "",
    outcome.crisisLost ? "lost" : "",
  ]
    .filter(Boolean)
    .join(", ");
}

export interface AllowedClass {
  allowed: boolean;
  /** Why the rules and the scenario allow it, or do not. */
  why: string;
}

/**
 * Hours the alliance can deliberate before troops are on the ground, with every step played as
 * slowly as the rules let bots play it: the bilateral detour (request 6 h, answer 12 h, referred to
 * the alliance) and the slowest council format's every round (four summits of 48 h).
 */
export function longestDeliberationHours(): number {
  const council = Math.max(...VOTE_FORMATS.map((format) => FORMAT_HOURS[format] * FORMAT_MAX_ROUNDS[format]));
  return 6 + 12 + council;
}

/** The severity a scenario can reach while the alliance deliberates as long as the rules let it. */
export function reachableSeverity(scenario: Scenario): number {
  const events = scenario.events
    .filter((event) => event.trigger === "consultations")
    .reduce((n, event) => n + Math.max(0, event.effects.severity ?? 0), 0);
  const days = longestDeliberationHours() / 24;
  return Math.round((scenario.tracks.severity + scenario.escalationPerDay * days + events) * 100) / 100;
}

/** Which outcome classes the scenario's rules allow, each with its reason. */
export function allowedClasses(scenario: Scenario): Record<OutcomeClass, AllowedClass> {
  const contributors = scenario.members.filter(
    (id) => id !== scenario.host && (scenario.forces[id]?.available ?? 0) > 0,
  );
  const voting = contributors.filter((id) => procedureFor(id, scenario.date)?.chamber !== undefined);
  const named = contributors.join(", ");
  const troops = contributors.length > 0;
  const reach = reachableSeverity(scenario);
  const hours = longestDeliberationHours();
  return {
    noRequest: { allowed: true, why: "the host may always ask nobody" },
    bilateral: {
      allowed: troops,
      why: troops
        ? `the host may ask one member bilaterally, and ${named} have forces to assist with`
        : "no member other than the host has forces to assist with",
    },
    noDecision: {
      allowed: true,
      why: "any one member's objection blocks (unanimity), and a request may lapse or be withdrawn",
    },
    nonTroopDecision: { allowed: true, why: "a statement is lawful on any request that opens consultations" },
    deployed: {
      allowed: troops,
      why: troops
        ? `a formal request allows a troop form, and ${named} have forces to pledge`
        : "no member other than the host has forces to pledge",
    },
    noContingents: {
      allowed: troops,
      why: troops
        ? `a pledge can be withdrawn, stood aside from in the vote, or refused at home${voting.length ? ` (chamber votes: ${voting.join(", ")})` : ""}`
        : "no member other than the host has forces to pledge",
    },
    crisisLost: {
      allowed: scenario.escalationPerDay > 0 && reach >= 10,
      why: `severity ${scenario.tracks.severity} rising ${scenario.escalationPerDay} a day over the longest deliberation (${hours} h), with the consultations' events, reaches ${reach}${reach >= 10 ? " (10 loses the crisis)" : ", short of 10"}`,
    },
  };
}
