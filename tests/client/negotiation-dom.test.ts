/**
 * Negotiation as a student meets it, driven through the DOM (happy-dom): the consultations screen is
 * rendered from the snapshot the server's projection gives a seat, boxes are ticked and words typed,
 * a button is clicked, and the action the screen sends must be the one meant — and one the rules take.
 */
import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { projectPublic, projectSecret } from "../../server/sync/project.ts";
import { RoomState, SeatInfo } from "../../server/sync/schema.ts";
import { apply, type Action, type GameState, type StateId } from "../../shared/rules/index.ts";
import { forecastReactions, type Forecast } from "../../shared/bots/forecast.ts";
import type { ScreenCtx } from "../../client/ui/common.ts";
import { Sections } from "../../client/ui/dom.ts";
import { consultationsScreen } from "../../client/ui/screens/consultations.ts";
import { snapshotOf } from "../../client/view/snapshot.ts";
import { kazakhstanProposal, play } from "../helpers.ts";

const window = new Window({ url: "http://localhost/" });
Object.assign(globalThis, {
  document: window.document,
  HTMLElement: window.HTMLElement,
  HTMLInputElement: window.HTMLInputElement,
  HTMLSelectElement: window.HTMLSelectElement,
  HTMLButtonElement: window.HTMLButtonElement,
});

interface Rendered {
  root: HTMLElement;
  sent: Action[];
  find: (selector: string) => HTMLElement;
  text: (selector: string) => string;
}

/** The consultations screen as `seat` sees `state` (every other seat a bot), in a fresh panel. */
function render(
  state: GameState,
  seat: StateId,
  options: { coach?: boolean; forecasts?: Forecast[] } = {},
): Rendered {
  const synced = new RoomState();
  synced.code = "ABCDE";
  projectPublic(synced, state);
  projectSecret(synced, state, seat, options.forecasts ? { forecasts: options.forecasts } : {});
  for (const member of state.scenario.members) {
    const info = new SeatInfo();
    info.holder = member === seat ? "human" : "bot";
    synced.seats.set(member, info);
  }
  const snap = snapshotOf(synced, seat);
  if (!snap) throw new Error("no snapshot");
  document.body.replaceChildren();
  const root = document.createElement("main");
  document.body.append(root);
  const sent: Action[] = [];
  const ctx: ScreenCtx = {
    lang: "en",
    snap,
    act: (action) => sent.push(action),
    coachOn: options.coach ?? false,
    chat: [],
    sendChat: () => undefined,
    muted: new Set(),
    toggleMute: () => undefined,
    sources: [],
  };
  const sections = new Sections(root);
  sections.begin();
  consultationsScreen(sections, ctx);
  sections.end();
  const find = (selector: string): HTMLElement => {
    const el = root.querySelector<HTMLElement>(selector);
    if (!el) throw new Error(`nothing matches ${selector}`);
    return el;
  };
  return { root, sent, find, text: (selector) => find(selector).textContent };
}

const tick = (r: Rendered, id: string) => ((r.find(`#${id}`) as HTMLInputElement).checked = true);
const type = (r: Rendered, id: string, value: string) =>
  ((r.find(`#${id}`) as HTMLInputElement).value = value);
const click = (r: Rendered, id: string) => (r.find(`#${id}`) as HTMLButtonElement).click();

/** The one action the screen sent, which the rules must accept; the state after it. */
function sentAndApplied(r: Rendered, state: GameState, seat: StateId): { action: Action; after: GameState } {
  expect(r.sent).toHaveLength(1);
  const action = r.sent[0] as Action;
  const result = apply(state, seat, action);
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return { action, after: result.state };
}

