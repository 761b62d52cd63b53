/**
 * The banner under the bar: whom the table waits on ("Waiting for you", another person, or the
 * bots), always current, in the player's language. Its element is a polite live region, so a
 * screen reader hears when the table starts waiting for this player.
 */
import type { Language } from "../../shared/i18n/index.ts";
import { t, waitingVM } from "../view/models.ts";
import type { Snapshot } from "../view/snapshot.ts";

export function renderBanner(el: HTMLElement, snap: Snapshot | null, lang: Language): void {
  const vm = snap ? waitingVM(snap, lang) : null;
  const text = vm?.text ?? "";
  el.hidden = vm === null;
  el.dataset.kind = vm?.kind ?? "";
  el.setAttribute("aria-label", t(lang, "ui.wait.label"));
  if (el.textContent !== text) el.textContent = text;
}
