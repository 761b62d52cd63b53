/**
 * The turn banner under the bar: whom the table waits on ("Waiting for you", another person, or the
 * bots), what this player can do now ("Your move: take a position on the proposal") and the time
 * left on the phase clock, always current, in the player's language. It is not a live region (the
 * time changes every second): the app's announcer says when the player's turn comes.
 */
import type { Language } from "../../shared/i18n/index.ts";
import { t, turnVM } from "../view/models.ts";
import type { Snapshot } from "../view/snapshot.ts";
import { h } from "./dom.ts";

function part(el: HTMLElement, cls: string, text: string | null): void {
  let span = el.querySelector<HTMLElement>(`:scope > .${cls}`);
  if (!span) {
    span = h("span", { class: cls });
    el.append(span, " ");
  }
  span.hidden = text === null || text === "";
  if (span.textContent !== (text ?? "")) span.textContent = text ?? "";
}

export function renderBanner(el: HTMLElement, snap: Snapshot | null, lang: Language, now: number): void {
  const vm = snap ? turnVM(snap, lang, now) : null;
  el.hidden = vm === null;
  el.dataset.kind = vm?.kind ?? "";
  el.classList.toggle("urgent", vm?.urgent === true);
  el.setAttribute("aria-label", t(lang, "ui.wait.label"));
  part(el, "wait", vm?.waiting ?? null);
  part(el, "move", vm?.move ?? null);
  part(el, "left", vm?.left ?? null);
  if (vm?.action) el.dataset.action = vm.action;
  else delete el.dataset.action;
}
