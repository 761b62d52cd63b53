/**
 * How a game ended, for the agency measure (docs/game.md, "Agency"): the outcome a seat can change
 * (who deploys, in what form, whether the crisis is lost) and the coarse class of the ending. Which
 * classes a scenario allows is read statically off the scenario and the rules, not off any game.
 */
import type { GameOutcome } from "../rules/outcome.ts";
import { procedureFor } from "../rules/procedures.ts";
import { escalationAt, RECONVENE_HOURS } from "../rules/mechanics.ts";
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
 * the alliance), then every round of the slowest council format (four summits of 48 h), each
 * blocked one followed by the capitals' reconvening.
 */
export function longestDeliberationHours(): number {
  const slowest = [...VOTE_FORMATS].sort(
    (a, b) => FORMAT_HOURS[b] * FORMAT_MAX_ROUNDS[b] - FORMAT_HOURS[a] * FORMAT_MAX_ROUNDS[a],
  )[0];
  const rounds = slowest ? FORMAT_MAX_ROUNDS[slowest] : 0;
  const council = slowest ? FORMAT_HOURS[slowest] * rounds : 0;
  return 6 + 12 + council + RECONVENE_HOURS * Math.max(0, rounds - 1);
}

/**
 * How many hours of deliberation lose the crisis when it escalates as the rules make it (with every
 * consultations event that raises severity), or null if even the longest deliberation does not.
 */
export function hoursToLose(scenario: Scenario): number | null {
  const events = scenario.events
    .filter((event) => event.trigger === "consultations")
    .reduce((n, event) => n + Math.max(0, event.effects.severity ?? 0), 0);
  let severity = scenario.tracks.severity + events;
  for (let hour = 0; hour <= longestDeliberationHours(); hour++) {
    if (severity >= 10) return hour;
    severity += escalationAt(scenario.escalationPerDay, severity) / 24;
  }
  return null;
}

/**
 * Whether a member's brief binds it to keep its troops at home: its objectives about its own troops
 * abroad weigh against sending them. The rules still let it send them, and its bot does when its
 * will to send outweighs that (shared/bots/pragmatic/appraisal.ts, willToSend).
 */
export function boundToStayHome(scenario: Scenario, id: StateId): boolean {
  const weight = (scenario.briefs[id]?.objectives ?? []).reduce((n, { condition, weight: w }) => {
    if (condition.type !== "ownTroopsAbroad") return n;
    return n + (condition.value ? w : -w);
  }, 0);
  return weight < 0;
}

/**
 * Which outcome classes the scenario's rules allow, each with its reason. Troops, CSTO or
 * bilateral, need a member other than the host with forces available; the reason says which of
 * those the briefs bind to keep their troops at home.
 */
export function allowedClasses(scenario: Scenario): Record<OutcomeClass, AllowedClass> {
  const armed = scenario.members.filter(
    (id) => id !== scenario.host && (scenario.forces[id]?.available ?? 0) > 0,
  );
  const bound = armed.filter((id) => boundToStayHome(scenario, id));
  const free = armed.filter((id) => !bound.includes(id));
  const troops = armed.length > 0;
  const who = troops
    ? `${armed.join(", ")} have forces available` +
      (bound.length === 0
        ? ""
        : free.length === 0
          ? ", though every one of their briefs binds it to keep its troops at home"
          : ` (the briefs of ${bound.join(", ")} bind them to keep their troops at home)`)
    : "no member other than the host has forces available";
  const voting = armed.filter((id) => procedureFor(id, scenario.date)?.chamber !== undefined);
  const lose = hoursToLose(scenario);
  const longest = longestDeliberationHours();
  return {
    noRequest: { allowed: true, why: "the host may always ask nobody, and an ally asked alone may decline" },
    bilateral: { allowed: troops, why: `the host may ask one member alone to assist: ${who}` },
    noDecision: {
      allowed: true,
      why: "any one member's objection blocks (unanimity), and a request may lapse or be withdrawn",
    },
    nonTroopDecision: { allowed: true, why: "a statement is lawful on any request that opens consultations" },
    deployed: { allowed: troops, why: `a formal request allows a troop form, with pledges: ${who}` },
    noContingents: {
      allowed: troops,
      why: troops
        ? `a pledger may stand aside in the vote or withdraw, and a chamber may refuse${voting.length ? ` (chamber votes: ${voting.join(", ")})` : ""}: ${who}`
        : who,
    },
    crisisLost: {
      allowed: lose !== null,
      why:
        lose !== null
          ? `severity ${scenario.tracks.severity}, rising ${scenario.escalationPerDay} a day and faster as it deepens, reaches 10 after ${lose} h of deliberation (the rules allow ${longest} h)`
          : `severity ${scenario.tracks.severity}, rising ${scenario.escalationPerDay} a day, stays below 10 over the longest deliberation (${longest} h)`,
    },
  };
}
