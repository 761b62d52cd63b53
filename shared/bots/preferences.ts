/**
 * What a leader wants, read off its private objectives: positive numbers mean "for". Pragmatic and
 * hard-line bots weigh proposals with these, so a scenario's objectives, not code, shape their play.
 */
import type { Objective } from "../scenarios/schema.ts";
import { FORMS, TROOP_FORMS, type Form, type StateId } from "../rules/vocabulary.ts";

export interface Preferences {
  /** For CSTO troops on the ground. */
  deploy: number;
  /** For this state's own troops abroad. */
  ownTroops: number;
  /** For any council decision at all. */
  decision: number;
  /** For each form of decision. */
  forms: Record<Form, number>;
  /** For speed (a decision within hours) and a short mission. */
  speed: number;
  /** For being the lead nation of a force. */
  lead: number;
  /** For a formal request (the host's own wish, or others' wish that the host asks). */
  formal: number;
  /** For a bilateral deployment outside the CSTO. */
  bilateral: number;
  /** The part of `deploy` that wanting the crisis contained adds: any troops, CSTO or not, serve it. */
  contain: number;
  /** Its weight on the alliance's credibility, which a lost crisis costs (docs/game.md, "Tracks"). */
  credibility: number;
}

export function preferencesOf(objectives: readonly Objective[], self: StateId): Preferences {
  const prefs: Preferences = {
    deploy: 0,
    ownTroops: 0,
    decision: 0,
    forms: Object.fromEntries(FORMS.map((form) => [form, 0])) as Record<Form, number>,
    speed: 0,
    lead: 0,
    formal: 0,
    bilateral: 0,
    contain: 0,
    credibility: 0,
  };
  for (const { condition, weight: w } of objectives) {
    const sign = (wanted: boolean) => (wanted ? w : -w);
    switch (condition.type) {
      case "deployed":
        prefs.deploy += sign(condition.value);
        break;
      case "ownTroopsAbroad":
        prefs.ownTroops += sign(condition.value);
        break;
      case "decision":
        prefs.decision += sign(condition.value);
        break;
      case "form":
        for (const form of condition.forms) prefs.forms[form] += w;
        if (condition.forms.every((form) => TROOP_FORMS.includes(form))) prefs.deploy += w / 2;
        break;
      case "decidedWithinHours":
      case "missionDaysAtMost":
        prefs.speed += w;
        break;
      case "leadNation":
        // A force to lead is a force on the ground, whoever leads it.
        if (condition.state === self) prefs.lead += w;
        prefs.deploy += w / 2;
        break;
      case "formalRequest":
        prefs.formal += sign(condition.value);
        break;
      case "bilateralDeployment":
        prefs.bilateral += sign(condition.value);
        break;
      case "track":
        // Wanting the crisis contained argues for help; wanting sovereignty kept argues against troops.
        if (condition.track === "severity" && condition.atMost !== undefined) {
          prefs.deploy += w / 3;
          prefs.contain += w / 3;
        }
        if (condition.track === "sovereignty" && condition.atLeast !== undefined) prefs.deploy -= w / 3;
        if (condition.track === "credibility" && condition.atLeast !== undefined) {
          prefs.decision += w / 2;
          prefs.credibility += w;
        }
        break;
      case "crisisContained":
        // Troops on the ground are the surest way to contain it: the strongest argument for them.
        prefs.deploy += w / 2;
        prefs.contain += w / 2;
        prefs.decision += w / 3;
        break;
      case "standing":
        break;
    }
  }
  return prefs;
}
