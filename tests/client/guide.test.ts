/**
 * The guided crisis (issue 12): in a first solo game the coach says what each step is before the
 * player acts, in words for this seat's role, and holds the solo room until the player has read it.
 */
import { describe, expect, it } from "vitest";
import type { GameState, StateId } from "../../shared/rules/index.ts";
import { Sections } from "../../client/ui/dom.ts";
import { Guide } from "../../client/ui/guide.ts";
import { guideStep, GUIDE_STEPS } from "../../client/view/models.ts";
import type { Snapshot } from "../../client/view/snapshot.ts";
import { allReady, game, kazakhstanConsultations } from "../helpers.ts";
import { seatSnapshot } from "./harness.ts";

const snapOf = (state: GameState, seat: StateId, paused = false): Snapshot =>
  seatSnapshot(state, seat, { paused });

describe("the guide's steps", () => {
  it("the appeal is explained to the host as its move, to the others as the host's", () => {
    const s = allReady(game("kazakhstan-2022-01"));
    expect(guideStep(snapOf(s, "KZ"), "en")?.body).toMatch(
      /^The crisis is in your country, so the first move is yours/,
    );
    expect(guideStep(snapOf(s, "AM"), "en")?.body).toContain("As the Council's chair");
    expect(guideStep(snapOf(s, "BY"), "ru")?.body).toContain(
      "Решение просить о помощи принимает государство Казахстан",
    );
    expect(guideStep(snapOf(s, "BY"), "en")?.heading).toBe(
      `Guide, step 2 of ${GUIDE_STEPS.length}: the appeal`,
    );
  });

  it("every step has a text in both languages for every role, with no placeholder left", () => {
    const s = kazakhstanConsultations();
    for (const seat of ["KZ", "AM", "RU"] as const)
      for (const lang of ["en", "ru"] as const) {
        const step = guideStep(snapOf(s, seat), lang);
        expect(step?.body, `${seat} ${lang}`).not.toMatch(/\{\w+\}|ui\.guide/);
      }
  });
});

describe("a guided solo game", () => {
  it("pauses the room once while a step's card is up, and lets it go on when the player has read it", () => {
    const sent: boolean[] = [];
    const guide = new Guide(
      () => true,
      (paused) => sent.push(paused),
    );
    const s = allReady(game("kazakhstan-2022-01"));
    guide.onSnapshot(snapOf(s, "BY"), "en");
    guide.onSnapshot(snapOf(s, "BY", true), "en");
    expect(sent).toEqual([true]);

    document.body.replaceChildren();
    const root = document.createElement("main");
    document.body.append(root);
    const sections = new Sections(root);
    let rerendered = 0;
    sections.begin();
    guide.render(sections, snapOf(s, "BY", true), "en", () => rerendered++);
    sections.end();
    (root.querySelector("#guide-ok") as HTMLButtonElement).click();
    expect(sent).toEqual([true, false]);
    expect(rerendered).toBe(1);
    // Read once, the step is not shown again, and does not pause again.
    expect(guide.step(snapOf(s, "BY"), "en")).toBeNull();
    guide.onSnapshot(snapOf(s, "BY"), "en");
    expect(sent).toEqual([true, false]);
    // The next step is.
    expect(guide.step(snapOf(kazakhstanConsultations(), "BY"), "en")?.heading).toContain("consultations");
  });

  it("a game that is not guided shows no card and never pauses", () => {
    const sent: boolean[] = [];
    const guide = new Guide(
      () => false,
      (paused) => sent.push(paused),
    );
    const s = allReady(game("kazakhstan-2022-01"));
    guide.onSnapshot(snapOf(s, "BY"), "en");
    expect(guide.step(snapOf(s, "BY"), "en")).toBeNull();
    expect(sent).toEqual([]);
  });
});
