/**
 * The guided crisis in the panel (client/view/guide.ts says what each step is): a card above the
 * screen that the player reads before acting. In a solo game the guide pauses the room while its card
 * is up, so no bot moves on before the player has read it, and "Got it" lets the game go on.
 */
import type { Language } from "../../shared/i18n/index.ts";
import { guideStep, t, type GuideStep } from "../view/models.ts";
import type { Snapshot } from "../view/snapshot.ts";
import { h, type Sections } from "./dom.ts";
import { keyOf } from "./common.ts";

export class Guide {
  private readonly read = new Set<string>();
  private pausedByGuide = false;
  /** Whether this game is guided: a solo game, with the guide on. */
  private readonly on: (snap: Snapshot) => boolean;
  private readonly pause: (paused: boolean) => void;

  constructor(on: (snap: Snapshot) => boolean, pause: (paused: boolean) => void) {
    this.on = on;
    this.pause = pause;
  }

  /** The step card to show now, if the player has not read it yet. */
  step(snap: Snapshot, lang: Language): GuideStep | null {
    if (!this.on(snap)) return null;
    const step = guideStep(snap, lang);
    return step && !this.read.has(step.key) ? step : null;
  }

  /** A new snapshot: a step the player has not read pauses the solo room until it is read. */
  onSnapshot(snap: Snapshot, lang: Language): void {
    if (!this.step(snap, lang) || snap.paused || this.pausedByGuide || snap.view.ended) return;
    this.pausedByGuide = true;
    this.pause(true);
  }

  acknowledge(key: string): void {
    this.read.add(key);
    if (!this.pausedByGuide) return;
    this.pausedByGuide = false;
    this.pause(false);
  }

  /** The card, first in the panel; reading it and pressing "Got it" lets the player act. */
  render(sections: Sections, snap: Snapshot, lang: Language, rerender: () => void): void {
    const step = this.step(snap, lang);
    if (!step) return;
    sections.section("guide", keyOf(lang, step), () => [
      h(
        "section",
        { class: "guide", id: "guide", role: "region", "aria-labelledby": "guide-heading" },
        h("h2", { id: "guide-heading", tabindex: -1 }, step.heading),
        h("p", { class: "prose" }, step.body),
        h(
          "button",
          {
            type: "button",
            id: "guide-ok",
            onclick: () => {
              this.acknowledge(step.key);
              rerender();
            },
          },
          t(lang, "ui.guide.ok"),
        ),
      ),
    ]);
  }
}
