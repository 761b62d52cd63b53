/**
 * One clock (issue 12): every timeline entry carries the game time it happened at. A national
 * procedure runs on its own clock, so its sittings are logged at their own hours, and the mission's
 * days are counted the same way in the log, the bots' reasons and the map.
 */
import { describe, expect, it } from "vitest";
import { playGame } from "../../shared/bots/driver.ts";
import { botsFor } from "../../shared/sim/simulate.ts";
import { createGame } from "../../shared/rules/setup.ts";
import { mapVM } from "../../client/view/map.ts";
import { apply, view } from "../../shared/rules/index.ts";
import { scenario } from "../helpers.ts";

function historical(id: string, seed = "clock") {
  const sc = scenario(id);
  return playGame(createGame({ scenario: sc, seed }), botsFor(sc, "historical", seed)).state;
}

describe("one clock", () => {
  it("Kazakhstan 2022: each Kyrgyz sitting is logged at the hour it sat, not when the approvals opened", () => {
    const s = historical("kazakhstan-2022-01");
    const sittings = s.approvals.KG?.sittings ?? [];
    expect(sittings.length).toBeGreaterThan(1);
    const logged = s.timeline.filter(
      (entry) => entry.message.key.startsWith("log.sitting.") && entry.message.params?.state === "KG",
    );
    expect(logged.map((entry) => entry.hour)).toEqual(sittings.map((sitting) => sitting.atHour));
    expect(new Set(logged.map((entry) => entry.hour)).size).toBe(sittings.length);
  });

  it("the mission's first day is day 1 in the log, in the host's reason, and on the map", () => {
    const s = historical("kazakhstan-2022-01");
    const days = s.timeline.filter((entry) => entry.message.key.startsWith("log.mission."));
    expect(days[0]?.message.params?.day).toBe(1);
    expect(days[0]?.reason?.params?.day ?? 1).toBe(1);
    expect(days.map((entry) => entry.message.params?.day)).toEqual(days.map((_, i) => i + 1));
  });

  it("during the deployment the map names the day now beginning", () => {
    const sc = scenario("kazakhstan-2022-01");
    const seed = "clock";
    const played = playGame(createGame({ scenario: sc, seed }), botsFor(sc, "historical", seed));
    let state = createGame({ scenario: sc, seed });
    const shown: (string | null)[] = [];
    for (const { seat, action } of played.log) {
      const result = apply(state, seat, action);
      if (!result.ok) throw new Error(result.error.code);
      state = result.state;
      if (state.phase === "deployment" && !state.ended)
        shown.push(mapVM({ view: view(state, "KZ") } as Parameters<typeof mapVM>[0], "en").mission);
    }
    expect(shown[0]).toBe("Mission day 1 of 21");
    expect(shown.at(-1)).not.toContain("day 0");
  });
});
