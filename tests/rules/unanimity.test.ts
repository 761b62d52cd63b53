import { describe, expect, it } from "vitest";
import {
  apply,
  councilPasses,
  FORMAT_HOURS,
  FORMAT_MAX_ROUNDS,
  type Action,
  type GameState,
  type Seat,
  type StateId,
  type VoteChoice,
} from "../../shared/rules/index.ts";
import { escalationAt, RECONVENE_HOURS } from "../../shared/rules/mechanics.ts";
import { kazakhstanProposal, play } from "../helpers.ts";

type Votes = Partial<Record<StateId, VoteChoice>>;
const all = (choice: VoteChoice): Votes => ({
  RU: choice,
  KZ: choice,
  BY: choice,
  AM: choice,
  KG: choice,
  TJ: choice,
});

describe("the edges of unanimity", () => {
  it.each<[string, Votes, boolean]>([
    ["everyone supports", all("support"), true],
    ["one objection blocks", { ...all("support"), BY: "object" }, false],
    ["the requester's own objection blocks", { ...all("support"), KZ: "object" }, false],
    ["standing aside does not block", { ...all("support"), AM: "standAside", BY: "standAside" }, true],
    ["all but the requester stand aside", { ...all("standAside"), KZ: "support" }, true],
    ["the requester must support, not stand aside", { ...all("support"), KZ: "standAside" }, false],
    [
      "a requester who has not voted has not supported",
      { RU: "support", BY: "support", AM: "support", KG: "support", TJ: "support" },
      false,
    ],
  ])("%s", (_name, votes, passes) => {
    expect(councilPasses(votes, "KZ")).toBe(passes);
  });
});

describe("council rounds in play", () => {
  /** Each member with a choice in `votes` casts it, in the scenario's order. */
  const vote = (state: GameState, votes: Votes) =>
    play(
      state,
      ...state.scenario.members.flatMap((seat): [Seat, Action][] => {
        const choice = votes[seat];
        return choice ? [[seat, { type: "vote", choice }]] : [];
      }),
    );

  it("a blocked proposal returns to consultations for amendment, at a clock cost", () => {
    const proposed = kazakhstanProposal();
    let s = play(proposed, ["AM", { type: "callVote", format: "video" }]);
    expect(s.phase).toBe("council");
    s = vote(s, { ...all("support"), BY: "object" });
    expect(s.phase).toBe("consultations");
    expect(s.decision).toBeNull();
    expect(s.round).toBe(1);
    // The round cost the hours of its format (a video conference), and the capitals took their
    // hours to reconvene after the block; the crisis escalated all the while.
    expect(s.clock).toBe(proposed.clock + FORMAT_HOURS.video + RECONVENE_HOURS);
    expect(s.tracks.severity).toBeGreaterThan(proposed.tracks.severity);
    // Amend to an assessment mission and put it again: it passes in round 2.
    s = play(
      s,
      ["BY", { type: "propose", terms: { basis: "art4", form: "assessment", tasks: [], timeLimitDays: 14 } }],
      ["AM", { type: "callVote", format: "video" }],
    );
    expect(s.round).toBe(2);
    s = vote(s, all("support"));
    expect(s.decision?.passed).toBe(true);
    expect(s.decision?.terms.form).toBe("assessment");
    expect(s.decision?.round).toBe(2);
    expect(s.phase).toBe("debrief");
  });

  it("a crisis feeds on itself: above severity 5 it escalates faster the deeper it is", () => {
    expect(escalationAt(1, 3)).toBe(1);
    expect(escalationAt(1, 5)).toBe(1);
    expect(escalationAt(1, 8)).toBeCloseTo(1.9);
    expect(escalationAt(0, 9)).toBe(0);
  });

  it("a format allows only so many rounds; then the matter lapses", () => {
    let s = kazakhstanProposal();
    for (let round = 1; round <= FORMAT_MAX_ROUNDS.phone; round++) {
      s = play(s, ["AM", { type: "callVote", format: "phone" }]);
      s = vote(s, { ...all("support"), RU: "object" });
    }
    expect(s.ended?.reason).toBe("noDecision");
  });

  it("refusing to sign is a signal, not a veto", () => {
    let s = play(kazakhstanProposal(), ["AM", { type: "callVote", format: "phone" }]);
    s = play(s, ["AM", { type: "vote", choice: "support", refuseToSign: true }]);
    s = vote(s, { RU: "support", KZ: "support", BY: "support", KG: "support", TJ: "support" });
    expect(s.decision?.passed).toBe(true);
    expect(s.decision?.refusedToSign).toEqual(["AM"]);
    const r = apply(kazakhstanProposal(), "AM", { type: "callVote", format: "phone" });
    expect(r.ok).toBe(true);
  });

  it("two members can force an extraordinary session when the chair stalls", () => {
    let s = play(kazakhstanProposal(), ["RU", { type: "requestSession" }]);
    expect(s.phase).toBe("consultations");
    s = play(s, ["KZ", { type: "requestSession" }]);
    expect(s.phase).toBe("council");
    expect(s.format).toBe("video");
  });
});
