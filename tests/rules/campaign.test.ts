import { describe, expect, it } from "vitest";
import { playGame } from "../../shared/bots/driver.ts";
import { campaignOrder, carryForward, createGame } from "../../shared/rules/index.ts";
import { botsFor } from "../../shared/sim/simulate.ts";
import { allReady, game, play, scenario, SCENARIO_IDS } from "../helpers.ts";

describe("a campaign", () => {
  it("orders scenarios by date", () => {
    const order = campaignOrder(SCENARIO_IDS.map(scenario)).map((s) => s.date);
    expect(order).toEqual([...order].sort());
  });

  it("carries credibility forward, and an unanswered formal request becomes a grievance", () => {
    // Armenia asks formally in May 2021 and the alliance does nothing.
    let s = play(allReady(game("armenia-2021-05")), [
      "AM",
      { type: "requestAssistance", channel: "formal", article: "art2", framing: "borderIncident" },
    ]);
    s = play(s, ["system", { type: "timerExpired" }]);
    expect(s.ended?.reason).toBe("noDecision");
    const carry = carryForward(s);
    expect(carry.credibility).toBe(s.tracks.credibility);
    expect(carry.grievances.AM).toBe(2);
    const next = createGame({ scenario: scenario("armenia-2022-09"), seed: 1, carry });
    expect(next.tracks.credibility).toBe(s.tracks.credibility);
    expect(next.tracks.standing.AM).toBe((scenario("armenia-2022-09").tracks.standing.AM ?? 0) - 1);
  });

  it("a deployment answers a grievance", () => {
    const sc = scenario("kazakhstan-2022-01");
    const played = playGame(createGame({ scenario: sc, seed: 1 }), botsFor(sc, "historical", "1"));
    expect(carryForward(played.state, { credibility: 3, grievances: { KZ: 2 } }).grievances.KZ).toBe(1);
  });
});
