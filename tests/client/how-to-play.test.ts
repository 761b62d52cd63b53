/** "How to play" (issue 12): each part has its text and a picture, in both languages. */
import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { HOW_TO_PLAY_PARTS, renderHowToPlay } from "../../client/ui/screens/how-to-play.ts";

const window = new Window({ url: "http://localhost/" });
Object.assign(globalThis, { document: window.document, HTMLElement: window.HTMLElement });

describe("How to play", () => {
  it.each(["en", "ru"] as const)("%s: every part has a picture with a title and translated words", (lang) => {
    const root = document.createElement("main");
    renderHowToPlay(root, lang, () => undefined);
    for (const part of HOW_TO_PLAY_PARTS) {
      const picture = root.querySelector(`#howto-${part} svg.howto-picture`);
      expect(picture, part).not.toBeNull();
      expect(picture?.querySelector("title")?.textContent.length ?? 0, part).toBeGreaterThan(10);
      expect(picture?.querySelectorAll("text").length ?? 0, part).toBeGreaterThan(3);
    }
    const words = root.textContent;
    expect(words).not.toMatch(/ui\.(howto|guide)|\{\w+\}/);
    if (lang === "ru") expect(words).toContain("заблокировано");
  });
});
