/** The historical bot: the real actor's stated reasons, with the real dates. */
import { describe, expect, it } from "vitest";
import { createBot, playGame } from "../../shared/bots/index.ts";
import { DICTIONARIES, translate } from "../../shared/i18n/index.ts";
import { legalActions, view, type Action, type GameState, type StateId } from "../../shared/rules/index.ts";
import { botsFor } from "../../shared/sim/simulate.ts";
import { game, kazakhstanConsultations, play, scenario, SCENARIO_IDS } from "../helpers.ts";

const historical = createBot("historical", "test");
const act = (s: GameState, id: StateId): Action | null => historical.act(view(s, id), legalActions(s, id));

const played = (id: string, seed = "h") =>
  playGame(game(id, seed), botsFor(scenario(id), "historical", seed)).state.timeline;

describe("a historical bot gives the real actor's stated reason, with the real date of that step", () => {
  it("the Kyrgyz re-vote carries 7 January and Tokayev's end of the mission 11 January, not the start date", () => {
    const timeline = played("kazakhstan-2022-01");
    const s = scenario("kazakhstan-2022-01");
    expect(s.date).toBe("2022-01-05");
    const revote = timeline.find((e) => e.seat === "KG" && e.message.key === "log.revote");
    expect(revote?.reason?.params).toMatchObject({
      at: "kyrgyz-vote",
      date: "2022-01-07",
      said_en: s.briefs.KG?.playbook.steps?.revote?.reason.en,
      said_ru: s.briefs.KG?.playbook.steps?.revote?.reason.ru,
    });
    const end = timeline.find((e) => e.message.key === "log.mission.end");
    expect(end?.reason?.params?.date).toBe("2022-01-11");
    expect(translate("en", end?.reason ?? { key: "" })).toBe(
      "Tokayev: order is mainly restored; the phased withdrawal starts in two days and takes no more than ten. (2022-01-11)",
    );
    expect(translate("ru", end?.reason ?? { key: "" })).toMatch(
      /^Токаев: порядок в основном восстановлен.*\(2022-01-11\)$/,
    );
  });

  it("Pashinyan's refusal to sign carries the Yerevan summit of 23 November 2022", () => {
    const refusal = played("armenia-2022-09").find((e) => e.seat === "AM" && e.phase === "council");
    expect(refusal?.reason?.params).toMatchObject({ at: "yerevan-summit", date: "2022-11-23" });
  });

  it.each(SCENARIO_IDS)("%s: every step history took gives a stated reason with a date", (id) => {
    for (const entry of played(id)) {
      if (!entry.reason || entry.message.key === "log.mission.stay") continue;
      // Russia's peacekeepers stayed in Karabakh for years: history gives that mission no end.
      const noEnd = !scenario(id).briefs[entry.seat as StateId]?.playbook.missionDays;
      if (entry.message.key === "log.mission.end" && noEnd) continue;
      expect(entry.reason.key, `${entry.seat} ${entry.message.key}`).toBe("reason.historical.stated");
      expect(entry.reason.params?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.reason.params?.said_en).toBeTruthy();
      expect(entry.reason.params?.said_ru).toBeTruthy();
    }
  });

  it("no historical line is circular: none says it was done because it was done in reality", () => {
    const lines = Object.entries(DICTIONARIES.en).filter(([key]) => key.startsWith("reason.historical."));
    expect(lines.length).toBeGreaterThan(20);
    for (const [key, text] of lines) expect(text, key).not.toMatch(/in reality|as it did|as in history/i);
    for (const id of SCENARIO_IDS) {
      for (const brief of Object.values(scenario(id).briefs)) {
        for (const ref of Object.values(brief.playbook.steps ?? {}))
          expect(ref.reason.en).not.toMatch(/in reality|as it did|as in history/i);
      }
    }
  });

  it("off the historical course, the reason comes from the actor's objectives, without a date", () => {
    // Russia tables a collective force in January 2022: Kyrgyzstan's objectives count it against them.
    const s = play(kazakhstanConsultations(), [
      "RU",
      {
        type: "propose",
        terms: { basis: "art4", form: "collectiveForce", tasks: ["guardSites"], timeLimitDays: 21 },
      },
    ]);
    const action = act(s, "KG");
    expect(action).toMatchObject({
      type: "position",
      stance: "standAside",
      reason: { key: "reason.historical.form.avoided", params: { form: "collectiveForce" } },
    });
  });
});
