/**
 * The DOM offers exactly what the rules allow. Random games in every scenario; after every accepted
 * step, each seat's snapshot is built the way the server projects it (its own synced state, updated
 * leaf by leaf as the room does), the screen the router shows for it is rendered into that seat's
 * panel, and the enabled action buttons (`data-action`) must be the seat's legal action types.
 */
import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { projectPublic, projectSecret } from "../../server/sync/project.ts";
import { RoomState, SeatInfo } from "../../server/sync/schema.ts";
import { createBot, seatOrder, type Bot } from "../../shared/bots/index.ts";
import {
  apply,
  BOT_KINDS,
  legalActions,
  view,
  type ActionType,
  type GameState,
  type Seat,
} from "../../shared/rules/index.ts";
import { Rng } from "../../shared/rules/rng.ts";
import { SCREEN_RENDERERS } from "../../client/ui/screens/index.ts";
import type { ScreenCtx } from "../../client/ui/common.ts";
import { Sections } from "../../client/ui/dom.ts";
import { nextView, type Shown } from "../../client/view/router.ts";
import { snapshotOf, type Snapshot } from "../../client/view/snapshot.ts";
import { randomAction, seatsOf } from "../rules/random-play.ts";
import { game, SCENARIO_IDS } from "../helpers.ts";

// A DOM for the screens only (happy-dom), installed as the browser's globals; the rest of the test,
// the rules and the server's projection run in Node as they do in the room.
const window = new Window({ url: "http://localhost/" });
Object.assign(globalThis, {
  document: window.document,
  location: window.location,
  HTMLElement: window.HTMLElement,
  HTMLInputElement: window.HTMLInputElement,
  HTMLSelectElement: window.HTMLSelectElement,
  HTMLButtonElement: window.HTMLButtonElement,
});

/** What the room does itself, never a person from a form. */
const SERVER_ONLY: readonly ActionType[] = ["timerExpired", "inject"];
/** Passes over the seats in one game; a few seeds per scenario keep the test to seconds. */
const MAX_PASSES = 40;
/** Seeds per scenario: two where the games go on to approvals and deployment, one elsewhere. */
const SEEDS: Record<string, number[]> = { "kazakhstan-2022-01": [1, 2], "armenia-2020-karabakh": [1, 4] };

/**
 * A random game that reaches the later phases: each seat's bot (of a random kind) plays most of its
 * turns, a random legal action with random parameters the rest; deputies vote at random; when a pass
 * brings no action, the clock expires the phase. `onState` sees every state the game goes through.
 */
function playRandomly(start: GameState, seed: number, onState: (state: GameState) => void): void {
  const rng = new Rng(seed);
  const bots: Partial<Record<Seat, Bot>> = {};
  for (const member of start.scenario.members)
    bots[member] = createBot(rng.pick(BOT_KINDS), `${seed}:${member}`);
  const deputies = seatsOf(start).filter((seat) => seat.includes(".d"));
  let state = start;
  for (let pass = 0; pass < MAX_PASSES && !state.ended; pass++) {
    let moved = false;
    for (const seat of [...seatOrder(state), ...deputies]) {
      if (state.ended) break;
      const legal = legalActions(state, seat).filter((entry) => !SERVER_ONLY.includes(entry.type));
      if (legal.length === 0) continue;
      const bot = bots[seat];
      const input =
        bot && rng.chance(0.85)
          ? bot.act(view(state, seat), legal)
          : rng.chance(0.4)
            ? randomAction(rng, rng.pick(legal).type)
            : null;
      if (!input) continue;
      const result = apply(state, seat, input);
      if (!result.ok) continue;
      state = result.state;
      onState(state);
      moved = true;
    }
    if (!moved && !state.ended) {
      const result = apply(state, "system", { type: "timerExpired" });
      if (!result.ok) break;
      state = result.state;
      onState(state);
    }
  }
}

interface Panel {
  root: HTMLElement;
  sections: Sections;
  shown: Shown;
  /** What the last render showed: the view, the legal actions and their reasons. */
  rendered: string;
}

function ctxFor(snap: Snapshot, sent: unknown[]): ScreenCtx {
  return {
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
}

function enabledActions(root: HTMLElement): Set<string> {
  const out = new Set<string>();
  for (const button of root.querySelectorAll<HTMLButtonElement>("button[data-action]"))
    if (!button.disabled) out.add(button.dataset.action ?? "");
  return out;
}

/** One table as a room keeps it: one synced state, a panel per seat that keeps its sections. */
class Table {
  readonly synced = new RoomState();
  readonly panels = new Map<Seat, Panel>();
  checks = 0;
  renders = 0;

  constructor(start: GameState, seats: Seat[]) {
    this.synced.code = "ABCDE";
    for (const member of start.scenario.members) {
      const info = new SeatInfo();
      info.holder = "human";
      this.synced.seats.set(member, info);
    }
    for (const seat of seats) {
      const root = document.createElement("main");
      document.body.append(root);
      this.panels.set(seat, {
        root,
        sections: new Sections(root),
        shown: { view: "menu", phase: null },
        rendered: "",
      });
    }
  }

  check(state: GameState): void {
    projectPublic(this.synced, state);
    for (const [seat, panel] of this.panels) {
      projectSecret(this.synced, state, seat);
      const snap = snapshotOf(this.synced, seat);
      if (!snap) throw new Error("no snapshot");
      const view = nextView(panel.shown, snap);
      panel.shown = { view, phase: snap.phase };
      if (view === "menu") throw new Error("a seated snapshot shows the menu");
      // happy-dom builds elements slowly: the screen is rendered again whenever what decides its
      // controls changed (the view, the legal actions, their reasons), as the client's keyed sections do.
      const rendered = JSON.stringify([view, snap.legal, snap.unavailable]);
      if (rendered !== panel.rendered) {
        panel.sections.begin();
        SCREEN_RENDERERS[view](panel.sections, ctxFor(snap, []));
        panel.sections.end();
        panel.rendered = rendered;
        this.renders++;
      }
      const legal = legalActions(state, seat)
        .map((entry) => entry.type)
        .filter((type) => !SERVER_ONLY.includes(type));
      const where = `${state.scenario.id} v${state.version} ${state.phase} ${seat} on ${view}`;
      expect([...enabledActions(panel.root)].sort(), where).toEqual([...new Set(legal)].sort());
      this.checks++;
    }
  }
}

const seen = new Set<string>();

describe.each(SCENARIO_IDS)("the screens offer exactly the legal actions: %s", (id) => {
  it("for every seat, after every step of random games", () => {
    let checks = 0;
    let renders = 0;
    const phases = new Set<string>();
    for (const seed of SEEDS[id] ?? [1]) {
      const start = game(id, seed, { deputies: { KG: 1, RU: 1 } });
      const seats = seatsOf(start).filter((seat) => seat !== "system");
      const table = new Table(start, seats);
      table.check(start);
      playRandomly(start, seed, (state) => {
        phases.add(state.phase);
        table.check(state);
      });
      checks += table.checks;
      renders += table.renders;
      for (const panel of table.panels.values()) panel.root.remove();
    }
    expect(checks).toBeGreaterThan(50);
    expect(renders).toBeGreaterThan(20);
    for (const phase of phases) seen.add(phase);
  });
});

describe("the random games", () => {
  it("went through every phase, the approvals and the deployment included", () => {
    expect([...seen].sort()).toEqual(
      [
        "briefing",
        "appeal",
        "bilateral",
        "consultations",
        "council",
        "approvals",
        "deployment",
        "debrief",
      ].sort(),
    );
  });
});
