/** Rules found wanting in review, each pinned by a test. */
import { describe, expect, it } from "vitest";
import { coach, playGame } from "../../shared/bots/index.ts";
import {
  apply,
  createGame,
  legalActions,
  outcomeOf,
  view,
  type Action,
  type GameState,
  type Seat,
  type StateId,
  type VoteChoice,
} from "../../shared/rules/index.ts";
import { parseScenario } from "../../shared/scenarios/parse.ts";
import type { Scenario } from "../../shared/scenarios/schema.ts";
import { botsFor } from "../../shared/sim/simulate.ts";
import { allReady, game, kazakhstanProposal, play, refuse, scenario } from "../helpers.ts";

const vote = (state: GameState, choices: Partial<Record<StateId, VoteChoice>>) =>
  play(
    state,
    ...state.scenario.members.map((m): [Seat, Action] => [
      m,
      { type: "vote", choice: choices[m] ?? "support" },
    ]),
  );

function decided(seed = 1, choices: Partial<Record<StateId, VoteChoice>> = {}) {
  return vote(play(kazakhstanProposal(seed), ["AM", { type: "callVote", format: "phone" }]), choices);
}

describe("national approvals run on into the deployment", () => {
  it("a state that stands aside takes no part: its pledge does not go", () => {
    const s = decided(1, { BY: "standAside" });
    expect(s.decision?.passed).toBe(true);
    expect(s.decision?.contingents.BY).toBeUndefined();
    expect(s.approvals.BY).toBeUndefined();
  });

  it("the first consent opens the deployment; a parliament still voting does not hold the others back", () => {
    let s = play(decided(), ["KG", { type: "submitApproval" }]);
    expect(s.approvals.KG?.status).toBe("failed");
    expect(s.phase).toBe("approvals");
    s = play(s, ["RU", { type: "submitApproval" }]);
    expect(s.phase).toBe("deployment");
    expect(s.contingents.map((c) => c.state)).toEqual(["RU"]);
    // Kyrgyzstan re-votes during the deployment and its contingent follows.
    s = play(s, ["KG", { type: "submitApproval" }], ["KZ", { type: "missionDay", decision: "stay" }]);
    while (s.approvals.KG?.status === "failed") s = play(s, ["KG", { type: "submitApproval" }]);
    expect(s.approvals.KG?.status).toBe("passed");
    expect(s.contingents.map((c) => c.state)).toContain("KG");
  });

  it("Tajikistan's troops leave when the pledge is submitted (on Russia's aircraft), not when the vote ends", () => {
    const s = play(decided(), ["RU", { type: "submitApproval" }], ["TJ", { type: "submitApproval" }]);
    const t = s.approvals.TJ;
    const c = s.contingents.find((x) => x.state === "TJ");
    const ru = s.contingents.find((x) => x.state === "RU");
    const aircraftLeft = (ru?.arrivesAtHour ?? NaN) - (s.scenario.forces.RU?.transportHours ?? NaN);
    expect(t?.movedEarly).toBe(true);
    expect(c?.arrivesAtHour).toBe(
      Math.max(t?.submittedAt ?? NaN, aircraftLeft) + (s.scenario.forces.TJ?.transportHours ?? NaN),
    );
    expect(c?.arrivesAtHour).toBeLessThan(
      (t?.sittings[0]?.atHour ?? 0) + (s.scenario.forces.TJ?.transportHours ?? 0),
    );
  });

  it("only contingents that arrived before the end count as deployed", () => {
    let s = play(decided(), ["RU", { type: "submitApproval" }]);
    s = play(s, ["KZ", { type: "missionDay", decision: "end" }]);
    const o = outcomeOf(s);
    const ru = s.contingents.find((c) => c.state === "RU");
    expect(o.deployed).toBe((ru?.arrivesAtHour ?? Infinity) <= (s.ended?.atHour ?? 0));
    expect(o.troops.AM).toBeUndefined();
  });
});

describe("requests", () => {
  it("after a referral the host can still make a formal request, and then troops are lawful", () => {
    let s = play(allReady(game("kyrgyzstan-2010-06")), [
      "KG",
      { type: "requestAssistance", channel: "bilateral", target: "RU" },
    ]);
    s = play(s, ["RU", { type: "respondBilateral", response: "referToAlliance" }]);
    const pk = {
      basis: "peacekeeping",
      form: "peacekeeping",
      tasks: ["guardSites"],
      timeLimitDays: 14,
    } as const;
    refuse(s, "RU", { type: "propose", terms: { ...pk, tasks: [...pk.tasks] } }, "ERR_NEEDS_FORMAL_REQUEST");
    refuse(s, "KG", { type: "requestAssistance", channel: "informal" }, "ERR_INCONSISTENT_TERMS");
    s = play(s, [
      "KG",
      { type: "requestAssistance", channel: "formal", article: "art2", framing: "domesticUnrest" },
    ]);
    expect(apply(s, "RU", { type: "propose", terms: { ...pk, tasks: [...pk.tasks] } }).ok).toBe(true);
    refuse(
      s,
      "KG",
      { type: "requestAssistance", channel: "formal", article: "art2", framing: "domesticUnrest" },
      "ERR_ALREADY_DONE",
    );
  });

  it("a bilateral mission is not ended by the first timer", () => {
    let s = play(allReady(game("armenia-2020-karabakh", 4)), [
      "AM",
      { type: "requestAssistance", channel: "bilateral", target: "RU" },
    ]);
    s = play(
      s,
      ["RU", { type: "respondBilateral", response: "assist", troops: 1960 }],
      ["RU", { type: "submitApproval" }],
    );
    while (s.phase === "approvals") s = play(s, ["system", { type: "timerExpired" }]);
    expect(s.phase).toBe("deployment");
    s = play(s, ["system", { type: "timerExpired" }]);
    expect(s.ended).toBeNull();
  });
});

