/**
 * The intended fix of issue 10: a pledged state whose approval is still open when the game moves on
 * to deployment may still submit it (and lobby, or withdraw), as the rules allow — the view-model
 * enables the input from the server's projection, and names the rule's reason when it is not allowed.
 */
import { describe, expect, it } from "vitest";
import { projectPublic, projectSecret } from "../../server/sync/project.ts";
import { RoomState } from "../../server/sync/schema.ts";
import { legalActions, type GameState, type Seat } from "../../shared/rules/index.ts";
import { actionState } from "../../client/view/models.ts";
import { snapshotOf, type Snapshot } from "../../client/view/snapshot.ts";
import { kazakhstanProposal, play } from "../helpers.ts";

function snap(state: GameState, seat: Seat): Snapshot {
  const synced = new RoomState();
  synced.code = "ABCDE";
  projectPublic(synced, state);
  projectSecret(synced, state, seat);
  const out = snapshotOf(synced, seat);
  if (!out) throw new Error("no snapshot");
  return out;
}

/** Kazakhstan after the decision: every pledging state but Kyrgyzstan submits, and the clock runs out. */
function deploymentWithKyrgyzstanPending(): GameState {
  let state = play(kazakhstanProposal(1), ["AM", { type: "callVote", format: "phone" }]);
  state = play(
    state,
    ...state.scenario.members.map((m): [Seat, { type: "vote"; choice: "support" }] => [
      m,
      { type: "vote", choice: "support" },
    ]),
  );
  state = play(
    state,
    ["RU", { type: "submitApproval" }],
    ["BY", { type: "submitApproval" }],
    ["AM", { type: "submitApproval" }],
    ["TJ", { type: "submitApproval" }],
  );
  while (state.phase === "approvals") state = play(state, ["system", { type: "timerExpired" }]);
  return state;
}

describe("a pledge still open in deployment", () => {
  it("the submit control is enabled for the pledged seat, as the rules allow", () => {
    const state = deploymentWithKyrgyzstanPending();
    expect(state.phase).toBe("deployment");
    expect(state.approvals.KG?.status).toBe("pending");
    expect(legalActions(state, "KG").map((l) => l.type)).toContain("submitApproval");
    expect(actionState(snap(state, "KG"), "submitApproval", "en")).toEqual({ enabled: true, reason: null });
    expect(actionState(snap(state, "KG"), "withdrawPledge", "en").enabled).toBe(true);
  });

  it("a seat with nothing pledged is told why, from the rules' own refusal", () => {
    const state = deploymentWithKyrgyzstanPending();
    // Kazakhstan, the host, pledges nothing: the rules refuse it by role.
    expect(actionState(snap(state, "KZ"), "submitApproval", "en")).toEqual({
      enabled: false,
      reason: "Only a state with pledged troops can do that.",
    });
    expect(actionState(snap(state, "KZ"), "submitApproval", "ru").reason).toBe(
      "Это может сделать только государство, выделившее войска.",
    );
    // Belarus has submitted and passed: already done.
    expect(actionState(snap(state, "BY"), "submitApproval", "en").reason).toBe("You have already done that.");
    // And its pledge cannot be withdrawn now, which is said as such (not "already done": it never withdrew).
    expect(actionState(snap(state, "BY"), "withdrawPledge", "en").reason).toMatch(
      /^Your contingent has already been approved and is on its way/,
    );
  });
});