describe("the position form", () => {
  it("names the parts of the text in plain words, with what the text says now", () => {
    const r = render(kazakhstanProposal(), "BY");
    const parts = r.text("#position .concern-parts");
    expect(parts).toContain("the time limit (21 days)");
    expect(parts).toContain("the tasks (guard strategic sites)");
    expect(parts).toContain("the form (a peacekeeping force)");
    expect(parts).toContain("the framing of the request (terrorism with foreign links)");
    // Several states pledged: one box for a pledge, and whose.
    expect(r.text("#position")).toContain("the pledge of Russia (1480 troops)");
    expect(r.find("#position .concern-parts legend").textContent).toMatch(/what in the text/);
    for (const box of r.root.querySelectorAll("#position input[type=checkbox]"))
      expect(box.closest("label"), box.id).not.toBeNull();
    expect(r.text("#position-current")).toBe("You have not said yet where you stand on this text.");
  });

  it("sends an objection with the ticked concerns and the person's own line", () => {
    const s = kazakhstanProposal();
    const r = render(s, "BY");
    tick(r, "position-concern-timeLimit");
    tick(r, "position-concern-tasks");
    tick(r, "position-concern-pledge");
    (r.find("#position-pledge-of") as HTMLSelectElement).value = "RU";
    type(r, "position-note", "  Not an open-ended mission.  ");
    click(r, "position-object");
    const { action, after } = sentAndApplied(r, s, "BY");
    expect(action).toEqual({
      type: "position",
      stance: "object",
      concerns: ["tasks", "timeLimit", "pledge"],
      pledgeOf: "RU",
      note: "Not an open-ended mission.",
    });
    expect(after.concerns.BY?.points).toEqual(["tasks", "timeLimit", "pledge"]);
  });

  it("an endorsement carries no concerns even when boxes are ticked", () => {
    const s = kazakhstanProposal();
    const r = render(s, "BY");
    tick(r, "position-concern-form");
    click(r, "position-endorse");
    expect(sentAndApplied(r, s, "BY").action).toEqual({ type: "position", stance: "endorse" });
  });

  it("a stance already held is not a fresh choice: an endorsement is off with its reason, an objection updates", () => {
    const endorsed = play(kazakhstanProposal(), ["BY", { type: "position", stance: "endorse" }]);
    let r = render(endorsed, "BY");
    const endorse = r.find("#position-endorse") as HTMLButtonElement;
    expect(endorse.disabled).toBe(true);
    expect(endorse.getAttribute("aria-pressed")).toBe("true");
    const why = endorse.getAttribute("aria-describedby") ?? "";
    expect(r.text(`#${why}`)).toBe("You already endorse this text.");
    expect((r.find("#position-object") as HTMLButtonElement).disabled).toBe(false);

    const objected = play(kazakhstanProposal(), [
      "BY",
      { type: "position", stance: "object", concerns: ["timeLimit"], note: "Too long." },
    ]);
    r = render(objected, "BY");
    const object = r.find("#position-object") as HTMLButtonElement;
    expect(object.textContent).toBe("Object: update what you name");
    expect(object.getAttribute("aria-pressed")).toBe("true");
    expect((r.find("#position-concern-timeLimit") as HTMLInputElement).checked).toBe(true);
    expect((r.find("#position-note") as HTMLInputElement).value).toBe("Too long.");
    tick(r, "position-concern-form");
    click(r, "position-object");
    expect(sentAndApplied(r, objected, "BY").action).toMatchObject({ concerns: ["form", "timeLimit"] });
  });

  it("whoever tabled the text is told it endorses it", () => {
    const r = render(kazakhstanProposal(), "AM");
    expect((r.find("#position-endorse") as HTMLButtonElement).disabled).toBe(true);
    expect(r.text("#position-current")).toBe("You tabled this text, so you endorse it.");
  });
});

describe("the council vote form", () => {
  it("sends an objection with the parts it names", () => {
    const s = play(kazakhstanProposal(), ["AM", { type: "callVote", format: "video" }]);
    const r = render(s, "BY");
    expect(r.text("#vote")).toContain("the time limit (21 days)");
    tick(r, "vote-concern-form");
    type(r, "vote-note", "A mission, not a force.");
    click(r, "vote-object");
    const { action, after } = sentAndApplied(r, s, "BY");
    expect(action).toEqual({
      type: "vote",
      choice: "object",
      concerns: ["form"],
      note: "A mission, not a force.",
    });
    expect(after.concerns.BY?.points).toEqual(["form"]);
  });

  it("a vote in support names nothing", () => {
    const s = play(kazakhstanProposal(), ["AM", { type: "callVote", format: "video" }]);
    const r = render(s, "BY");
    tick(r, "vote-concern-form");
    click(r, "vote-support");
    expect(sentAndApplied(r, s, "BY").action).toEqual({ type: "vote", choice: "support" });
  });
});

