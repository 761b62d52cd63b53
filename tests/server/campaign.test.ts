/** The game room's campaign sequencing, as the pure functions it is: which crises, and what follows one. */
import { describe, expect, it } from "vitest";
import { carryForward, type GameState } from "../../shared/rules/index.ts";
import { afterCrisis, campaignCrises, crisisOfGameId } from "../../server/rooms/campaign.ts";
import { allReady, game, play, scenario, SCENARIO_IDS } from "../helpers.ts";

const scenarios = SCENARIO_IDS.map(scenario);

/** Armenia's May 2021 crisis, ended with no decision (an unanswered formal request: a grievance). */
function endedCrisis(seed: string | number = "camp"): GameState {
  const asked = play(allReady(game("armenia-2021-05", seed)), [
    "AM",
    { type: "requestAssistance", channel: "formal", article: "art2", framing: "borderIncident" },
  ]);
  const ended = play(asked, ["system", { type: "timerExpired" }]);
  expect(ended.ended?.reason).toBe("noDecision");
  return ended;
}

describe("campaign sequencing", () => {
  it("a room outside a campaign plays one crisis; a campaign plays the scenarios in date order from the chosen one", () => {
    expect(campaignCrises(scenarios, "armenia-2021-05", false)).toEqual(["armenia-2021-05"]);
    const all = campaignCrises(scenarios, scenarios[0]?.id ?? "", true);
    const dates = all.map((id) => scenario(id).date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(all)).toEqual(new Set(SCENARIO_IDS));
    const from = all.indexOf("armenia-2021-05");
    expect(campaignCrises(scenarios, all[0] ?? "", true)).toEqual(all);
    expect(campaignCrises(scenarios, "armenia-2021-05", true)).toEqual(all.slice(from));
  });

  it("a stored game's id says its room code and crisis", () => {
    expect(crisisOfGameId("ABCDE")).toEqual({ code: "ABCDE", crisis: 0 });
    expect(crisisOfGameId("ABCDE-2")).toEqual({ code: "ABCDE", crisis: 1 });
    expect(crisisOfGameId("ABCDE-12")).toEqual({ code: "ABCDE", crisis: 11 });
  });

  it("after a crisis the next one follows, with its id, a seed of its own and what the ended one carries", () => {
    const ended = endedCrisis("camp");
    const crises = ["armenia-2021-05", "armenia-2022-09", "kazakhstan-2022-01"];
    const first = afterCrisis({ code: "ABCDE", crisis: 0, crises, carry: undefined }, ended);
    expect(first.next).toEqual({
      crisis: 1,
      gameId: "ABCDE-2",
      scenarioId: "armenia-2022-09",
      seed: "camp#2",
      carry: carryForward(ended),
    });
    expect(first.next?.carry.grievances.AM).toBe(2);
    // The third crisis's seed is the first one's with #3 (not #2#3); the carry adds to the one before.
    const carried = { credibility: 4, grievances: { KZ: 1 } };
    const second = afterCrisis(
      { code: "ABCDE", crisis: 1, crises, carry: carried },
      { ...ended, seed: "camp#2" },
    );
    expect(second.next).toMatchObject({
      crisis: 2,
      gameId: "ABCDE-3",
      scenarioId: "kazakhstan-2022-01",
      seed: "camp#3",
    });
    expect(second.next?.carry).toEqual(carryForward(ended, carried));
  });

  it("after the last crisis, or outside a campaign, nothing follows", () => {
    const ended = endedCrisis();
    expect(
      afterCrisis({ code: "ABCDE", crisis: 0, crises: ["armenia-2021-05"], carry: undefined }, ended),
    ).toEqual({
      next: null,
    });
    const crises = ["kyrgyzstan-2010-06", "armenia-2021-05"];
    expect(afterCrisis({ code: "ABCDE", crisis: 1, crises, carry: undefined }, ended).next).toBeNull();
  });
});
