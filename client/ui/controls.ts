/**
 * Action controls: every input is enabled only when the seat's legal actions allow it, and otherwise
 * disabled with the reason beside it (linked by aria-describedby for screen readers). Each button
 * carries `data-action="<type>"`; a click reads the values of its own form, not of the page.
 */
import type { Language } from "../../shared/i18n/index.ts";
import type { Action, ActionType } from "../../shared/rules/index.ts";
import { actionFrom, actionState, legalOf, t, type FormValues } from "../view/models.ts";
import type { Snapshot } from "../view/snapshot.ts";
import { h } from "./dom.ts";

export interface Ctx {
  lang: Language;
  snap: Snapshot;
  act: (action: Action) => void;
}

export interface ActionButton {
  label: string;
  id?: string;
  /** Values this button adds to the form's (the choice it stands for: a stance, a vote). */
  values?: Record<string, string>;
  /** The choice this seat holds already (aria-pressed). */
  pressed?: boolean;
  /** Why this one button is off although its action is legal (a stance already held), shown beside it. */
  unavailable?: string | null;
}

/** The values of the named inputs and selects inside `root` (a checked box gives its value or "on"). */
export function readValues(root: ParentNode): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const input of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
    "input[name], select[name]",
  )) {
    if (input instanceof HTMLInputElement && input.type === "checkbox" && !input.checked) continue;
    (out[input.name] ??= []).push(input.value);
  }
  return out;
}

/** Whether a form is on the screen: where its phase shows it, and wherever the rules allow it. */
export const offered = (ctx: Ctx, type: ActionType, where: boolean): boolean =>
  where || legalOf(ctx.snap, type) !== undefined;

/** A fieldset for one action: its inputs, its buttons, and the reason when it is not legal. */
export function actionForm(
  ctx: Ctx,
  type: ActionType,
  id: string,
  legend: string,
  fields: HTMLElement[],
  buttons: ActionButton[],
): HTMLElement {
  const state = actionState(ctx.snap, type, ctx.lang);
  const reasonId = `${id}-reason`;
  const disabled = !state.enabled;
  for (const f of fields)
    for (const input of f.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select")) {
      input.disabled = disabled;
      if (disabled) input.setAttribute("aria-describedby", reasonId);
    }
  const fieldset = h(
    "fieldset",
    { class: `action ${disabled ? "off" : "on"}`, id, "data-form": type },
    h("legend", {}, legend),
    ...fields,
  );
  const send = (values: Record<string, string> = {}) => {
    const all: FormValues = {
      ...readValues(fieldset),
      ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, [v]])),
    };
    const action = actionFrom(type, all, legalOf(ctx.snap, type));
    if (action) ctx.act(action);
  };
  fieldset.append(
    h(
      "div",
      { class: "buttons" },
      buttons.map((button, i) => {
        const buttonId = button.id ?? `${id}-b${i}`;
        const off = !disabled && !!button.unavailable;
        return h(
          "button",
          {
            type: "button",
            id: buttonId,
            "data-action": type,
            disabled: disabled || off,
            "aria-pressed": button.pressed === undefined ? null : String(button.pressed),
            "aria-describedby": disabled ? reasonId : off ? `${buttonId}-why` : null,
            onclick: () => send(button.values),
          },
          button.label,
        );
      }),
    ),
  );
  for (const [i, button] of buttons.entries())
    if (!disabled && button.unavailable)
      fieldset.append(
        h("p", { class: "reason", id: `${button.id ?? `${id}-b${i}`}-why` }, button.unavailable),
      );
  if (disabled)
    fieldset.append(
      h("p", { class: "reason", id: reasonId }, state.reason ?? t(ctx.lang, "ui.reason.notNow")),
    );
  return fieldset;
}

/** A labelled field (label + control). */
export function field(label: string, control: HTMLElement): HTMLElement {
  const id = control.id;
  return h("div", { class: "field" }, h("label", { for: id }, label), control);
}

/** A <select> with a name, for a form to read. */
export function select(id: string, name: string, list: HTMLOptionElement[]): HTMLSelectElement {
  return h("select", { id, name }, list);
}

export const valueOf = (id: string): string =>
  (document.getElementById(id) as HTMLInputElement | HTMLSelectElement | null)?.value ?? "";

export const checked = (id: string): boolean =>
  (document.getElementById(id) as HTMLInputElement | null)?.checked === true;
