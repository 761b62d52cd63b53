/** Pragmatic and hard-line bots negotiate: concerns from their objectives, amendments, answers, bargains. */
import { describe, expect, it } from "vitest";
import { createBot, type Bot } from "../../shared/bots/index.ts";
import { translate } from "../../shared/i18n/index.ts";
import {
  createGame,
  legalActions,
  view,
  type Action,
  type ActionOf,
  type GameState,
  type StateId,
} from "../../shared/rules/index.ts";
import type { Objective } from "../../shared/scenarios/schema.ts";
import { allReady, kazakhstanConsultations, play, scenario } from "../helpers.ts";

const act = (bot: Bot, s: GameState, seat: StateId): Action | null =>
  bot.act(view(s, seat), legalActions(s, seat));

const troops = (days: number, tasks: ActionOf<"propose">["terms"]["tasks"] = ["guardSites"]) =>
  ({ basis: "peacekeeping", form: "peacekeeping", tasks, timeLimitDays: days }) as const;

/** Kazakhstan after the Art. 4 request, with Russia's text for a force and pledges on the table. */
function tabled(terms: ActionOf<"propose">["terms"], seed = 1): GameState {
  return play(
    kazakhstanConsultations(seed),
    ["RU", { type: "propose", terms: { ...terms, tasks: [...terms.tasks] } }],
    ["RU", { type: "pledge", troops: 1480 }],
    ["TJ", { type: "pledge", troops: 200 }],
  );
}

const keyOf = (action: Action | null) => (action && "reason" in action ? action.reason?.key : undefined);

const en = (action: Action | null) =>
  action && "reason" in action && action.reason ? translate("en", action.reason) : "";

describe("a pragmatic or hard-line proposer answers concerns about its text", () => {
  it("meets a time-limit concern with an amendment that shortens the time limit", () => {
    const s = play(tabled(troops(60)), [
      "KG",
      { type: "position", stance: "standAside", concerns: ["timeLimit"] },
    ]);
    for (const kind of ["pragmatic", "hardline"] as const) {
      const action = act(createBot(kind, "p"), s, "RU");
      expect(action?.type, kind).toBe("propose");
      if (action?.type !== "propose") continue;
      expect(action.terms.timeLimitDays).toBeLessThan(60);
      expect(action.terms.form).toBe("peacekeeping");
      expect(action.reason).toMatchObject({ key: "reason.meet.timeLimit", params: { to: "KG", from: 60 } });
      expect(en(action)).toContain("Kyrgyzstan");
    }
  });

  it("meets a tasks concern by dropping restore order", () => {
    const s = play(tabled(troops(14, ["guardSites", "restoreOrder"])), [
      "KG",
      { type: "position", stance: "object", concerns: ["tasks"] },
    ]);
    const action = act(createBot("pragmatic", "p"), s, "RU");
    expect(action?.type).toBe("propose");
    if (action?.type !== "propose") return;
    expect(action.terms.tasks).toEqual(["guardSites"]);
    expect(action.terms.timeLimitDays).toBe(14);
    expect(action.reason?.key).toBe("reason.meet.tasks");
  });

  it("answers a concern it cannot meet with answerConcerns and a reason from its own objectives", () => {
    // Russia wants to lead a force: a lighter form is not one it would endorse.
    const s = play(tabled(troops(14)), ["KG", { type: "position", stance: "object", concerns: ["form"] }]);
    const action = act(createBot("pragmatic", "p"), s, "RU");
    expect(action).toMatchObject({ type: "answerConcerns", to: "KG" });
    expect(keyOf(action)).toMatch(/^reason\.keep\.form\./);
    const text = en(action);
    expect(text).toMatch(/only a force can hold the sites/);
    expect(text).not.toMatch(/interests/);
    // Answered once: the same concerns on the same text get no second answer.
    const answered = play(s, ["RU", action as Action]);
    expect(act(createBot("pragmatic", "p"), answered, "RU")?.type).not.toBe("answerConcerns");
  });

  it("a hard-liner concedes less: it keeps a two-week limit a pragmatist shortens", () => {
    const s = play(tabled(troops(14)), [
      "KG",
      { type: "position", stance: "standAside", concerns: ["timeLimit"] },
    ]);
    const pragmatic = act(createBot("pragmatic", "p"), s, "RU");
    expect(pragmatic).toMatchObject({ type: "propose", terms: { timeLimitDays: 7 } });
    const hardline = act(createBot("hardline", "p"), s, "RU");
    expect(hardline).toMatchObject({ type: "answerConcerns", to: "KG" });
    expect(keyOf(hardline)).toBe("reason.keep.timeLimit.floor");
    expect(en(hardline)).toContain("at least 14");
  });

  it("the chair calls no vote while a member's concerns wait for an answer, and calls it once answered", () => {
    // Kyrgyzstan, June 2010: Russia in the chair wants the alliance to send equipment, not troops.
    let s = play(
      allReady(createGame({ scenario: scenario("kyrgyzstan-2010-06"), seed: 1 })),
      ["KG", { type: "requestAssistance", channel: "formal", article: "art2", framing: "domesticUnrest" }],
      [
        "KG",
        {
          type: "propose",
          terms: { basis: "art2", form: "equipment", tasks: ["humanitarian"], timeLimitDays: 30 },
        },
      ],
    );
    for (const id of ["RU", "KZ", "AM", "TJ", "UZ"] as const)
      s = play(s, [id, { type: "position", stance: "endorse" }]);
    s = play(s, ["BY", { type: "position", stance: "standAside", concerns: ["basis"] }]);
    const chair = createBot("pragmatic", "c");
    const first = act(chair, s, "RU");
    expect(first).toMatchObject({
      type: "answerConcerns",
      to: "BY",
      reason: { key: "reason.keep.basis.lawful" },
    });
    expect(en(first)).toBe("The text rests on Article 2, a lawful basis for equipment and aid; it stays.");
    const after = play(s, ["RU", first as Action]);
    expect(act(chair, after, "RU")).toMatchObject({
      type: "callVote",
      reason: { key: "reason.callVote.answered" },
    });
  });
});

