import { describe, expect, it } from "vitest";
import { playGame } from "../../shared/bots/driver.ts";
import { outcomeOf, type GameOutcome } from "../../shared/rules/index.ts";
import { agencyOf, agencySeeds, baselineOf, strategyEffect } from "../../shared/sim/agency.ts";
import {
  allowedClasses,
  hoursToLose,
  OUTCOME_CLASSES,
  outcomeClass,
  outcomeKey,
} from "../../shared/sim/agency-classes.ts";
import { scriptedBot, strategiesFor, type Strategy } from "../../shared/sim/agency-strategies.ts";
import { botsFor } from "../../shared/sim/simulate.ts";
import type { Scenario } from "../../shared/scenarios/schema.ts";
import { game, scenario, SCENARIO_IDS } from "../helpers.ts";

/** The outcome of the all-historical game of a scenario on one seed. */
function historical(id: string, seed = "t"): GameOutcome {
  return outcomeOf(playGame(game(id, seed), botsFor(scenario(id), "historical", seed)).state);
}

const strategy = (id: string, seat: string, s: Scenario): Strategy => {
  const found = strategiesFor(s, seat as never).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no strategy ${id} for ${seat}`);
  return found;
};

describe("outcome classes", () => {
  const base = historical("kazakhstan-2022-01");
  const none = { deployed: false, troops: {}, bilateralDeployment: null, crisisLost: false };

  it("classify every way a game ends", () => {
    expect(outcomeClass(base)).toBe("deployed");
    expect(outcomeClass({ ...base, ...none, endReason: "noRequest" })).toBe("noRequest");
    expect(outcomeClass({ ...base, ...none, endReason: "declined" })).toBe("noRequest");
    expect(outcomeClass({ ...base, ...none, endReason: "noDecision" })).toBe("noDecision");
    expect(outcomeClass({ ...base, ...none, endReason: "requestWithdrawn" })).toBe("noDecision");
    expect(outcomeClass({ ...base, ...none, endReason: "nonTroopDecision" })).toBe("nonTroopDecision");
    expect(outcomeClass({ ...base, ...none, endReason: "noContingents" })).toBe("noContingents");
    // A mission that ended before any contingent arrived sent no troops.
    expect(outcomeClass({ ...base, ...none, endReason: "missionEnded" })).toBe("noContingents");
    expect(outcomeClass({ ...base, ...none, endReason: "missionEnded", bilateralDeployment: "RU" })).toBe(
      "bilateral",
    );
    // A lost crisis is lost, whoever had arrived.
    expect(outcomeClass({ ...base, endReason: "crisisLost", crisisLost: true })).toBe("crisisLost");
  });

  it("history's own endings fall in the classes they should", () => {
    expect(outcomeClass(historical("armenia-2020-karabakh"))).toBe("bilateral");
    expect(outcomeClass(historical("kyrgyzstan-2010-04"))).toBe("noDecision");
    expect(outcomeClass(historical("kyrgyzstan-2010-06"))).toBe("nonTroopDecision");
  });

  it("an outcome's key names who deployed, so a missing contingent is a different outcome", () => {
    expect(outcomeKey(base)).toBe(outcomeKey(historical("kazakhstan-2022-01", "other")));
    const { BY: _by, ...withoutBelarus } = base.troops;
    expect(outcomeKey({ ...base, troops: withoutBelarus })).not.toBe(outcomeKey(base));
    expect(outcomeKey({ ...base, crisisLost: true })).not.toBe(outcomeKey(base));
  });

  it("the classes a scenario allows are read from its forces and its escalation", () => {
    const kz = scenario("kazakhstan-2022-01");
    for (const name of OUTCOME_CLASSES) expect(allowedClasses(kz)[name].allowed, name).toBe(true);
    const unarmed: Scenario = {
      ...kz,
      forces: Object.fromEntries(
        Object.entries(kz.forces).map(([id, force]) => [id, { ...force, available: 0 }]),
      ),
    };
    const allowed = allowedClasses(unarmed);
    for (const name of ["bilateral", "deployed", "noContingents"] as const)
      expect(allowed[name].allowed).toBe(false);
    expect(allowed.noRequest.allowed && allowed.noDecision.allowed && allowed.nonTroopDecision.allowed).toBe(
      true,
    );
    expect(allowedClasses({ ...kz, escalationPerDay: 0 }).crisisLost.allowed).toBe(false);
    // The fastest crisis is lost soonest; the slow border standoff of May 2021 last.
    const hours = SCENARIO_IDS.map((id) => hoursToLose(scenario(id)) ?? Infinity);
    expect(Math.min(...hours)).toBe(hoursToLose(kz));
    expect(Math.max(...hours)).toBe(hoursToLose(scenario("armenia-2021-05")));
  });

  it("the reason names the members whose briefs bind them to keep their troops at home", () => {
    const why = allowedClasses(scenario("kyrgyzstan-2010-04")).deployed.why;
    expect(why).toMatch(/every one of their briefs binds it to keep its troops at home/);
  });
});

describe("the agency measure", () => {
  const kz = scenario("kazakhstan-2022-01");
  const seeds = agencySeeds({ games: 4, seed: "t" });
  const baseline = baselineOf(kz, seeds);

  it("counts a seat's objection as changing the outcome: under unanimity it blocks", () => {
    const { effect, refused } = strategyEffect(
      kz,
      "BY",
      strategy("object:form", "BY", kz),
      seeds,
      baseline.keys,
    );
    expect(refused).toBe(0);
    expect(effect.changed).toBe(1);
    expect(Object.keys(effect.outcomes)).toEqual(["notDeployed, none"]);
  });

  it("counts a withheld pledge as changing who deploys", () => {
    const { effect } = strategyEffect(kz, "TJ", strategy("pledge:none", "TJ", kz), seeds, baseline.keys);
    expect(effect.changed).toBe(1);
    expect(Object.keys(effect.outcomes)[0]).toBe("deployed, peacekeeping, from AM+BY+KG+RU");
  });

  it("a seat that plays history changes nothing", () => {
    const history: Strategy = { id: "history", bot: () => scriptedBot({}) };
    expect(baseline.refused).toBe(0);
    for (const seat of kz.members) {
      const { effect } = strategyEffect(kz, seat, history, seeds, baseline.keys);
      expect(effect.changed, seat).toBe(0);
    }
  });

  it("reports which seats besides the host can change the outcome, and the mixed classes", () => {
    const result = agencyOf(kz, { games: 2, seed: "t", mixedGames: 30, threshold: 0.25 });
    expect(result.seatsThatChangeOutcome).toEqual(["RU", "BY", "AM", "KG", "TJ"]);
    expect(result.seatsThatChangeOutcome).not.toContain(kz.host);
    expect(result.hostChangesOutcome).toBe(true);
    expect(result.goals.seats.met).toBe(true);
    expect(result.outcomeClasses).toContain("deployed");
    expect(result.mixed.games).toBe(30);
    expect(Object.values(result.mixed.classes).reduce((n, k) => n + k, 0)).toBe(30);
    expect(result.goals.classes.missing).toEqual(
      OUTCOME_CLASSES.filter((name) => !result.outcomeClasses.includes(name)),
    );
    expect(result.refusedBotActions).toBe(0);
  });

  it("every scripted strategy in every seat of every scenario plays within the rules", () => {
    for (const id of SCENARIO_IDS) {
      const s = scenario(id);
      const one = agencySeeds({ games: 1, seed: "legal" });
      const keys = baselineOf(s, one).keys;
      for (const seat of s.members) {
        for (const candidate of strategiesFor(s, seat)) {
          const { refused } = strategyEffect(s, seat, candidate, one, keys);
          expect(refused, `${id} ${seat} ${candidate.id}`).toBe(0);
        }
      }
    }
  });
});
