/**
 * Properties over many random seeded games: rejected actions change nothing, no input is ever
 * mutated, and no private field of one seat reaches another seat's or a spectator's view.
 */
import { describe, expect, it } from "vitest";
import { spectatorView, view, type GameState, type StateId } from "../../shared/rules/index.ts";
import { deepFreeze, game, SCENARIO_IDS } from "../helpers.ts";
import { randomGame, seatsOf } from "./random-play.ts";

const GAMES_PER_SCENARIO = 40;

describe.each(SCENARIO_IDS)("%s", (id) => {
  it("a refused action returns an error code and changes nothing; no input is mutated", () => {
    let accepted = 0;
    let refused = 0;
    for (let g = 0; g < GAMES_PER_SCENARIO; g++) {
      const start = deepFreeze(game(id, g, { deputies: { KG: 1, RU: 1 } }));
      randomGame(start, g, (before, _seat, _input, r) => {
        // `before` is frozen: a mutation inside apply would have thrown.
        if (r.ok) {
          accepted++;
          expect(r.state).not.toBe(before);
          expect(r.state.version).toBe(before.version + 1);
          deepFreeze(r.state);
        } else {
          refused++;
          expect(r.error.code).toMatch(/^ERR_/);
          expect(r.error.message.key).toBe(`error.${r.error.code}`);
        }
      });
    }
    expect(accepted).toBeGreaterThan(GAMES_PER_SCENARIO * 5);
    expect(refused).toBeGreaterThan(GAMES_PER_SCENARIO * 5);
  });

  it("no private field of one seat appears in another seat's or the spectator's view", () => {
    const s0 = game(id, 0);
    // Objectives are private in play; the debrief explains every leader's score, so they show there.
    const secrets = (state: GameState, m: StateId): string[] => {
      const brief = state.scenario.briefs[m];
      if (!brief) return [];
      return state.ended
        ? [brief.text.en, brief.text.ru]
        : [brief.text.en, brief.text.ru, ...brief.objectives.map((o) => o.text.en)];
    };
    const FORBIDDEN_KEYS = [
      '"rng"',
      '"seed"',
      '"briefs"',
      '"capital"',
      '"objectives"',
      '"playbook"',
      '"deputyVotes"',
      '"brief"',
    ];
    let checks = 0;
    for (let g = 0; g < GAMES_PER_SCENARIO / 2; g++) {
      randomGame(game(id, g, { deputies: { KG: 2 } }), 1000 + g, (_b, _s, _i, r) => {
        if (!r.ok) return;
        const s = r.state;
        const spectator = JSON.stringify(spectatorView(s));
        for (const k of FORBIDDEN_KEYS) expect(spectator).not.toContain(k);
        for (const m of s.scenario.members)
          for (const text of secrets(s, m)) expect(spectator).not.toContain(text);
        for (const seat of seatsOf(s)) {
          if (seat === "system") continue;
          const json = JSON.stringify(view(s, seat));
          expect(json).not.toContain('"rng"');
          expect(json).not.toContain(`"seed":`);
          // Two leaders may share an objective's wording; only text that is not also the viewer's own counts.
          const own = new Set(secrets(s, seat as StateId));
          for (const m of s.scenario.members) {
            if (m === seat) continue;
            for (const text of secrets(s, m)) if (!own.has(text)) expect(json).not.toContain(text);
          }
          checks++;
        }
      });
    }
    expect(checks).toBeGreaterThan(100);
    // A leader sees its own brief and capital.
    const own = view(s0, s0.scenario.host);
    expect(own.private).toMatchObject({
      role: "leader",
      state: s0.scenario.host,
      capital: s0.capital[s0.scenario.host],
    });
  });
});
