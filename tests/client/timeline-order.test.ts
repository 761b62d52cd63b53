/**
 * Reading the table at a glance (issue 12): the timeline in the order of game time, and a track's
 * change put down to the move that set it off, not to what followed from it.
 */
import { describe, expect, it } from "vitest";
import { playGame } from "../../shared/bots/driver.ts";
import { apply, createGame, type GameState } from "../../shared/rules/index.ts";
import { botsFor } from "../../shared/sim/simulate.ts";
import { noteTrackChanges, timelineVM } from "../../client/view/models.ts";
import { scenario } from "../helpers.ts";
import { seatSnapshot } from "./harness.ts";

/** Every state of Kazakhstan 2022 played by historical bots, in order. */
function states(): GameState[] {
  const sc = scenario("kazakhstan-2022-01");
  const seed = "order";
  const played = playGame(createGame({ scenario: sc, seed }), botsFor(sc, "historical", seed));
  let state = createGame({ scenario: sc, seed });
  const out = [state];
  for (const { seat, action } of played.log) {
    const result = apply(state, seat, action);
    if (!result.ok) throw new Error(result.error.code);
    state = result.state;
    out.push(state);
  }
  return out;
}

const all = states();

describe("the timeline and the tracks' causes", () => {
  it("the timeline reads in the order of game time, though a procedure's steps are logged when they move", () => {
    const last = all.at(-1) as GameState;
    const hours = last.timeline.map((entry) => entry.hour);
    // The log itself is in the order of cause, which is not always the order of time.
    expect(hours.some((hour, i) => i > 0 && hour < (hours[i - 1] ?? 0))).toBe(true);
    const rows = timelineVM(seatSnapshot(last, "TJ"), "en");
    const shown = rows.map((row) => row.hour);
    const sorted = [...last.timeline].sort((a, b) => a.hour - b.hour);
    expect(rows.map((row) => row.key)).toEqual(sorted.map((entry) => entry.message.key));
    expect(shown.length).toBe(last.timeline.length);
  });

  it("the credibility the Council's decision brings is put down to the decision, not to an event it fired", () => {
    const at = all.findIndex((state) => state.decision !== null);
    const before = all[at - 1] as GameState;
    const after = all[at] as GameState;
    expect(after.tracks.credibility).not.toBe(before.tracks.credibility);
    const memory = noteTrackChanges({}, seatSnapshot(before, "TJ"), seatSnapshot(after, "TJ"));
    expect(memory.credibility?.cause).toMatchObject({ kind: "entry", message: { key: "log.decision" } });
  });
});
