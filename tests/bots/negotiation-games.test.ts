/** Negotiation in whole games: no loops, reasons from objectives, and a player's blocking objection gets an answer. */
import { describe, expect, it } from "vitest";
import { MAX_STEPS, nextBotMove, playGame, seatOrder, type Bot } from "../../shared/bots/index.ts";
import { createBot } from "../../shared/bots/index.ts";
import {
  apply,
  legalActions,
  type Action,
  type GameState,
  type LoggedAction,
  type Seat,
  type StateId,
} from "../../shared/rules/index.ts";
import { botsFor } from "../../shared/sim/simulate.ts";
import { game, scenario, SCENARIO_IDS } from "../helpers.ts";

const reasonKey = (action: Action): string =>
  ("reason" in action && action.reason ? action.reason.key : "") || "";

describe("negotiating bots never loop", () => {
  it.each(["pragmatic", "hardline", "mixed"] as const)(
    "%s bots: no refused action, games well under MAX_STEPS, and the negotiation happens",
    (mix) => {
      const seen = { answers: 0, amendments: 0 };
      for (const id of SCENARIO_IDS) {
        for (let i = 0; i < 60; i++) {
          const seed = `loop:${mix}:${i}`;
          const played = playGame(game(id, seed), botsFor(scenario(id), mix, seed));
          expect(played.refused, `${id} ${seed}`).toEqual([]);
          expect(played.state.ended, `${id} ${seed}`).not.toBeNull();
          expect(played.log.length, `${id} ${seed}`).toBeLessThan(MAX_STEPS / 10);
          const proposals = played.log.filter((entry) => entry.action.type === "propose");
          expect(proposals.length, `${id} ${seed}`).toBeLessThanOrEqual(16);
          for (const { action } of played.log) {
            const key = reasonKey(action);
            if (action.type === "answerConcerns") seen.answers++;
            if (key.startsWith("reason.meet.")) seen.amendments++;
          }
        }
      }
      expect(seen.answers).toBeGreaterThan(0);
      expect(seen.amendments).toBeGreaterThan(0);
    },
  );

  it("pragmatic and hard-line reasons say why, from objectives: no generic 'against our interests'", () => {
    for (const mix of ["pragmatic", "hardline"] as const) {
      for (const id of SCENARIO_IDS) {
        for (let i = 0; i < 20; i++) {
          const seed = `why:${i}`;
          for (const { action } of playGame(game(id, seed), botsFor(scenario(id), mix, seed)).log) {
            const key = reasonKey(action);
            if (action.type === "position" && action.stance !== "endorse")
              expect(key).toMatch(/^reason\.(ask|concern)\./);
            if (action.type === "position" && action.stance === "endorse")
              expect(key).toMatch(/^reason\.endorse\./);
            // A vote that is not support says what in the text costs the bot, or that it will not
            // be the one veto against all the others, or send the only troops.
            if (action.type === "vote" && action.choice !== "support")
              expect(key).toMatch(/^reason\.(ask|concern)\.|^reason\.vote\.(alone|onlyPledge)$/);
            if (action.type === "answerConcerns") expect(key).toMatch(/^reason\.keep\./);
            if (action.type === "propose") expect(key).toMatch(/^reason\.(propose|counter|meet)\./);
          }
        }
      }
    }
  });
});

/**
 * Plays Kazakhstan with bots in every seat but Kyrgyzstan's: the player endorses in consultations,
 * then objects in the vote over the time limit. Returns the log after the first blocked round.
 */
function afterPlayerBlocks(kind: "pragmatic" | "hardline", seed: string): LoggedAction[] {
  let state: GameState = game("kazakhstan-2022-01", seed);
  const player: StateId = "KG";
  const bots: Partial<Record<Seat, Bot>> = {};
  for (const id of state.scenario.members) if (id !== player) bots[id] = createBot(kind, `${seed}:${id}`);
  const log: LoggedAction[] = [];
  const order = seatOrder(state);
  const step = (seat: Seat, action: Action) => {
    const result = apply(state, seat, action);
    if (!result.ok) throw new Error(`${seat} ${action.type}: ${result.error.code}`);
    state = result.state;
    log.push({ seat, action });
  };
  while (!state.ended && log.length < 400) {
    const move = nextBotMove(
      state,
      order,
      (seat) => bots[seat],
      (seat, action, code) => {
        throw new Error(`${seat} ${action.type} refused: ${code}`);
      },
    );
    if (move) {
      state = move.state;
      log.push({ seat: move.seat, action: move.action });
      continue;
    }
    const legal = legalActions(state, player).map((entry) => entry.type);
    if (state.phase === "council" && legal.includes("vote") && state.round === 1)
      step(player, { type: "vote", choice: "object", concerns: ["timeLimit"], note: "Two weeks, no more." });
    else if (state.phase === "consultations" && legal.includes("position") && !state.positions[player])
      step(player, { type: "position", stance: "endorse" });
    else if (state.phase === "council" && legal.includes("vote"))
      step(player, { type: "vote", choice: "support" });
    else step("system", { type: "timerExpired" });
  }
  const blocked = log.findIndex((entry) => entry.action.type === "vote" && entry.seat === player);
  return log.slice(blocked + 1);
}

describe("issue 11: a player's objection that blocked round 1", () => {
  it.each(["pragmatic", "hardline"] as const)(
    "%s bots amend the text or answer the player before the vote is called again",
    (kind) => {
      let checked = 0;
      for (let i = 0; i < 12; i++) {
        const after = afterPlayerBlocks(kind, `issue11:${i}`);
        const nextCall = after.findIndex((entry) => entry.action.type === "callVote");
        if (nextCall < 0) continue;
        const before = after.slice(0, nextCall);
        const dealt = before.some(
          ({ action }) =>
            (action.type === "answerConcerns" && action.to === "KG") ||
            (action.type === "propose" && reasonKey(action).startsWith("reason.meet.")),
        );
        expect(dealt, `seed issue11:${i}`).toBe(true);
        checked++;
      }
      expect(checked).toBeGreaterThan(3);
    },
  );
});
