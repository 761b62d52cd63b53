/** The synced state's encodings round-trip: flattened views, packed timeline entries, legal actions. */
import { describe, expect, test } from "vitest";
import { createBot, playGame } from "../../shared/bots/index.ts";
import {
  flatten,
  legalFromObject,
  legalToObject,
  packTimelineEntry,
  publicViewOf,
  seatViewOf,
  unflatten,
  unpackTimelineEntry,
} from "../../shared/protocol/index.ts";
import {
  createGame,
  legalActions,
  spectatorView,
  view,
  type GameState,
  type Message,
} from "../../shared/rules/index.ts";
import { apply } from "../../shared/rules/index.ts";
import { bundledScenarios } from "../../server/content/scenario-files.ts";

/** Every state of some bot games, over every scenario and bot kind. */
function* states(): Generator<GameState> {
  for (const sc of bundledScenarios().values()) {
    for (const kind of ["historical", "pragmatic", "hardline"] as const) {
      const bots = Object.fromEntries(sc.members.map((m) => [m, createBot(kind, `${sc.id}:${m}`)]));
      const initial = createGame({ scenario: sc, seed: `${kind}-7`, seats: { deputies: { [sc.host]: 2 } } });
      const { log } = playGame(initial, bots);
      let s = initial;
      yield s;
      for (const { seat, action } of log) {
        const r = apply(s, seat, action);
        if (!r.ok) throw new Error(r.error.code);
        s = r.state;
        yield s;
      }
    }
  }
}

describe("the synced state's encodings", () => {
  test("a public view and each seat's view come back whole from the synced parts", () => {
    let checked = 0;
    for (const s of states()) {
      const pub = spectatorView(s);
      const { scenario, timeline, debrief, version, phase, ...rest } = pub;
      const synced = {
        version,
        phase,
        scenario: JSON.stringify(scenario),
        pub: flatten(rest).entries(),
        timeline: timeline.map(packTimelineEntry),
        debrief: debrief ? JSON.stringify(debrief) : "",
      };
      const back = publicViewOf(synced);
      expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(pub)));
      for (const seat of [s.scenario.chair, `${s.scenario.host}.d2` as const]) {
        const own = view(s, seat);
        const fields = flatten({ ...(own.private ?? {}), legal: legalToObject(legalActions(s, seat)) });
        const sv = seatViewOf(back, seat, fields.entries());
        expect(JSON.parse(JSON.stringify(sv.view))).toEqual(JSON.parse(JSON.stringify(own)));
        expect(sv.legal).toEqual(legalActions(s, seat));
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  test("flatten opens objects to a fixed depth and keeps arrays, empty objects and dotted keys whole", () => {
    const v = {
      a: { b: { c: { d: 1 } }, e: [1, { f: 2 }], g: {} },
      "x.y": 1,
      h: { "KG.d1": "yes" },
      n: null,
    };
    const flat = flatten(v);
    expect([...flat.keys()].sort()).toEqual(["a.b.c", "a.e", "a.g", "h", "n", "x.y"].sort());
    expect(unflatten([...flat].filter(([k]) => k !== "x.y"))).toEqual({ a: v.a, h: v.h, n: null });
  });

  test("packed timeline entries are a fraction of their JSON and unpack to the same entry", () => {
    let json = 0;
    let packed = 0;
    // Free text in both languages (an event's text, a historical actor's stated reason) travels as
    // it is in either encoding; everything else packs.
    const freeText = (m: Message | undefined) =>
      Object.entries(m?.params ?? {})
        .filter(([name]) => /_(en|ru)$/.test(name))
        .reduce((n, [, value]) => n + JSON.stringify(value).length, 0);
    const last = [...states()].filter((s) => s.ended);
    for (const s of last) {
      for (const e of s.timeline) {
        const p = packTimelineEntry(e);
        expect(unpackTimelineEntry(p)).toEqual(e);
        const text = freeText(e.message) + freeText(e.reason);
        json += JSON.stringify(e).length - text;
        packed += p.length - text;
      }
    }
    expect(packed).toBeLessThan(json / 2);
    expect(legalFromObject(legalToObject([{ type: "pledge", maxTroops: 5 }, { type: "ready" }]))).toEqual([
      { type: "pledge", maxTroops: 5 },
      { type: "ready" },
    ]);
  });
});
