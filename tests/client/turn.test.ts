/**
 * The turn banner and the announcer (client/view/turn.ts): what the player can do now, the time
 * left, and what a screen reader hears — the phase changes and the player's own turn, not the bots.
 */
import { describe, expect, it } from "vitest";
import { projectPublic, projectSecret } from "../../server/sync/project.ts";
import { RoomState } from "../../server/sync/schema.ts";
import { announcementsVM, primaryAction, turnVM } from "../../client/view/models.ts";
import { snapshotOf, type Snapshot } from "../../client/view/snapshot.ts";
import type { GameState, StateId } from "../../shared/rules/index.ts";
import { game, kazakhstanConsultations, kazakhstanProposal, play } from "../helpers.ts";

interface Room {
  waitingFor?: string[];
  deadline?: number;
  paused?: boolean;
}

function snap(s: GameState, seat: StateId | null, room: Room = {}): Snapshot {
  const state = new RoomState();
  state.code = "ABCDE";
  projectPublic(state, s);
  if (seat) projectSecret(state, s, seat);
  state.waitingFor.push(...(room.waitingFor ?? []));
  state.deadline = room.deadline ?? 0;
  state.paused = room.paused === true;
  const out = snapshotOf(state, seat);
  if (!out) throw new Error("no snapshot");
  return out;
}

describe("the turn banner", () => {
  it("tells the player awaited what to do now, and the time left on the phase clock", () => {
    const s = kazakhstanProposal();
    const vm = turnVM(snap(s, "BY", { waitingFor: ["BY"], deadline: 100_000 }), "en", 58_000);
    expect(vm).toMatchObject({
      kind: "you",
      waiting: "Waiting for you",
      move: "Your move: take a position on the proposal",
      action: "position",
      left: "0:42 left",
      urgent: false,
    });
    // Under thirty seconds the clock is urgent; the text follows the clock passed in.
    expect(turnVM(snap(s, "BY", { waitingFor: ["BY"], deadline: 100_000 }), "en", 80_500)).toMatchObject({
      left: "0:20 left",
      urgent: true,
    });
    expect(turnVM(snap(s, "BY", { waitingFor: ["BY"], deadline: 100_000 }), "ru", 58_000)).toMatchObject({
      move: "Ваш ход: займите позицию по предложению",
      left: "Осталось 0:42",
    });
  });

  it("offers what a player not awaited may still do, and names whom the table waits on", () => {
    const vm = turnVM(snap(kazakhstanProposal(), "BY", { waitingFor: ["RU"] }), "en", 0);
    expect(vm?.kind).toBe("people");
    expect(vm?.waiting).toBe("Waiting for Russia (a person)");
    expect(vm?.move).toBe("You may: take a position on the proposal");
    expect(vm?.left).toBeNull();
  });

  it("asks the host for the request first, and the briefing for readiness", () => {
    const appeal = play(
      game("kazakhstan-2022-01"),
      ...game("kazakhstan-2022-01").scenario.members.map(
        (m) => [m, { type: "ready" }] as [StateId, { type: "ready" }],
      ),
    );
    expect(primaryAction(snap(appeal, "KZ"))).toBe("requestAssistance");
    expect(primaryAction(snap(game("kazakhstan-2022-01"), "RU"))).toBe("ready");
    expect(turnVM(snap(game("kazakhstan-2022-01"), "RU", { waitingFor: ["RU"] }), "en", 0)?.move).toBe(
      "Your move: mark yourself ready once you have read your brief",
    );
  });

  it("says nothing to do when paused, and nothing at all for a spectator with no clock", () => {
    const paused = turnVM(snap(kazakhstanProposal(), "BY", { waitingFor: ["BY"], paused: true }), "en", 0);
    expect(paused).toMatchObject({ move: null, left: null, waiting: "Paused" });
    expect(turnVM(snap(kazakhstanProposal(), null), "en", 0)).toBeNull();
  });
});

describe("the announcer", () => {
  it("reads a phase change and the player's own turn", () => {
    const before = snap(game("kazakhstan-2022-01"), "BY");
    const consult = kazakhstanConsultations();
    const after = snap(consult, "BY", { waitingFor: ["BY"] });
    const said = announcementsVM(before, after, "en");
    expect(said[0]).toBe("New phase: Consultations.");
    expect(said[1]).toMatch(/^Your move: /);
    expect(announcementsVM(before, after, "ru")[0]).toBe("Новый этап: Консультации.");
  });

  it("does not read the bots' moves and reasons, nor the same turn twice", () => {
    const s = kazakhstanConsultations();
    const moved = play(s, [
      "AM",
      {
        type: "propose",
        terms: { basis: "art4", form: "peacekeeping", tasks: ["guardSites"], timeLimitDays: 21 },
      },
    ]);
    expect(moved.timeline.length).toBeGreaterThan(s.timeline.length);
    expect(announcementsVM(snap(s, "BY"), snap(moved, "BY"), "en")).toEqual([]);
    const waiting = { waitingFor: ["BY"] };
    expect(announcementsVM(snap(s, "BY", waiting), snap(moved, "BY", waiting), "en")).toEqual([]);
    // The turn comes to this player: said once.
    expect(announcementsVM(snap(s, "BY"), snap(moved, "BY", waiting), "en")).toHaveLength(1);
  });
});
