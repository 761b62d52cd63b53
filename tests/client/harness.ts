/**
 * What the DOM tests share: happy-dom installed as the browser's globals, a seat's snapshot built the
 * way the server projects it (every other seat a bot), and a screen rendered into a fresh panel.
 */
import { Window } from "happy-dom";
import { projectPublic, projectSecret } from "../../server/sync/project.ts";
import { RoomState, SeatInfo } from "../../server/sync/schema.ts";
import type { Action, GameState, StateId } from "../../shared/rules/index.ts";
import type { ScreenCtx } from "../../client/ui/common.ts";
import { Sections } from "../../client/ui/dom.ts";
import { snapshotOf, type Snapshot } from "../../client/view/snapshot.ts";

export const window = new Window({ url: "http://localhost/" });
Object.assign(globalThis, {
  document: window.document,
  HTMLElement: window.HTMLElement,
  HTMLInputElement: window.HTMLInputElement,
  HTMLSelectElement: window.HTMLSelectElement,
  HTMLButtonElement: window.HTMLButtonElement,
});

/** The room's synced fields a test may set beside the game. */
export interface RoomFields {
  paused?: boolean;
  crisis?: number;
  crises?: number;
  deadline?: number;
}

export function seatSnapshot(state: GameState, seat: StateId, room: RoomFields = {}): Snapshot {
  const synced = new RoomState();
  synced.code = "ABCDE";
  if (room.paused !== undefined) synced.paused = room.paused;
  if (room.crisis !== undefined) synced.crisis = room.crisis;
  if (room.crises !== undefined) synced.crises = room.crises;
  if (room.deadline !== undefined) synced.deadline = room.deadline;
  projectPublic(synced, state);
  projectSecret(synced, state, seat);
  for (const member of state.scenario.members) {
    const info = new SeatInfo();
    info.holder = member === seat ? "human" : "bot";
    synced.seats.set(member, info);
  }
  const snap = snapshotOf(synced, seat);
  if (!snap) throw new Error("no snapshot");
  return snap;
}

/** A screen as `snap`'s seat sees it, in a fresh panel; what its buttons send is collected. */
export function renderScreen(
  snap: Snapshot,
  screen: (sections: Sections, ctx: ScreenCtx) => void,
): { root: HTMLElement; sent: Action[] } {
  document.body.replaceChildren();
  const root = document.createElement("main");
  document.body.append(root);
  const sent: Action[] = [];
  const ctx: ScreenCtx = {
    lang: "en",
    snap,
    act: (action) => sent.push(action),
    coachOn: false,
    chat: [],
    sendChat: () => undefined,
    muted: new Set(),
    toggleMute: () => undefined,
    sources: [],
  };
  const sections = new Sections(root);
  sections.begin();
  screen(sections, ctx);
  sections.end();
  return { root, sent };
}
