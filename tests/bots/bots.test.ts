import { describe, expect, it } from "vitest";
import { botStep, coach, createBot, playGame, type Bot } from "../../shared/bots/index.ts";
import { hasKey, translate } from "../../shared/i18n/index.ts";
import {
  apply,
  legalActions,
  view,
  type LegalAction,
  type Seat,
  type SeatView,
} from "../../shared/rules/index.ts";
import { simulateScenario } from "../../shared/sim/simulate.ts";
import { botsFor } from "../../shared/sim/simulate.ts";
import { allReady, game, kazakhstanProposal, play, scenario, SCENARIO_IDS } from "../helpers.ts";

describe("historical bots replay history", () => {
  it.each(SCENARIO_IDS)("%s ends as history did in at least 95%% of 1,000 seeds", (id) => {
    const d = simulateScenario(scenario(id), 1000, "historical", "test");
    expect(d.historicalMatchRate).toBeGreaterThanOrEqual(0.95);
    expect(d.refusedBotActions).toBe(0);
  });
});

describe("the game is not on rails", () => {
  it.each(["pragmatic", "mixed"] as const)(
    "with %s bots, outcomes differ from history in a meaningful share of seeds",
    (mix) => {
      const rates = SCENARIO_IDS.map((id) => simulateScenario(scenario(id), 300, mix, "test"));
      const mean = rates.reduce((n, d) => n + d.historicalMatchRate, 0) / rates.length;
      expect(mean).toBeLessThan(0.8);
      // …and in most scenarios, not just one.
      expect(rates.filter((d) => d.historicalMatchRate < 0.9).length).toBeGreaterThanOrEqual(4);
      for (const d of rates) expect(d.refusedBotActions).toBe(0);
    },
  );
});

describe("bots are players", () => {
  it.each(["historical", "pragmatic", "hardline", "mixed"] as const)(
    "%s bots never send an action the rules refuse, and explain every public step",
    (mix) => {
      for (const id of SCENARIO_IDS) {
        for (let i = 0; i < 30; i++) {
          const seed = `${mix}:${i}`;
          const played = playGame(game(id, seed), botsFor(scenario(id), mix, seed));
          expect(played.refused).toEqual([]);
          expect(played.state.ended).not.toBeNull();
          for (const { seat, action } of played.log) {
            if (seat === "system" || action.type === "ready") continue;
            expect("reason" in action && action.reason, `${seat} ${action.type}`).toBeTruthy();
            if ("reason" in action && action.reason)
              expect(hasKey(action.reason.key), action.reason.key).toBe(true);
          }
        }
      }
    },
  );

  it("a seat's view leaves out other seats' private data and the RNG, so they cannot sway a bot", () => {
    const s = game("kazakhstan-2022-01", 3);
    const altered = { ...s, capital: { ...s.capital, RU: 0, BY: 99 }, rng: 12345 };
    expect(view(altered, "KZ")).toEqual(view(s, "KZ"));
    const a = createBot("pragmatic", "same").act(view(s, "KZ"), legalActions(s, "KZ"));
    const b = createBot("pragmatic", "same").act(view(altered, "KZ"), legalActions(altered, "KZ"));
    expect(b).toEqual(a);
  });

  it("a bot sees only its own view: the driver hands it its seat's view and legal actions, nothing more", () => {
    const seen: { seat: Seat; view: SeatView; legal: readonly LegalAction[] }[] = [];
    const watched = (seat: Seat, bot: Bot): Bot => ({
      kind: bot.kind,
      act(seatView, legal) {
        seen.push({ seat, view: seatView, legal });
        return bot.act(seatView, legal);
      },
    });
    // One step, checked exactly against what the rules give that seat.
    const s = allReady(game("kazakhstan-2022-01", 5));
    const step = botStep(s, "KZ", watched("KZ", createBot("pragmatic", "w")));
    expect(step && "state" in step).toBe(true);
    expect(seen).toEqual([{ seat: "KZ", view: view(s, "KZ"), legal: legalActions(s, "KZ") }]);
    // A whole game: every call is for the bot's own seat, with its own brief and no other's.
    seen.length = 0;
    const bots = botsFor(s.scenario, "mixed", "w");
    const spied: Partial<Record<Seat, Bot>> = {};
    for (const [seat, bot] of Object.entries(bots) as [Seat, Bot][]) spied[seat] = watched(seat, bot);
    const played = playGame(game("kazakhstan-2022-01", 5), spied);
    expect(played.state.ended).not.toBeNull();
    expect(new Set(seen.map((c) => c.seat)).size).toBe(s.scenario.members.length);
    for (const call of seen) {
      expect(call.view.seat).toBe(call.seat);
      expect(call.view.private).toMatchObject({ role: "leader", state: call.seat });
      for (const hidden of ["capital", "rng", "seed", "instructions"])
        expect(call.view).not.toHaveProperty(hidden);
      expect(call.legal.length).toBeGreaterThan(0);
    }
  });

  it("the same seed gives the same bot game", () => {
    const run = () =>
      playGame(game("armenia-2022-09", "s"), botsFor(scenario("armenia-2022-09"), "mixed", "s")).log;
    expect(run()).toEqual(run());
  });
});

describe("the coach", () => {
  it("explains the legal effect of every legal action, in keys that exist", () => {
    let s = game("kazakhstan-2022-01", 1);
    const bots = botsFor(s.scenario, "historical", "c");
    let advised = 0;
    while (!s.ended) {
      for (const m of s.scenario.members) {
        const legal = legalActions(s, m);
        const advice = coach(view(s, m), legal);
        expect(advice.map((a) => a.type)).toEqual(legal.map((l) => l.type));
        for (const a of advice) {
          expect(hasKey(a.effect.key), a.effect.key).toBe(true);
          if (a.outlook) expect(hasKey(a.outlook.key), a.outlook.key).toBe(true);
          advised++;
        }
      }
      let moved = false;
      for (const m of s.scenario.members) {
        const legal = legalActions(s, m);
        const action = legal.length ? bots[m]?.act(view(s, m), legal) : null;
        const r = action && apply(s, m, action);
        if (r && r.ok) [s, moved] = [r.state, true];
      }
      if (!moved) {
        const r = apply(s, "system", { type: "timerExpired" });
        if (r.ok) s = r.state;
      }
    }
    expect(advised).toBeGreaterThan(20);
  });

  it("says what the others are likely to do: an objection on the table means a block", () => {
    const s = play(kazakhstanProposal(), ["RU", { type: "position", stance: "object" }]);
    const advice = coach(view(s, "KZ"), legalActions(s, "KZ"));
    expect(advice.find((a) => a.type === "position")?.outlook).toEqual({
      key: "coach.outlook.blocked",
      params: { states: "RU" },
    });
    expect(translate("ru", { key: "coach.outlook.blocked", params: { states: "RU, BY" } })).toContain(
      "Россия, Беларусь",
    );
  });

  it("warns when an Article 4 framing overclaims the evidence", () => {
    const s = allReady(game("kazakhstan-2022-01"));
    const advice = coach(view(s, "KZ"), legalActions(s, "KZ")).find((a) => a.type === "requestAssistance");
    expect(advice?.outlook?.key).toBe("coach.outlook.art4Weak");
  });
});