/** Kazakhstan asking under Art. 2 (no overclaim), with Kyrgyzstan's objectives replaced. */
function withObjectives(id: StateId, objectives: Objective[]): GameState {
  const base = scenario("kazakhstan-2022-01");
  const brief = base.briefs[id];
  if (!brief) throw new Error(`no brief for ${id}`);
  const custom = { ...base, briefs: { ...base.briefs, [id]: { ...brief, objectives } } };
  return play(allReady(createGame({ scenario: custom, seed: 1 })), [
    "KZ",
    { type: "requestAssistance", channel: "formal", article: "art2", framing: "domesticUnrest" },
  ]);
}

const SHORT_MISSION: Objective[] = [
  {
    id: "short",
    weight: 8,
    text: { en: "A mission of two weeks at most", ru: "Миссия не дольше двух недель" },
    condition: { type: "missionDaysAtMost", days: 14 },
  },
  {
    id: "help",
    weight: 2,
    text: { en: "Allied troops restore calm", ru: "Союзные войска восстанавливают спокойствие" },
    condition: { type: "deployed", value: true },
  },
];

describe("a bot's concerns come from its own objectives", () => {
  it("a long time limit against a missionDaysAtMost objective: it names the time limit and the days it wants", () => {
    const s = play(withObjectives("KG", SHORT_MISSION), [
      "RU",
      { type: "propose", terms: { ...troops(60), tasks: ["guardSites"] } },
    ]);
    const action = act(createBot("pragmatic", "k"), s, "KG");
    expect(action?.type).toBe("position");
    if (action?.type !== "position") return;
    expect(["object", "standAside"]).toContain(action.stance);
    expect(action.concerns).toContain("timeLimit");
    expect(action.reason).toMatchObject({
      key: "reason.ask.timeLimit.aim",
      params: { days: 60, limit: 14 },
    });
    expect(en(action)).toBe(
      "60 days is too long: we want this mission over within 14 days. Make it 14 and we endorse.",
    );
    expect(translate("ru", action.reason ?? { key: "" })).toContain("14 дн.");
  });

  it("bargaining: the bot that stood aside over the time limit endorses once the text meets it", () => {
    let s = play(withObjectives("KG", SHORT_MISSION), [
      "RU",
      { type: "propose", terms: { ...troops(60), tasks: ["guardSites"] } },
    ]);
    const kyrgyzstan = createBot("pragmatic", "k");
    const objection = act(kyrgyzstan, s, "KG");
    expect(objection?.type).toBe("position");
    s = play(s, ["KG", objection as Action]);
    // Russia's bot, as the proposer, reads the days Kyrgyzstan asked for and meets them.
    const amendment = act(createBot("pragmatic", "r"), s, "RU");
    expect(amendment).toMatchObject({ type: "propose", terms: { timeLimitDays: 14 } });
    s = play(s, ["RU", amendment as Action]);
    // A bot that backs a force pledges to it first, then says so.
    const pledge = act(kyrgyzstan, s, "KG");
    expect(pledge).toMatchObject({ type: "pledge" });
    s = play(s, ["KG", pledge as Action]);
    const endorsement = act(kyrgyzstan, s, "KG");
    expect(endorsement).toMatchObject({
      type: "position",
      stance: "endorse",
      reason: { key: "reason.endorse.met" },
    });
    expect(en(endorsement)).toBe("With the time limit changed as we asked, we endorse the text.");
  });

  it("its vote objection carries the same concerns", () => {
    const s0 = play(withObjectives("KG", SHORT_MISSION), [
      "RU",
      { type: "propose", terms: { ...troops(60), tasks: ["guardSites"] } },
    ]);
    const s = play(
      s0,
      ["RU", { type: "pledge", troops: 1480 }],
      ["AM", { type: "callVote", format: "video" }],
    );
    const vote = act(createBot("pragmatic", "k"), s, "KG");
    expect(vote?.type).toBe("vote");
    if (vote?.type !== "vote") return;
    expect(vote.choice).not.toBe("support");
    expect(vote.concerns).toContain("timeLimit");
    expect(vote.reason?.key).toBe("reason.ask.timeLimit.aim");
  });
});

