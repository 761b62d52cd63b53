/** The debrief's scores as a player reads them (issue 12): their own first, and colour by what counts for the leader. */
import { describe, expect, it } from "vitest";
import { playGame } from "../../shared/bots/driver.ts";
import { createGame } from "../../shared/rules/index.ts";
import { botsFor } from "../../shared/sim/simulate.ts";
import { debriefVM } from "../../client/view/models.ts";
import { scenario } from "../helpers.ts";
import { seatSnapshot } from "./harness.ts";

describe("the debrief's scores", () => {
  it("Armenia in Kazakhstan 2022: its own card first, and an objective against a combat force that did not come is good", () => {
    const sc = scenario("kazakhstan-2022-01");
    const ended = playGame(
      createGame({ scenario: sc, seed: "scores" }),
      botsFor(sc, "historical", "scores"),
    ).state;
    const vm = debriefVM(seatSnapshot(ended, "AM"), "en");
    expect(vm?.scores[0]?.id).toBe("AM");
    expect(vm?.scores.filter((card) => card.mine).map((card) => card.id)).toEqual(["AM"]);
    const against = vm?.scores[0]?.lines.find((line) => line.text.includes("(-4)"));
    expect(against).toMatchObject({ met: false, good: true });
    // An objective for something that came about is good too; one that did not, is not.
    for (const line of vm?.scores.flatMap((card) => card.lines) ?? []) {
      const weight = Number(/\((-?\d+)\)/.exec(line.text)?.[1]);
      expect(line.good, line.text).toBe(line.met === weight > 0);
    }
  });
});
