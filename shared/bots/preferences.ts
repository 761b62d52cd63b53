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
}

export function preferencesOf(objectives: readonly Objective[], self: StateId): Preferences {
  const p: Preferences = {
    deploy: 0,
    ownTroops: 0,
    decision: 0,
    forms: Object.fromEntries(FORMS.map((f) => [f, 0])) as Record<Form, number>,
    speed: 0,
    lead: 0,
    formal: 0,
    bilateral: 0,
  };
  for (const { condition: c, weight: w } of objectives) {
    const sign = (v: boolean) => (v ? w : -w);
    switch (c.type) {
      case "deployed":
        p.deploy += sign(c.value);
        break;
      case "ownTroopsAbroad":
        p.ownTroops += sign(c.value);
        break;
      case "decision":
        p.decision += sign(c.value);
        break;
      case "form":
        for (const f of c.forms) p.forms[f] += w;
        if (c.forms.every((f) => TROOP_FORMS.includes(f))) p.deploy += w / 2;
        break;
      case "decidedWithinHours":
      case "missionDaysAtMost":
        p.speed += w;
        break;
      case "leadNation":
        if (c.state === self) p.lead += w;
        else p.deploy += w / 2;
        break;
      case "formalRequest":
        p.formal += sign(c.value);
        break;
      case "bilateralDeployment":
        p.bilateral += sign(c.value);
        break;
      case "track":
        // Wanting the crisis contained argues for help; wanting sovereignty kept argues against troops.
        if (c.track === "severity" && c.atMost !== undefined) p.deploy += w / 3;
        if (c.track === "sovereignty" && c.atLeast !== undefined) p.deploy -= w / 3;
        if (c.track === "credibility" && c.atLeast !== undefined) p.decision += w / 2;
        break;
      case "crisisContained":
        p.deploy += w / 3;
        p.decision += w / 3;
        break;
      case "standing":
        break;
    }
  }
  return p;
}