describe("a pledge as the concern", () => {
  /** Kyrgyzstan, June 2010: a force with Russia's pledge far above the others'. */
  function force(): GameState {
    return play(
      allReady(createGame({ scenario: scenario("kyrgyzstan-2010-06"), seed: 1 })),
      ["KG", { type: "requestAssistance", channel: "formal", article: "art2", framing: "domesticUnrest" }],
      ["KG", { type: "propose", terms: { ...troops(14), tasks: ["guardSites"] } }],
      ["RU", { type: "pledge", troops: 2500 }],
      ["KZ", { type: "pledge", troops: 1000 }],
      ["TJ", { type: "pledge", troops: 300 }],
    );
  }

  it("a member that wants no state to lead names that state's pledge", () => {
    // Uzbekistan's brief is against Russia leading a force (in consultations it would first
    // table a text without troops; in the vote it says what it objects to).
    const s = play(force(), ["RU", { type: "callVote", format: "video" }]);
    const action = act(createBot("pragmatic", "u"), s, "UZ");
    expect(action).toMatchObject({ type: "vote", choice: "object", pledgeOf: "RU" });
    if (action?.type === "vote") expect(action.concerns).toEqual(["form", "pledge"]);
    expect(en(action)).toBe(
      "We want no foreign troops in Kyrgyzstan, and a peacekeeping force would send them.",
    );
  });

  it("the state whose pledge it is cuts it to what the others send, unless it concedes less", () => {
    const s = play(force(), [
      "UZ",
      { type: "position", stance: "object", concerns: ["pledge"], pledgeOf: "RU" },
    ]);
    const pragmatic = act(createBot("pragmatic", "r"), s, "RU");
    expect(pragmatic).toMatchObject({
      type: "pledge",
      troops: 1300,
      reason: { key: "reason.meet.pledge", params: { to: "UZ", from: 2500, troops: 1300 } },
    });
    // A hard-liner cuts a quarter at most, so it does not cut to meet the concern (a hard-line
    // Russia backs no force here and may take its pledge back instead); the proposer says the
    // pledge is Russia's to set.
    expect(keyOf(act(createBot("hardline", "r"), s, "RU"))).not.toBe("reason.meet.pledge");
    const answer = act(createBot("pragmatic", "k"), s, "KG");
    expect(answer).toMatchObject({ type: "answerConcerns", to: "UZ", reason: { key: "reason.keep.pledge" } });
  });
});
