import { describe, expect, it } from "vitest";
import {
  apply,
  outcomeOf,
  view,
  type Action,
  type ActionOf,
  type GameState,
  type Phase,
  type Seat,
} from "../../shared/rules/index.ts";
import { allReady, game, kazakhstanConsultations, kazakhstanProposal, play, refuse } from "../helpers.ts";

const supportAll = (state: GameState) =>
  play(state, ...state.scenario.members.map((m): [Seat, Action] => [m, { type: "vote", choice: "support" }]));

/** Kazakhstan after a decision, approvals open. */
function approvalsOpen(seed: string | number) {
  return supportAll(play(kazakhstanProposal(seed), ["AM", { type: "callVote", format: "phone" }]));
}

describe("briefing and appeal", () => {
  it("the appeal opens when every leader is ready", () => {
    let s = game("kazakhstan-2022-01");
    expect(s.phase).toBe("briefing");
    s = play(s, ["RU", { type: "ready" }]);
    refuse(s, "RU", { type: "ready" }, "ERR_ALREADY_DONE");
    s = allReady(game("kazakhstan-2022-01"));
    expect(s.phase).toBe("appeal");
  });

  it("the timer ends the briefing", () => {
    const s = play(game("kazakhstan-2022-01"), ["system", { type: "timerExpired" }]);
    expect(s.phase).toBe("appeal");
  });

  it.each<[string, Phase, Omit<ActionOf<"requestAssistance">, "type">]>([
    ["none", "debrief", { channel: "none" }],
    ["informal", "consultations", { channel: "informal" }],
    ["bilateral", "bilateral", { channel: "bilateral", target: "RU" }],
    ["formal Art. 2", "consultations", { channel: "formal", article: "art2", framing: "domesticUnrest" }],
    ["formal Art. 4", "consultations", { channel: "formal", article: "art4", framing: "externalAggression" }],
  ])("a %s request leads to %s", (_n, phase, request) => {
    const s = play(allReady(game("kazakhstan-2022-01")), ["KZ", { type: "requestAssistance", ...request }]);
    expect(s.phase).toBe(phase);
  });

  it("Article 4 needs a framing of aggression or foreign-linked terrorism", () => {
    const s = allReady(game("kazakhstan-2022-01"));
    refuse(
      s,
      "KZ",
      { type: "requestAssistance", channel: "formal", article: "art4", framing: "domesticUnrest" },
      "ERR_INCONSISTENT_TERMS",
    );
    refuse(
      s,
      "KZ",
      { type: "requestAssistance", channel: "formal", article: "art4" },
      "ERR_INCONSISTENT_TERMS",
    );
    refuse(
      s,
      "KZ",
      { type: "requestAssistance", channel: "bilateral", target: "KZ" },
      "ERR_INCONSISTENT_TERMS",
    );
  });

  it("an informal plea by others, then silence, opens informal consultations when the timer ends", () => {
    let s = play(allReady(game("kyrgyzstan-2010-04")), [
      "BY",
      { type: "informalAppeal", framing: "domesticUnrest" },
    ]);
    refuse(s, "KG", { type: "informalAppeal", framing: "domesticUnrest" }, "ERR_NOT_YOUR_ROLE");
    s = play(s, ["system", { type: "timerExpired" }]);
    expect(s.phase).toBe("consultations");
    expect(s.appeal?.channel).toBe("informal");
    // Without a formal request no troops can be proposed.
    refuse(
      s,
      "RU",
      {
        type: "propose",
        terms: { basis: "art2", form: "peacekeeping", tasks: ["guardSites"], timeLimitDays: 10 },
      },
      "ERR_NEEDS_FORMAL_REQUEST",
    );
  });
});

