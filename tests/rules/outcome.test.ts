/** The debrief's comparison with history: how every approval ended, and whether the council decided within a day. */
import { describe, expect, it } from "vitest";
import {
  compareWithHistory,
  outcomeOf,
  type Action,
  type Facts,
  type GameState,
  type Seat,
} from "../../shared/rules/index.ts";
import { allReady, game, kazakhstanProposal, play, scenario } from "../helpers.ts";

const supportAll = (state: GameState) =>
  play(state, ...state.scenario.members.map((m): [Seat, Action] => [m, { type: "vote", choice: "support" }]));

/** Kazakhstan with the contingents sent to their procedures; Kyrgyzstan's first sitting fails. */
function kyrgyzSittingFailed(): GameState {
  let s = supportAll(play(kazakhstanProposal(1), ["AM", { type: "callVote", format: "phone" }]));
  for (const id of ["RU", "BY", "AM", "TJ", "KG"] as const) s = play(s, [id, { type: "submitApproval" }]);
  expect(s.approvals.KG?.status).toBe("failed");
  return s;
}

/** The host keeps the contingents a few days, until they have landed, then ends the mission. */
function endMission(s: GameState): GameState {
  const stay: [Seat, Action] = ["KZ", { type: "missionDay", decision: "stay" }];
  return play(s, stay, stay, stay, ["KZ", { type: "missionDay", decision: "end" }]);
}

describe("how each national approval ended", () => {
  it("a Kyrgyz contingent kept home is a difference from history, though Kyrgyzstan still balked first", () => {
    const s = endMission(play(kyrgyzSittingFailed(), ["KG", { type: "withdrawPledge" }]));
    const o = outcomeOf(s);
    expect(o.approvals).toEqual({ RU: "passed", BY: "passed", AM: "passed", TJ: "passed", KG: "withdrawn" });
    expect(o.firstFailedApproval).toBe("KG");
    expect(o.historical.mismatches).toEqual(["approvals"]);
  });

  it("re-voting until the Jogorku Kenesh consents, as on 7 January 2022, matches history", () => {
    let s = kyrgyzSittingFailed();
    while (s.approvals.KG?.status === "failed") s = play(s, ["KG", { type: "submitApproval" }]);
    expect(s.approvals.KG?.status).toBe("passed");
    const o = outcomeOf(endMission(s));
    expect(o.approvals.KG).toBe("passed");
    expect(o.historical.mismatches).toEqual([]);
  });

  it("compares both ways: a state history never sent to a procedure is a difference too", () => {
    const history = scenario("armenia-2020-karabakh").historical.outcome;
    const facts = { ...outcomeOf(game("armenia-2020-karabakh")), bilateralDeployment: "RU" } as Facts;
    expect(compareWithHistory(history, { ...facts, approvals: { RU: "passed" } }).mismatches).toEqual([]);
    expect(compareWithHistory(history, { ...facts, approvals: {} }).mismatches).toEqual(["approvals"]);
    expect(compareWithHistory(history, { ...facts, approvals: { RU: "voting" } }).mismatches).toEqual([
      "approvals",
    ]);
    expect(
      compareWithHistory(history, { ...facts, approvals: { RU: "passed", KZ: "passed" } }).mismatches,
    ).toEqual(["approvals"]);
  });
});

describe("whether the council decided within a day, both ways", () => {
  it("Kyrgyzstan, June 2010: a decision within hours is not what happened (the package took three days)", () => {
    let s = play(
      allReady(game("kyrgyzstan-2010-06")),
      ["KG", { type: "requestAssistance", channel: "formal", article: "art2", framing: "domesticUnrest" }],
      [
        "RU",
        {
          type: "propose",
          terms: { basis: "art2", form: "equipment", tasks: ["humanitarian"], timeLimitDays: 30 },
        },
      ],
      ["RU", { type: "callVote", format: "phone" }],
    );
    s = supportAll(s);
    const o = outcomeOf(s);
    expect(o.hoursToDecision).toBeLessThanOrEqual(24);
    expect(o.decidedWithinDay).toBe(true);
    expect(o.historical.mismatches).toEqual(["decidedWithinDay"]);
  });

  it("Kazakhstan, January 2022: no decision within the day is a difference, and so is none at all", () => {
    const history = scenario("kazakhstan-2022-01").historical.outcome;
    expect(history.decidedWithinDay).toBe(true);
    const o = outcomeOf(play(kazakhstanProposal(), ["KZ", { type: "withdrawRequest" }]));
    expect(o.decidedWithinDay).toBe(false);
    expect(o.historical.mismatches).toContain("decidedWithinDay");
    const slow = { ...o, decided: true, hoursToDecision: 30, decidedWithinDay: false } as Facts;
    expect(compareWithHistory(history, slow).mismatches).toContain("decidedWithinDay");
    const fast = { ...slow, hoursToDecision: 12, decidedWithinDay: true } as Facts;
    expect(compareWithHistory(history, fast).mismatches).not.toContain("decidedWithinDay");
  });
});
