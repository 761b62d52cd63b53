/**
 * The live tracks (client/view/tracks.ts): each gauge's last change between two snapshots and its
 * cause, from real transitions of the rules as the server syncs them; and the gauges' words.
 */
import { describe, expect, it } from "vitest";
import { projectPublic, projectSecret } from "../../server/sync/project.ts";
import { RoomState } from "../../server/sync/schema.ts";
import { noteTrackChanges, signed, tracksVM, type TrackMemory } from "../../client/view/models.ts";
import { snapshotOf, type Snapshot } from "../../client/view/snapshot.ts";
import type { GameState, StateId } from "../../shared/rules/index.ts";
import { kazakhstanProposal, play } from "../helpers.ts";

function snap(s: GameState, seat: StateId | null = "BY"): Snapshot {
  const state = new RoomState();
  state.code = "ABCDE";
  projectPublic(state, s);
  if (seat) projectSecret(state, s, seat);
  const out = snapshotOf(state, seat);
  if (!out) throw new Error("no snapshot");
  return out;
}

/** Kazakhstan in national approvals: the Council decided the historical force unanimously. */
function approvals(): GameState {
  const s = kazakhstanProposal();
  const chair = s.scenario.chair;
  let next = play(s, [chair, { type: "callVote", format: "video" }]);
  for (const m of next.scenario.members) next = play(next, [m, { type: "vote", choice: "support" }]);
  expect(next.phase).toBe("approvals");
  return next;
}

describe("the live tracks", () => {
  it("shows each track and each member's standing as a gauge, with no change before one is seen", () => {
    const vm = tracksVM(snap(approvals()), {}, "en");
    expect(vm.tracks.map((g) => g.id)).toEqual(["severity", "credibility", "legitimacy", "sovereignty"]);
    expect(vm.tracks[1]).toMatchObject({ label: "Alliance credibility", short: "Credibility", change: null });
    expect(vm.standing.map((g) => g.id)).toContain("standing.BY");
    expect(vm.standing.find((g) => g.id === "standing.BY")).toMatchObject({
      mine: true,
      label: "Belarus: domestic standing",
    });
    expect(vm.latest).toBeNull();
  });

  it("names the move that changed a track: Belarus withdrawing its pledge costs credibility and raises its standing", () => {
    const before = approvals();
    const after = play(before, ["BY", { type: "withdrawPledge" }]);
    const a = snap(before);
    const b = snap(after);
    const memory = noteTrackChanges({}, a, b);
    expect(memory.credibility?.delta).toBe(
      Math.round((after.tracks.credibility - before.tracks.credibility) * 100) / 100,
    );
    expect(memory.credibility?.delta).toBeLessThan(0);
    expect(memory.credibility?.cause).toMatchObject({ kind: "entry", seat: "BY" });
    expect(memory["standing.BY"]?.delta).toBeGreaterThan(0);
    const vm = tracksVM(b, memory, "en");
    const credibility = vm.tracks.find((g) => g.id === "credibility");
    expect(credibility?.change).toMatch(/^−0\.5: Belarus: .*pledge/i);
    expect(credibility?.direction).toBe("down");
    expect(vm.latest).toMatch(/^Alliance credibility −0\.5: Belarus: /);
    // In Russian, with a decimal comma.
    expect(tracksVM(b, memory, "ru").tracks[1]?.change).toMatch(/^−0,5: Беларусь: /);
    // A later snapshot that moves nothing keeps the memory as it was.
    expect(noteTrackChanges(memory, b, b)).toBe(memory);
  });

  it("puts rising severity down to the clock when time passed and no event of the crisis was logged", () => {
    const a = approvals();
    const b: GameState = {
      ...a,
      clock: a.clock + 6,
      version: a.version + 1,
      tracks: { ...a.tracks, severity: a.tracks.severity + 0.25 },
    };
    const memory = noteTrackChanges({}, snap(a), snap(b));
    expect(memory.severity?.cause).toEqual({ kind: "clock", hour: b.clock });
    expect(tracksVM(snap(b), memory, "en").tracks[0]?.change).toMatch(/^\+0\.25: the crisis grew with time/);
  });

  it("heads the strip with the newest change a move made, not the crisis creeping with the clock", () => {
    const s = snap(approvals());
    const memory: TrackMemory = {
      credibility: {
        delta: -0.5,
        hour: 3,
        version: 3,
        cause: { kind: "entry", seat: "BY", message: { key: "log.withdrawPledge" } },
      },
      severity: { delta: 0.1, hour: 5, version: 5, cause: { kind: "clock", hour: 5 } },
    };
    expect(tracksVM(s, memory, "en").latest).toMatch(/^Alliance credibility −0\.5: Belarus: /);
    const clockOnly: TrackMemory = {
      severity: { delta: 0.1, hour: 5, version: 5, cause: { kind: "clock", hour: 5 } },
    };
    expect(tracksVM(s, clockOnly, "en").latest).toMatch(/^Crisis severity \+0\.1: the crisis grew/);
    expect(tracksVM(s, {}, "ru").tracks[0]?.shown).toMatch(/^\d+(,\d)?$/);
  });

  it("forgets the changes of another room, and starts empty", () => {
    const a = snap(approvals());
    const memory: TrackMemory = {
      credibility: { delta: 1, hour: 0, version: 1, cause: { kind: "unknown" } },
    };
    expect(noteTrackChanges(memory, null, a)).toEqual({});
    expect(noteTrackChanges(memory, { ...a, code: "OTHER" }, a)).toEqual({});
  });

  it("writes signed numbers with a true minus sign", () => {
    expect(signed(-0.5, "en")).toBe("−0.5");
    expect(signed(0.3, "ru")).toBe("+0,3");
  });
});