describe("bilateral requests", () => {
  const asked = () =>
    play(allReady(game("armenia-2020-karabakh")), [
      "AM",
      { type: "requestAssistance", channel: "bilateral", target: "RU" },
    ]);

  it("only the state asked answers", () => {
    refuse(asked(), "KZ", { type: "respondBilateral", response: "decline" }, "ERR_NOT_YOUR_ROLE");
  });

  it("assistance goes through the helper's own national approval, outside the CSTO", () => {
    let s = play(asked(), ["RU", { type: "respondBilateral", response: "assist", troops: 1960 }]);
    expect(s.phase).toBe("approvals");
    // A bilateral deployment is not short operational use: Russia needs the Federation Council.
    expect(s.approvals.RU?.needsVote).toBe(true);
    s = play(s, ["RU", { type: "submitApproval" }]);
    expect(s.approvals.RU?.sittings).toHaveLength(1);
    if (s.approvals.RU?.status === "passed") {
      expect(s.phase).toBe("deployment");
      expect(s.contingents).toEqual([
        expect.objectContaining({ state: "RU", troops: 1960, bilateral: true }),
      ]);
    }
  });

  it("referral opens consultations; decline ends the game", () => {
    expect(play(asked(), ["RU", { type: "respondBilateral", response: "referToAlliance" }]).phase).toBe(
      "consultations",
    );
    expect(play(asked(), ["RU", { type: "respondBilateral", response: "decline" }]).ended?.reason).toBe(
      "declined",
    );
    refuse(
      asked(),
      "RU",
      { type: "respondBilateral", response: "assist", troops: 90_000 },
      "ERR_OVER_FORCES",
    );
  });
});

describe("consultations", () => {
  it("pledges are bounded by each state's available forces, and the host pledges nothing", () => {
    const s = kazakhstanProposal();
    const available = s.scenario.forces.BY?.available ?? 0;
    refuse(s, "BY", { type: "pledge", troops: available + 1 }, "ERR_OVER_FORCES");
    refuse(s, "KZ", { type: "pledge", troops: 10 }, "ERR_NOT_YOUR_ROLE");
    expect(play(s, ["BY", { type: "pledge", troops: available }]).proposal?.contingents.BY).toBe(available);
    expect(play(s, ["BY", { type: "pledge", troops: 0 }]).proposal?.contingents.BY).toBeUndefined();
  });

  it("amending resets endorsements, and a non-troop form drops the pledges", () => {
    let s = play(kazakhstanProposal(), ["RU", { type: "position", stance: "endorse" }]);
    s = play(s, [
      "BY",
      { type: "propose", terms: { basis: "art2", form: "statement", tasks: [], timeLimitDays: 7 } },
    ]);
    expect(s.positions).toEqual({ BY: "endorse" });
    expect(s.proposal?.contingents).toEqual({});
    refuse(s, "RU", { type: "pledge", troops: 10 }, "ERR_INCONSISTENT_TERMS");
  });

  it("only the chair calls the vote, and a force needs contingents", () => {
    const s = kazakhstanProposal();
    refuse(s, "RU", { type: "callVote", format: "phone" }, "ERR_NOT_CHAIR");
    const empty = play(kazakhstanConsultations(), [
      "AM",
      {
        type: "propose",
        terms: { basis: "art4", form: "peacekeeping", tasks: ["guardSites"], timeLimitDays: 21 },
      },
    ]);
    refuse(empty, "AM", { type: "callVote", format: "phone" }, "ERR_INCONSISTENT_TERMS");
  });

  it("lawful terms depend on the request", () => {
    const s = kazakhstanConsultations();
    refuse(
      s,
      "AM",
      {
        type: "propose",
        terms: { basis: "art2", form: "collectiveForce", tasks: ["guardSites"], timeLimitDays: 7 },
      },
      "ERR_INCONSISTENT_TERMS",
    );
    refuse(
      s,
      "AM",
      { type: "propose", terms: { basis: "art4", form: "peacekeeping", tasks: [], timeLimitDays: 7 } },
      "ERR_INCONSISTENT_TERMS",
    );
    const art2 = play(allReady(game("kazakhstan-2022-01")), [
      "KZ",
      { type: "requestAssistance", channel: "formal", article: "art2", framing: "domesticUnrest" },
    ]);
    refuse(
      art2,
      "AM",
      {
        type: "propose",
        terms: { basis: "art4", form: "peacekeeping", tasks: ["guardSites"], timeLimitDays: 7 },
      },
      "ERR_NEEDS_FORMAL_REQUEST",
    );
    expect(
      apply(art2, "AM", {
        type: "propose",
        terms: { basis: "peacekeeping", form: "peacekeeping", tasks: ["guardSites"], timeLimitDays: 7 },
      }).ok,
    ).toBe(true);
  });

  it("the timer takes a ready proposal to a vote, and lapses an empty table", () => {
    expect(play(kazakhstanProposal(), ["system", { type: "timerExpired" }]).phase).toBe("council");
    expect(play(kazakhstanConsultations(), ["system", { type: "timerExpired" }]).ended?.reason).toBe(
      "noDecision",
    );
  });

  it("the host may withdraw its request", () => {
    expect(play(kazakhstanProposal(), ["KZ", { type: "withdrawRequest" }]).ended?.reason).toBe(
      "requestWithdrawn",
    );
  });
});

