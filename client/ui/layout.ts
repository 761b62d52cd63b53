/**
 * The small screen's folds: the bar's menu (title, clock, language and room buttons) and the stage
 * (canvas) can be folded away so the action panel gets the screen. Two buttons in the bar, shown only
 * on a narrow screen (style.css); what the player chose is remembered (settings.ts) and put on
 * `<body>` as `data-bar` and `data-stage`, which the stylesheet reads. Unset, a phone folds the bar
 * during a game and shows a short stage.
 */
import type { Language } from "../../shared/i18n/index.ts";
import type { Fold } from "../settings.ts";
import { t } from "../view/models.ts";
import { h } from "./dom.ts";

export interface LayoutState {
  lang: Language;
  inGame: boolean;
  bar: Fold;
  stage: Fold;
}

/** The fold in effect: the player's choice, else the phone's default (bar folded, stage shown). */
export const barOpen = (bar: Fold): boolean => bar === "open";
export const stageOpen = (stage: Fold): boolean => stage !== "closed";

export function renderLayout(
  el: HTMLElement,
  state: LayoutState,
  toggle: (which: "bar" | "stage") => void,
): void {
  document.body.dataset.bar = state.bar ?? "";
  document.body.dataset.stage = state.stage ?? "";
  const key = JSON.stringify(state);
  if (el.dataset.key === key) return;
  el.dataset.key = key;
  const focused = document.activeElement?.id ?? "";
  el.hidden = !state.inGame;
  el.replaceChildren(
    h(
      "button",
      {
        type: "button",
        id: "bar-toggle",
        "aria-expanded": String(barOpen(state.bar)),
        "aria-controls": "tools",
        title: t(state.lang, "ui.layout.barHint"),
        onclick: () => toggle("bar"),
      },
      t(state.lang, "ui.layout.bar"),
    ),
    h(
      "button",
      {
        type: "button",
        id: "stage-toggle",
        "aria-pressed": String(stageOpen(state.stage)),
        "aria-controls": "stage",
        title: t(state.lang, "ui.layout.stageHint"),
        onclick: () => toggle("stage"),
      },
      t(state.lang, "ui.layout.stage"),
    ),
  );
  if (focused === "bar-toggle" || focused === "stage-toggle") document.getElementById(focused)?.focus();
}