describe("severity", () => {
  it("at 10 the crisis is lost, however it got there", () => {
    const base = scenario("kazakhstan-2022-01");
    const doom = {
      ...base,
      events: [
        {
          id: "doom",
          text: { en: "x", ru: "x" },
          trigger: "decision" as const,
          chance: 1,
          effects: { severity: 10 },
        },
      ],
    };
    const s = play(allReady(createGame({ scenario: doom, seed: 1 })), [
      "KZ",
      { type: "requestAssistance", channel: "formal", article: "art4", framing: "terrorismForeignLinks" },
    ]);
    const after = play(s, ["system", { type: "inject", event: "doom" }]);
    expect(after.ended?.reason).toBe("crisisLost");
  });
});

describe("seats and input", () => {
  it("deputy seats have one name only", () => {
    const s = game("kazakhstan-2022-01", 1, { deputies: { KG: 2 } });
    refuse(s, "KG.d01", { type: "deputyVote", vote: "yes" }, "ERR_UNKNOWN_SEAT");
    refuse(s, "KG.d0", { type: "deputyVote", vote: "yes" }, "ERR_UNKNOWN_SEAT");
  });

  it("human deputies are capped at the chamber's size and only where a chamber votes", () => {
    const s = game("kazakhstan-2022-01", 1, { deputies: { TJ: 500, AM: 3 } });
    expect(s.seats.deputies).toEqual({ TJ: 96 });
  });

  it("a reason cannot pose as a system line or carry long text", () => {
    const s = game("kazakhstan-2022-01");
    refuse(
      s,
      "RU",
      { type: "informalAppeal", framing: "domesticUnrest", reason: { key: "log.decision" } },
      "ERR_INVALID_ACTION",
    );
    const long = { key: "reason.pledge", params: { troops: "x".repeat(41) } };
    refuse(
      allReady(s),
      "RU",
      { type: "informalAppeal", framing: "domesticUnrest", reason: long },
      "ERR_INVALID_ACTION",
    );
  });

  it("a state with no forces is not offered a pledge", () => {
    const base = scenario("kazakhstan-2022-01");
    const by = { units: { en: "none", ru: "нет" }, transportHours: 12, available: 0 };
    const none = { ...base, forces: { ...base.forces, BY: by } };
    let s = play(allReady(createGame({ scenario: none, seed: 1 })), [
      "KZ",
      { type: "requestAssistance", channel: "formal", article: "art4", framing: "terrorismForeignLinks" },
    ]);
    s = play(s, [
      "AM",
      {
        type: "propose",
        terms: { basis: "art4", form: "peacekeeping", tasks: ["guardSites"], timeLimitDays: 21 },
      },
    ]);
    expect(legalActions(s, "BY").map((l) => l.type)).not.toContain("pledge");
    expect(legalActions(s, "RU").map((l) => l.type)).toContain("pledge");
  });
});

describe("scenario playbooks are checked against the rules", () => {
  /** The playbook of one brief in an editable copy of a scenario. */
  const playbookOf = (copy: Scenario, id: StateId) => {
    const playbook = copy.briefs[id]?.playbook;
    if (!playbook) throw new Error(`no playbook for ${id}`);
    return playbook;
  };

  it("refuses a playbook request the rules would refuse", () => {
    const copy = structuredClone(scenario("kazakhstan-2022-01"));
    playbookOf(copy, "KZ").appeal = { channel: "formal", article: "art4", framing: "domesticUnrest" };
    playbookOf(copy, "RU").bilateralResponse = "assist";
    playbookOf(copy, "RU").bilateralTroops = 0;
    const r = parseScenario("kazakhstan-2022-01.json", JSON.stringify(copy));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.join("\n")).toMatch(
        /briefs\.KZ\.playbook\.appeal\.framing: the rules would refuse this request/,
      );
      expect(r.errors.join("\n")).toMatch(
        /briefs\.RU\.playbook\.bilateralTroops: bilateral troops must be between 1/,
      );
    }
  });

  it("refuses a historical proposal that does not fit the historical request", () => {
    const copy = structuredClone(scenario("kazakhstan-2022-01"));
    playbookOf(copy, "KZ").appeal = { channel: "formal", article: "art2", framing: "domesticUnrest" };
    const r = parseScenario("kazakhstan-2022-01.json", JSON.stringify(copy));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.join("\n")).toMatch(
        /briefs\.AM\.playbook\.proposal: the rules would refuse this proposal/,
      );
    }
  });
});

describe("bots and coach", () => {
  it("the coach sees Kyrgyzstan's holiday quorum problem coming", () => {
    const s = decided();
    const advice = coach(view(s, "KG"), legalActions(s, "KG")).find((a) => a.type === "submitApproval");
    expect(advice?.outlook?.key).toBe("coach.outlook.noQuorum");
  });

  it("pragmatic and hard-line bots do not flip their position on the same text", () => {
    for (const mix of ["pragmatic", "hardline"] as const) {
      for (let i = 0; i < 40; i++) {
        const sc = scenario("armenia-2020-karabakh");
        const played = playGame(createGame({ scenario: sc, seed: `f${i}` }), botsFor(sc, mix, `f${i}`));
        const perSeat = new Map<string, number>();
        for (const { seat, action } of played.log) {
          if (action.type === "propose") perSeat.clear();
          if (action.type === "position") perSeat.set(seat, (perSeat.get(seat) ?? 0) + 1);
          for (const n of perSeat.values()) expect(n).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});