describe("national approvals and deployment", () => {
  it("a decision with troops opens each pledging state's procedure", () => {
    const s = approvalsOpen(1);
    expect(s.phase).toBe("approvals");
    expect(Object.keys(s.approvals).sort()).toEqual(["AM", "BY", "KG", "RU", "TJ"]);
    expect(s.approvals.RU?.needsVote).toBe(false); // standing consent, 21-day mission
    expect(s.approvals.KG?.needsVote).toBe(true);
    expect(s.approvals.TJ?.needsVote).toBe(true);
    expect(s.approvals.AM?.needsVote).toBe(false);
    expect(s.approvals.BY?.needsVote).toBe(false);
  });

  it("a failed national approval keeps only that contingent home; the decision stands", () => {
    let s = approvalsOpen(1);
    s = play(
      s,
      ["RU", { type: "submitApproval" }],
      ["BY", { type: "submitApproval" }],
      ["AM", { type: "submitApproval" }],
      ["TJ", { type: "submitApproval" }],
    );
    expect(s.approvals.RU?.status).toBe("passed");
    s = play(s, ["KG", { type: "submitApproval" }]);
    // The first sitting in January 2022 lacks a quorum (attendance 42%).
    expect(s.approvals.KG?.status).toBe("failed");
    expect(s.approvals.KG?.sittings[0]?.result).not.toBe("passed");
    s = play(s, ["KG", { type: "withdrawPledge" }]);
    expect(s.phase).toBe("deployment");
    expect(s.decision?.passed).toBe(true);
    expect(s.contingents.map((c) => c.state).sort()).toEqual(["AM", "BY", "RU", "TJ"]);
    expect(outcomeOf(play(s, ["KZ", { type: "missionDay", decision: "end" }])).firstFailedApproval).toBe(
      "KG",
    );
  });

  it("a re-vote costs political capital and holds another sitting", () => {
    let s = play(approvalsOpen(1), ["KG", { type: "submitApproval" }]);
    const capital = s.capital.KG ?? 0;
    s = play(s, ["KG", { type: "submitApproval" }]);
    expect(s.capital.KG).toBe(capital - 1);
    expect(s.approvals.KG?.sittings).toHaveLength(2);
    // The tracker shows each sitting's count against the threshold.
    const pub = view(s, "RU").approvals.KG;
    expect(pub?.sittings[1]).toEqual(expect.objectContaining({ needed: 61, quorum: 61 }));
  });

  it("Tajikistan's troops may move before the vote, at a legitimacy cost", () => {
    const s = approvalsOpen(1);
    const after = play(s, ["TJ", { type: "submitApproval" }]);
    expect(after.approvals.TJ?.movedEarly).toBe(true);
    expect(after.tracks.legitimacy).toBeLessThan(s.tracks.legitimacy);
  });

  it("lobbying spends capital and is bounded", () => {
    let s = approvalsOpen(1);
    const before = s.capital.RU ?? 0;
    s = play(s, ["RU", { type: "lobby", target: "KG" }]);
    expect(s.capital.RU).toBe(before - 1);
    expect(s.approvals.KG?.lobbying).toBe(1);
    refuse(s, "RU", { type: "lobby", target: "AM" }, "ERR_NOTHING_TO_DO"); // a government decision has no deputies
  });

  it("the host ends the mission; every day costs sovereignty", () => {
    let s = approvalsOpen(2);
    s = play(
      s,
      ...(["RU", "BY", "AM", "TJ", "KG"] as const).map((m): [Seat, Action] => [
        m,
        { type: "submitApproval" },
      ]),
    );
    while (s.phase === "approvals") s = play(s, ["system", { type: "timerExpired" }]);
    expect(s.phase).toBe("deployment");
    refuse(s, "RU", { type: "missionDay", decision: "end" }, "ERR_NOT_YOUR_ROLE");
    const before = s.tracks.sovereignty;
    for (let i = 0; i < 3; i++) s = play(s, ["KZ", { type: "missionDay", decision: "stay" }]);
    expect(s.tracks.sovereignty).toBeLessThan(before);
    s = play(s, ["RU", { type: "pressToLeave" }]);
    refuse(s, "RU", { type: "pressToLeave" }, "ERR_ALREADY_DONE");
    s = play(s, ["KZ", { type: "missionDay", decision: "end" }]);
    expect(s.ended?.reason).toBe("missionEnded");
    expect(s.phase).toBe("debrief");
    refuse(s, "KZ", { type: "missionDay", decision: "stay" }, "ERR_GAME_OVER");
  });

  it("human deputies vote in their chamber; the rest are drawn", () => {
    let s = game("kazakhstan-2022-01", 1, { deputies: { KG: 2 } });
    s = play(allReady(s), [
      "KZ",
      { type: "requestAssistance", channel: "formal", article: "art4", framing: "terrorismForeignLinks" },
    ]);
    s = play(
      s,
      [
        "AM",
        {
          type: "propose",
          terms: { basis: "art4", form: "peacekeeping", tasks: ["guardSites"], timeLimitDays: 21 },
        },
      ],
      ["KG", { type: "pledge", troops: 150 }],
      ["AM", { type: "callVote", format: "phone" }],
    );
    s = supportAll(s);
    refuse(s, "KG.d1", { type: "deputyVote", vote: "yes" }, "ERR_WRONG_PHASE");
    s = play(s, ["KG", { type: "submitApproval" }]);
    expect(s.approvals.KG?.status).toBe("voting");
    s = play(s, ["KG.d1", { type: "deputyVote", vote: "yes" }]);
    refuse(s, "KG.d1", { type: "deputyVote", vote: "no" }, "ERR_ALREADY_DONE");
    refuse(s, "KG.d3", { type: "deputyVote", vote: "no" }, "ERR_UNKNOWN_SEAT");
    refuse(s, "RU.d1", { type: "deputyVote", vote: "no" }, "ERR_UNKNOWN_SEAT");
    s = play(s, ["KG.d2", { type: "deputyVote", vote: "no" }]);
    const sitting = s.approvals.KG?.sittings[0];
    expect(sitting).toBeDefined();
    expect(sitting?.present).toBeGreaterThanOrEqual(2);
    expect(view(s, "KG.d1").private).toEqual({ role: "deputy", state: "KG", vote: null });
  });
});

describe("the debrief's track history", () => {
  it("holds the public tracks from the start to the end, each time they moved", () => {
    let s = play(approvalsOpen(2), ["RU", { type: "submitApproval" }]);
    s = play(
      s,
      ["KZ", { type: "missionDay", decision: "stay" }],
      ["KZ", { type: "missionDay", decision: "end" }],
    );
    const h = view(s, "RU").debrief?.trackHistory ?? [];
    expect(h[0]).toEqual({ hour: 0, severity: 6, credibility: 4, legitimacy: 5, sovereignty: 8 });
    expect(h.at(-1)).toMatchObject({ severity: s.tracks.severity, sovereignty: s.tracks.sovereignty });
    expect(h.map((p) => p.hour)).toEqual([...h.map((p) => p.hour)].sort((a, b) => a - b));
    expect(h.length).toBeGreaterThan(3);
  });
});
