/**
 * The banner of whom the table waits on and the creator's room controls (client/view/waiting.ts),
 * from the synced state as the server builds it; the solo menu's room options.
 */
import { describe, expect, it } from "vitest";
import { projectPublic, projectSecret } from "../../server/sync/project.ts";
import { RoomState, SeatInfo } from "../../server/sync/schema.ts";
import { roomControlsVM, waitingVM } from "../../client/view/models.ts";
import { snapshotOf, type Snapshot } from "../../client/view/snapshot.ts";
import { soloOptions } from "../../client/room-options.ts";
import type { GameState, StateId } from "../../shared/rules/index.ts";
import { game } from "../helpers.ts";

interface Room {
  waitingFor?: string[];
  holding?: boolean;
  botsDeciding?: boolean;
  solo?: boolean;
  invited?: boolean;
  paused?: boolean;
  open?: StateId[];
}

function snap(s: GameState, seat: StateId | null, room: Room, creator = false): Snapshot {
  const state = new RoomState();
  state.code = "ABCDE";
  projectPublic(state, s);
  if (seat) projectSecret(state, s, seat);
  for (const m of s.scenario.members) {
    const info = new SeatInfo();
    info.holder = room.open?.includes(m) ? "open" : "bot";
    state.seats.set(m, info);
  }
  state.waitingFor.push(...(room.waitingFor ?? []));
  state.holding = room.holding === true;
  state.botsDeciding = room.botsDeciding === true;
  state.solo = room.solo === true;
  state.invited = room.invited === true;
  state.paused = room.paused === true;
  const out = snapshotOf(state, seat, creator);
  if (!out) throw new Error("no snapshot");
  return out;
}

describe("the waiting banner", () => {
  const s = game("kazakhstan-2022-01");

  it("says when the table waits for this player, and for whom else", () => {
    expect(waitingVM(snap(s, "RU", { waitingFor: ["RU"] }), "en")).toEqual({
      kind: "you",
      text: "Waiting for you",
    });
    expect(waitingVM(snap(s, "RU", { waitingFor: ["RU", "BY"] }), "en")?.text).toBe(
      "Waiting for you and Belarus",
    );
    expect(waitingVM(snap(s, "RU", { waitingFor: ["RU"], holding: true }), "ru")?.text).toBe(
      "Ждём вашего решения — остальные готовы идти дальше",
    );
  });

  it("names the people awaited, with a plural, in English and Russian", () => {
    expect(waitingVM(snap(s, "RU", { waitingFor: ["BY"] }), "en")).toEqual({
      kind: "people",
      text: "Waiting for Belarus (a person)",
    });
    const three = snap(s, null, { waitingFor: ["BY", "AM", "KG.d1"] });
    expect(waitingVM(three, "en")?.text).toBe(
      "Waiting for Belarus, Armenia, and Deputy 1, Kyrgyzstan (3 people)",
    );
    expect(waitingVM(three, "ru")?.text).toBe(
      "Ждём: Беларусь, Армения и Депутат 1, Кыргызстан (3 живых игрока)",
    );
  });

  it("says the bots are deciding when no person is awaited, and nothing when nobody is (or the game is paused)", () => {
    expect(waitingVM(snap(s, "RU", { botsDeciding: true }), "en")).toEqual({
      kind: "bots",
      text: "The bots are deciding",
    });
    expect(waitingVM(snap(s, "RU", { botsDeciding: true }), "ru")?.text).toBe("Решают боты");
    expect(waitingVM(snap(s, "RU", {}), "en")).toBeNull();
    expect(waitingVM(snap(s, "RU", { waitingFor: ["RU"], paused: true }), "en")).toBeNull();
  });
});

describe("the creator's room controls", () => {
  const s = game("kazakhstan-2022-01");

  it("offers the open seats to bots to the creator only", () => {
    expect(roomControlsVM(snap(s, "RU", { open: ["BY", "AM"] }, true))).toEqual({ open: 2, invite: null });
    expect(roomControlsVM(snap(s, "RU", { open: ["BY", "AM"] }, false))).toEqual({ open: 0, invite: null });
  });

  it("offers a solo room's player the invitation until it is sent", () => {
    expect(roomControlsVM(snap(s, "RU", { solo: true }, true)).invite).toBe("closed");
    expect(roomControlsVM(snap(s, "RU", { solo: true, invited: true }, true)).invite).toBe("invited");
    expect(roomControlsVM(snap(s, "RU", { solo: true }, false)).invite).toBeNull();
  });
});

describe("the solo menu's room", () => {
  it("is a solo room at the chosen pace, with bots in every other seat", () => {
    const info = { id: "kazakhstan-2022-01", members: ["RU", "KZ"] } as never;
    const options = soloOptions(
      { scenario: "kazakhstan-2022-01", seat: "RU", bots: "pragmatic", pace: "fast", name: "" },
      [info],
      "",
    );
    expect(options).toMatchObject({
      solo: true,
      private: true,
      pace: "fast",
      seat: "RU",
      bots: { KZ: "pragmatic" },
    });
  });
});
