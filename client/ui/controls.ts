/**
 * Action controls: every input is enabled only when the seat's legal actions allow it, and otherwise
 * disabled with the reason beside it (linked by aria-describedby for screen readers).
 */
import type { Language } from "../../shared/i18n/index.ts";
import type { ActionType } from "../../shared/rules/index.ts";
import { actionState, t } from "../view/models.ts";
import type { Snapshot } from "../view/snapshot.ts";
import { h } from "./dom.ts";

export interface Ctx {
  lang: Language;
  snap: Snapshot;
  act: (action: Parameters<import("../net/connection.ts").Connection["act"]>[0]) => void;
}

/** A fieldset for one action: its inputs, a submit button, and the reason when it is not legal. */
export function actionForm(
  ctx: Ctx,
  type: ActionType,
  id: string,
  legend: string,
  fields: HTMLElement[],
  buttons: { label: string; onClick: () => void; id?: string }[],
): HTMLElement {
  const st = actionState(ctx.snap, type, ctx.lang);
  const reasonId = `${id}-reason`;
  const disabled = !st.enabled;
  for (const f of fields)
    for (const input of f.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select")) {
      input.disabled = disabled;
    }
  return h(
    "fieldset",
    { class: `action ${disabled ? "off" : "on"}`, id, "data-action": type },
    h("legend", {}, legend),
    ...fields,
    h(
      "div",
      { class: "buttons" },
      buttons.map((b, i) =>
        h(
          "button",
          {
            type: "button",
            id: b.id ?? `${id}-b${i}`,
            disabled,
            "aria-describedby": disabled ? reasonId : null,
            onclick: () => b.onClick(),
          },
          b.label,
        ),
      ),
    ),
    disabled ? h("p", { class: "reason", id: reasonId }, st.reason ?? t(ctx.lang, "ui.reason.notNow")) : null,
  );
}

/** A labelled field (label + control). */
export function field(label: string, control: HTMLElement): HTMLElement {
  const id = control.id;
  return h("div", { class: "field" }, h("label", { for: id }, label), control);
}

export const valueOf = (id: string): string =>
  (document.getElementById(id) as HTMLInputElement | HTMLSelectElement | null)?.value ?? "";

export const checked = (id: string): boolean =>
  (document.getElementById(id) as HTMLInputElement | null)?.checked === true;
