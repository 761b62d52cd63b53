/** The historical bot: the real actor's stated reasons with the real dates, and how it negotiates. */
import { describe, expect, it } from "vitest";
import { createBot, playGame, MAX_STEPS, type Bot } from "../../shared/bots/index.ts";
import { DICTIONARIES, translate } from "../../shared/i18n/index.ts";
import {
  apply,
  legalActions,
  view,
  type Action,
  type GameState,
  type StateId,
} from "../../shared/rules/index.ts";
import { botsFor } from "../../shared/sim/simulate.ts";
import { allReady, game, kazakhstanConsultations, play, scenario, SCENARIO_IDS } from "../helpers.ts";

const historical = createBot("historical", "test");
const act = (s: GameState, id: StateId): Action | null => historical.act(view(s, id), legalActions(s, id));

/** The bot's action, which the rules must accept; returns it and the state after it. */
function step(s: GameState, id: StateId): { action: Action; state: GameState } {
  const action = act(s, id);
  if (!action) throw new Error(`${id} has nothing to do`);
  const r = apply(s, id, action);
  if (!r.ok) throw new Error(`${id} ${action.type} refused: ${r.error.code}`);
  return { action, state: r.state };
}

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
      concerns: ["form"],
      reason: { key: "reason.historical.form.avoided", params: { form: "collectiveForce" } },
    });
  });
});

describe("historical bots negotiate", () => {
  const longText = {
    basis: "art4",
    form: "peacekeeping",
    tasks: ["guardSites", "restoreOrder"],
    timeLimitDays: 90,
  } as const;

  it("the chair meets a time limit and a tasks concern by amending, naming whose concerns it meets", () => {
    let s = play(
      kazakhstanConsultations(),
      ["RU", { type: "propose", terms: { ...longText, tasks: [...longText.tasks] } }],
      ["KG", { type: "position", stance: "object", concerns: ["timeLimit", "tasks"] }],
    );
    const amended = step(s, "AM");
    expect(amended.action).toEqual({
      type: "propose",
      terms: { basis: "art4", form: "peacekeeping", tasks: ["guardSites"], timeLimitDays: 30 },
      reason: { key: "reason.historical.amend", params: { parts: "tasks, timeLimit", states: "KG" } },
    });
    s = amended.state;
    expect(s.proposal?.by).toBe("AM");
    expect(s.concerns).toEqual({});
    // The same concerns again: nothing left it can meet, so it keeps the text and says why.
    s = play(s, ["KG", { type: "position", stance: "object", concerns: ["timeLimit", "tasks"] }]);
    const kept = step(s, "AM");
    expect(kept.action).toEqual({
      type: "answerConcerns",
      to: "KG",
      reason: { key: "reason.historical.keep.timeLimit", params: { days: 30, limit: 30 } },
    });
    expect(kept.state.concerns.KG?.answered).toBe(true);
    expect(act(kept.state, "AM")?.type).not.toBe("propose");
  });

  it("its own text: a proposer meets a form concern with the strongest weaker form it accepts", () => {
    const s = play(
      kazakhstanConsultations(),
      [
        "RU",
        {
          type: "propose",
          terms: { basis: "art4", form: "collectiveForce", tasks: ["guardSites"], timeLimitDays: 21 },
        },
      ],
      ["KG", { type: "position", stance: "standAside", concerns: ["form"] }],
    );
    expect(step(s, "AM").action).toMatchObject({
      type: "propose",
      terms: { basis: "art4", form: "peacekeeping", tasks: ["guardSites"], timeLimitDays: 21 },
      reason: { key: "reason.historical.amend", params: { parts: "form", states: "KG" } },
    });
  });

  it("answers a form concern it cannot meet with answerConcerns and its reason", () => {
    // Armenia, September 2022: an assessment mission is the least Pashinyan accepts.
    let s = play(allReady(game("armenia-2022-09")), [
      "AM",
      { type: "requestAssistance", channel: "formal", article: "art4", framing: "externalAggression" },
    ]);
    s = step(s, "AM").state;
    expect(s.proposal).toMatchObject({ form: "assessment", by: "AM" });
    s = play(s, ["RU", { type: "position", stance: "object", concerns: ["form"] }]);
    const answer = step(s, "AM");
    expect(answer.action).toEqual({
      type: "answerConcerns",
      to: "RU",
      reason: { key: "reason.historical.keep.form", params: { form: "assessment" } },
    });
    expect(answer.state.proposal?.form).toBe("assessment");
  });

  it("a questioned pledge is lowered once, keeping the lead, and the chair answers for the text", () => {
    let s = kazakhstanConsultations();
    for (const id of ["AM", "RU", "BY", "KG", "TJ"] as const) s = step(s, id).state;
    expect(s.proposal?.contingents.RU).toBe(1480);
    s = play(s, ["BY", { type: "position", stance: "standAside", concerns: ["pledge"], pledgeOf: "RU" }]);
    const lowered = step(s, "RU");
    expect(lowered.action).toMatchObject({
      type: "pledge",
      troops: 740,
      reason: { key: "reason.historical.lowerPledge", params: { troops: 740, states: "BY" } },
    });
    s = lowered.state;
    const answer = step(s, "AM");
    expect(answer.action).toMatchObject({
      type: "answerConcerns",
      to: "BY",
      reason: { key: "reason.historical.keep.pledge", params: { state: "RU", troops: 740 } },
    });
    // Russia does not raise its pledge back, and will not lower it twice.
    expect(act(answer.state, "RU")).toMatchObject({ type: "position", stance: "endorse" });
  });

  it("never loops: against a member that objects to everything, the game still ends", () => {
    const objector: Bot = {
      kind: "hardline",
      act(seatView, legal) {
        const concerns = ["basis", "form", "tasks", "timeLimit"] as const;
        const me = seatView.seat as StateId;
        if (legal.some((l) => l.type === "vote"))
          return { type: "vote", choice: "object", concerns: [...concerns] };
        if (legal.some((l) => l.type === "position") && seatView.positions[me] !== "object")
          return { type: "position", stance: "object", concerns: [...concerns] };
        return historical.act(seatView, legal);
      },
    };
    const bots = { ...botsFor(scenario("kazakhstan-2022-01"), "historical", "loop"), KG: objector };
    const { state, log, refused } = playGame(game("kazakhstan-2022-01", "loop"), bots);
    expect(refused).toEqual([]);
    expect(state.ended?.reason).toBe("noDecision");
    expect(log.length).toBeLessThan(MAX_STEPS / 4);
    const amendments = state.timeline.filter((e) => e.reason?.key === "reason.historical.amend");
    expect(amendments.length).toBeGreaterThan(0);
    expect(amendments.length).toBeLessThanOrEqual(3);
  });
});
