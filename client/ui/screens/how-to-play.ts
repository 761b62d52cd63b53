/**
 * "How to play", reached from the menu before any room: what one game is, its phases, unanimity and
 * standing aside, national approvals and the tracks. Each part is a heading and a paragraph of the
 * `ui.howto.*` texts with a picture (`howto-pictures.ts`); add a part by adding its key to `PARTS` and its texts to both dictionaries.
 */
import type { Language } from "../../../shared/i18n/index.ts";
import { t } from "../../view/models.ts";
import { h } from "../dom.ts";
import { HOW_TO_PLAY_PICTURES } from "../howto-pictures.ts";

export const HOW_TO_PLAY_PARTS = ["phases", "unanimity", "approvals", "tracks"] as const;

export function renderHowToPlay(root: HTMLElement, lang: Language, back: () => void): void {
  root.replaceChildren(
    h(
      "article",
      { class: "card howto", id: "how-to-play", "aria-labelledby": "howto-h" },
      h("h2", { id: "howto-h", tabindex: "-1" }, t(lang, "ui.howto.title")),
      h("p", {}, t(lang, "ui.howto.intro")),
      ...HOW_TO_PLAY_PARTS.map((part) =>
        h(
          "section",
          { id: `howto-${part}` },
          h("h3", {}, t(lang, `ui.howto.${part}.title`)),
          h("p", {}, t(lang, `ui.howto.${part}.text`)),
          HOW_TO_PLAY_PICTURES[part]?.(lang) ?? null,
        ),
      ),
      h("button", { type: "button", id: "howto-back", onclick: () => back() }, t(lang, "ui.howto.back")),
    ),
  );
}