describe("the concerns beside the proposal, and the answer", () => {
  const objected = () =>
    play(kazakhstanProposal(), [
      "BY",
      { type: "position", stance: "object", concerns: ["timeLimit"], note: "Not open-ended." },
    ]);

  it("everyone sees who raised what, in their words, and whether it was answered", () => {
    let r = render(objected(), "KG");
    const row = r.find('[data-section="concerns"] li[data-seat="BY"]');
    expect(row.textContent).toContain("Belarus objects");
    expect(row.textContent).toContain("Names: the time limit (21 days)");
    expect(row.textContent).toContain("“Not open-ended.”");
    expect(row.textContent).toContain("Waits for an answer from Armenia.");
    const answered = play(objected(), [
      "AM",
      { type: "answerConcerns", to: "BY", note: "Three weeks is the limit." },
    ]);
    r = render(answered, "KG");
    expect(r.text('[data-section="concerns"] li[data-seat="BY"]')).toContain(
      "Answered without a change to the text.",
    );
    // The answer and its words are in the timeline.
    expect(r.text('[data-section="timeline"]')).toContain(
      "Answers Belarus's concerns without changing the text.",
    );
    expect(r.text('[data-section="timeline"]')).toContain("“Three weeks is the limit.”");
  });

  it("the answer form is offered only to whoever may answer, and only when there is something to answer", () => {
    expect(render(kazakhstanProposal(), "AM").root.querySelector("#answer-concerns")).toBeNull();
    expect(render(objected(), "KG").root.querySelector("#answer-concerns")).toBeNull();
    expect(render(objected(), "BY").root.querySelector("#answer-concerns")).toBeNull();
    const s = objected();
    const r = render(s, "AM");
    expect(r.text("#answer-to")).toContain("Belarus: the time limit (21 days)");
    type(r, "answer-note", "Three weeks is the limit.");
    click(r, "answer-send");
    expect(sentAndApplied(r, s, "AM").action).toEqual({
      type: "answerConcerns",
      to: "BY",
      note: "Three weeks is the limit.",
    });
  });

  it("an amendment says whose concerns it meets, and the timeline shows it", () => {
    const s = objected();
    const r = render(s, "AM");
    expect(r.text("#propose .meets")).toContain("Belarus: the time limit (21 days)");
    type(r, "prop-days", "14");
    tick(r, "meets-BY");
    click(r, "propose-send");
    const { action, after } = sentAndApplied(r, s, "AM");
    expect(action).toMatchObject({
      type: "propose",
      terms: { timeLimitDays: 14 },
      reason: { key: "reason.person.meets", params: { states: "BY" } },
    });
    expect(render(after, "BY").text('[data-section="timeline"]')).toContain(
      "Why: Meets the concerns of Belarus.",
    );
  });
});

describe("the coach beside the forms", () => {
  it("says the table's outlook once, and what this seat must answer", () => {
    const s = play(kazakhstanProposal(), [
      "BY",
      { type: "position", stance: "object", concerns: ["timeLimit"] },
    ]);
    const r = render(s, "AM", { coach: true });
    const coach = r.text('[data-section="coach"]');
    expect(coach.split("Objections from Belarus").length - 1).toBe(1);
    expect(r.text('[data-advice="answerConcerns"]')).toContain(
      "The concerns of Belarus (the time limit) wait for your answer",
    );
  });

  it("puts the server's forecast into sentences beside the position", () => {
    const s = kazakhstanProposal();
    const forecasts = forecastReactions(s, "BY", () => "historical");
    const r = render(s, "BY", { coach: true, forecasts });
    const position = r.text('[data-advice="position"]');
    expect(position).toContain("What the bots are likely to do next");
    expect(position).toContain("Armenia is");
    expect(r.root.querySelectorAll("[data-advice] .forecasts").length).toBe(1);
  });
});
