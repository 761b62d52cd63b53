import { describe, expect, it } from "vitest";
import { outcomeOf, type Action, type GameState, type Seat } from "../../shared/rules/index.ts";
import { parseScenario } from "../../shared/scenarios/parse.ts";
import { kazakhstanConsultations, PEACEKEEPING, play, scenario } from "../helpers.ts";

const supportAll = (state: GameState) =>
  play(state, ...state.scenario.members.map((m): [Seat, Action] => [m, { type: "vote", choice: "support" }]));

/** Kazakhstan, January 2022, decided with the pledges given; Russia's aircraft carry BY, AM and TJ. */
function decidedWith(pledges: [Seat, number][]): GameState {
  let s = play(kazakhstanConsultations(), [
    "AM",
    { type: "propose", terms: { ...PEACEKEEPING, tasks: [...PEACEKEEPING.tasks] } },
  ]);
  for (const [seat, troops] of pledges) s = play(s, [seat, { type: "pledge", troops }]);
  return supportAll(play(s, ["AM", { type: "callVote", format: "phone" }]));
}

describe("airlift: a contingent flown on another member's aircraft goes only with that member", () => {
  it("Kazakhstan 2022: the scenario says whose aircraft carry which contingent", () => {
    const forces = scenario("kazakhstan-2022-01").forces;
    expect([forces.BY?.airliftBy, forces.AM?.airliftBy, forces.TJ?.airliftBy]).toEqual(["RU", "RU", "RU"]);
    expect(forces.KG?.airliftBy).toBeUndefined(); // by road
  });

  it("without a Russian contingent, the contingents Russia was to fly stay home; Kyrgyzstan's goes by road", () => {
    const s = decidedWith([
      ["BY", 100],
      ["TJ", 200],
      ["KG", 150],
    ]);
    expect(s.phase).toBe("approvals");
    expect(s.approvals.BY?.status).toBe("withdrawn");
    expect(s.approvals.TJ?.status).toBe("withdrawn");
    expect(s.approvals.KG?.status).toBe("pending");
    const grounded = s.timeline.filter((entry) => entry.message.key === "log.noAirlift");
    expect(grounded.map((entry) => [entry.seat, entry.message.params?.by])).toEqual([
      ["BY", "RU"],
      ["TJ", "RU"],
    ]);
  });

  it("when only airlifted contingents were pledged and Russia sends none, no troops come", () => {
    const s = decidedWith([
      ["BY", 100],
      ["TJ", 200],
    ]);
    expect(s.ended?.reason).toBe("noContingents");
    expect(outcomeOf(s).deployed).toBe(false);
  });

  it("a contingent consented before Russia's waits for the aircraft, and leaves with them", () => {
    let s = decidedWith([
      ["RU", 1480],
      ["BY", 100],
    ]);
    s = play(s, ["BY", { type: "submitApproval" }]);
    expect(s.approvals.BY?.status).toBe("passed");
    expect(s.contingents).toEqual([]);
    s = play(s, ["RU", { type: "submitApproval" }]);
    const ru = s.contingents.find((c) => c.state === "RU");
    const by = s.contingents.find((c) => c.state === "BY");
    const forces = s.scenario.forces;
    expect(ru && by).toBeTruthy();
    const departure = (ru?.arrivesAtHour ?? 0) - (forces.RU?.transportHours ?? 0);
    expect(by?.arrivesAtHour).toBe(departure + (forces.BY?.transportHours ?? 0));
  });

  it("if Russia withdraws its pledge, the contingents waiting for its aircraft are grounded", () => {
    let s = decidedWith([
      ["RU", 1480],
      ["BY", 100],
      ["KG", 150],
    ]);
    s = play(s, ["BY", { type: "submitApproval" }], ["RU", { type: "withdrawPledge" }]);
    expect(s.approvals.BY?.status).toBe("withdrawn");
    expect(s.approvals.KG?.status).toBe("pending");
    expect(s.contingents).toEqual([]);
    s = play(s, ["KG", { type: "withdrawPledge" }]);
    expect(s.ended?.reason).toBe("noContingents");
  });

  it("a scenario file whose airlift comes from the state itself, or from a non-member, is refused", () => {
    const withAirlift = (by: string): string => {
      const file = structuredClone(scenario("kazakhstan-2022-01")) as unknown as {
        forces: Record<string, { airliftBy?: string }>;
      };
      if (file.forces.BY) file.forces.BY.airliftBy = by;
      return JSON.stringify(file);
    };
    const name = "kazakhstan-2022-01.json";
    for (const by of ["BY", "UZ"]) {
      const result = parseScenario(name, withAirlift(by));
      expect(result.ok ? [] : result.errors).toEqual([
        `${name}: forces.BY.airliftBy: BY's airlift must come from another member, not ${by}`,
      ]);
    }
    expect(parseScenario(name, withAirlift("RU")).ok).toBe(true);
  });
});
