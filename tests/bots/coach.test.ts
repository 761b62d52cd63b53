/**
 * The coach talks to this seat: it says each thing once, advises only what this seat can do now,
 * says what this seat's own concerns (or those it must answer) need, and puts the server's forecast
 * of the bots' reactions into sentences in both languages.
 */
import { describe, expect, it } from "vitest";
import { coach, createBot, forecastSentences, type CoachAdvice } from "../../shared/bots/index.ts";
import type { Forecast } from "../../shared/bots/forecast.ts";
import { hasKey, translate, type Language } from "../../shared/i18n/index.ts";
import { apply, legalActions, view, type Message, type StateId } from "../../shared/rules/index.ts";
import { game, kazakhstanProposal, play } from "../helpers.ts";

const said = (advice: CoachAdvice[]): Message[] =>
  advice.flatMap((entry) => [...(entry.outlook ? [entry.outlook] : []), ...(entry.notes ?? [])]);

const sentence = (lang: Language, s: { when: Message; then: Message }) =>
  `${translate(lang, s.when)}, ${translate(lang, s.then)}`;

describe("the coach says each thing once, and only what this seat can use", () => {
  it("in a whole historical game, for every seat: no line twice, advice only for actions legal now", () => {
    let s = game("kazakhstan-2022-01", 3);
    const bots = Object.fromEntries(s.scenario.members.map((m) => [m, createBot("historical", `c:${m}`)]));
    let checked = 0;
    while (!s.ended) {
      for (const m of s.scenario.members) {
        const legal = legalActions(s, m);
        const advice = coach(view(s, m), legal);
        expect(advice.map((a) => a.type)).toEqual(legal.map((l) => l.type));
        const lines = said(advice).map((message) => JSON.stringify(message));
        expect(new Set(lines).size, `${s.phase} ${m}`).toBe(lines.length);
        for (const message of said(advice)) expect(hasKey(message.key), message.key).toBe(true);
        checked++;
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
    expect(checked).toBeGreaterThan(30);
  });

  it("the table's outlook stands beside the position, not beside every action", () => {
    const s = kazakhstanProposal();
    const advice = coach(view(s, "AM"), legalActions(s, "AM"));
    expect(advice.filter((a) => a.outlook?.key === "coach.outlook.positions").map((a) => a.type)).toEqual([
      "position",
    ]);
  });

  it("lobbying is advised only where it can change the result", () => {
    let s = play(kazakhstanProposal(), ["AM", { type: "callVote", format: "phone" }]);
    for (const m of s.scenario.members) s = play(s, [m, { type: "vote", choice: "support" }]);
    // Tajikistan's joint session will pass anyway; Kyrgyzstan's holiday chamber lacks a quorum, which
    // lobbying cannot bring in.
    const host = coach(view(s, "KZ"), legalActions(s, "KZ")).find((a) => a.type === "lobby");
    expect(said(host ? [host] : []).map((m) => [m.key, m.params?.state])).toEqual([
      ["coach.note.lobbyNoQuorum", "KG"],
    ]);
  });
});

describe("the coach on negotiation", () => {
  const objected = () =>
    play(kazakhstanProposal(), ["BY", { type: "position", stance: "object", concerns: ["timeLimit"] }]);

  it("tells whoever may answer whose concerns wait, and what an amendment must meet", () => {
    const s = objected();
    const advice = coach(view(s, "AM"), legalActions(s, "AM"));
    expect(advice.find((a) => a.type === "answerConcerns")?.notes).toEqual([
      { key: "coach.note.toAnswer", params: { states: "BY", parts: "timeLimit" } },
    ]);
    expect(advice.find((a) => a.type === "propose")?.notes).toEqual([
      { key: "coach.note.toMeet", params: { states: "BY", parts: "timeLimit" } },
    ]);
    expect(
      translate("en", { key: "coach.note.toAnswer", params: { states: "BY", parts: "timeLimit" } }),
    ).toBe(
      "The concerns of Belarus (the time limit) wait for your answer: amend the text to meet them, or keep it and say why.",
    );
  });

  it("tells the member that raised them whether its concerns were answered", () => {
    const s = objected();
    const note = (state: typeof s) =>
      coach(view(state, "BY"), legalActions(state, "BY")).find((a) => a.type === "position")?.notes?.[0]?.key;
    expect(note(s)).toBe("coach.note.mineWaiting");
    expect(note(play(s, ["AM", { type: "answerConcerns", to: "BY" }]))).toBe("coach.note.mineAnswered");
    // Another member sees neither (only what an amendment of its own would have to meet).
    const others = coach(view(s, "KG"), legalActions(s, "KG")).flatMap((a) => a.notes ?? []);
    expect(others.map((message) => message.key)).toEqual(["coach.note.toMeet"]);
  });

  it("puts the forecast beside the position, and nowhere when the seat cannot take one", () => {
    const s = kazakhstanProposal();
    const forecasts: Forecast[] = [{ stance: "endorse", by: "AM", reaction: "none" }];
    const advice = coach(view(s, "BY"), legalActions(s, "BY"), forecasts);
    expect(advice.filter((a) => a.forecasts).map((a) => a.type)).toEqual(["position"]);
    const voting = play(s, ["AM", { type: "callVote", format: "video" }]);
    expect(coach(view(voting, "BY"), legalActions(voting, "BY"), forecasts).some((a) => a.forecasts)).toBe(
      false,
    );
  });
});

describe("the forecast in words", () => {
  const by = "KZ" as StateId;
  const amend = (concern: "timeLimit" | "tasks"): Forecast => ({
    stance: "object",
    concern,
    by,
    reaction: "amend",
    changes: ["timeLimit"],
    terms: { basis: "art4", form: "peacekeeping", tasks: ["guardSites"], timeLimitDays: 14 },
  });

  it("one sentence per reaction, naming the parts, and one for all the rest", () => {
    const sentences = forecastSentences([
      { stance: "endorse", by, reaction: "none" },
      amend("timeLimit"),
      amend("tasks"),
      { stance: "object", concern: "form", by, reaction: "answer" },
    ]);
    expect(sentences.map((s) => sentence("en", s))).toEqual([
      "If you object over any one of the time limit, the tasks, Kazakhstan is likely to amend the time limit: a peacekeeping force on the basis of Article 4, for 14 days.",
      "If you object over the form, Kazakhstan is likely to keep the text and answer you.",
      "If you say anything else, Kazakhstan is not likely to change the text or to answer.",
    ]);
    expect(sentences.map((s) => sentence("ru", s))).toEqual([
      "Если вы возразите по любому из вопросов (срок, задачи), Казахстан, скорее всего, внесёт поправку (срок): миротворческие силы, основание — статья 4, срок — 14 дн.",
      "Если вы возразите (вопрос: форма), Казахстан, скорее всего, сохранит текст и ответит вам.",
      "Если же вы заявите что-то другое, Казахстан, скорее всего, не станет ни менять текст, ни отвечать.",
    ]);
  });

  it("when nothing would move the bot, one sentence says so; with no forecast, none", () => {
    const quiet = forecastSentences([
      { stance: "endorse", by, reaction: "none" },
      { stance: "object", concern: "form", by, reaction: "none" },
    ]);
    expect(quiet.map((s) => sentence("en", s))).toEqual([
      "Whatever you say now, Kazakhstan is not likely to change the text or to answer.",
    ]);
    expect(forecastSentences([])).toEqual([]);
    const vote = forecastSentences([
      { stance: "endorse", by: "AM", reaction: "callVote", reason: { key: "reason.callVote" } },
    ]);
    expect(vote).toEqual([
      {
        when: { key: "coach.if.endorse" },
        then: { key: "coach.then.callVote", params: { by: "AM" } },
        why: { key: "reason.callVote" },
      },
    ]);
  });
});
