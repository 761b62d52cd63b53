/** The chrome around the screens: the tool bar (language, coach, pause, leave), the navigation, the clock. */
import { LANGUAGES, type Language } from "../../shared/i18n/index.ts";
import { clockVM, SCREENS, SPECTATOR_SCREENS, t, type View } from "../view/models.ts";
import type { Snapshot } from "../view/snapshot.ts";
import { h, options } from "./dom.ts";

export interface ChromeState {
  lang: Language;
  coachOn: boolean;
  snap: Snapshot | null;
  view: View;
}

export interface ChromeActions {
  setLang(lang: Language): void;
  setCoach(on: boolean): void;
  pause(paused: boolean): void;
  leave(): void;
  show(view: View): void;
}

export const viewLabel = (lang: Language, view: View): string =>
  view === "menu" ? t(lang, "ui.title") : t(lang, `ui.nav.${view}`);

/** Solo practice: this client's own solo room, or the only human seat of a room (it may pause). */
export function isSolo(snap: Snapshot | null): boolean {
  if (!snap) return false;
  if (snap.solo) return snap.creator;
  return Object.entries(snap.seats).every(
    ([seat, info]) => seat === snap.seat || (info.holder !== "human" && info.holder !== "away"),
  );
}

export function renderTools(el: HTMLElement, state: ChromeState, actions: ChromeActions): void {
  const { lang, snap } = state;
  const key = JSON.stringify([
    lang,
    state.coachOn,
    snap?.paused,
    snap?.seat,
    !!snap,
    state.view,
    snap && isSolo(snap),
  ]);
  if (el.dataset.key === key) return;
  el.dataset.key = key;
  const langSelect = h(
    "select",
    {
      id: "lang",
      onchange: (e: Event) => actions.setLang((e.target as HTMLSelectElement).value as Language),
    },
    options(
      LANGUAGES.map((l) => ({ value: l, label: t(lang, `ui.lang.${l}`) })),
      lang,
    ),
  );
  const seated = snap !== null && snap.seat !== null;
  const parts: (HTMLElement | null)[] = [
    h("label", { for: "lang", class: "sr-only" }, t(lang, "ui.lang.label")),
    langSelect,
    snap?.view.private?.role === "leader"
      ? h(
          "label",
          { class: "check" },
          h("input", {
            type: "checkbox",
            id: "coach-toggle",
            checked: state.coachOn,
            onchange: (e: Event) => actions.setCoach((e.target as HTMLInputElement).checked),
          }),
          t(lang, "ui.coach.toggle"),
        )
      : null,
    seated && isSolo(snap) && !snap.view.ended && !snap.gathering
      ? h(
          "button",
          {
            type: "button",
            id: "pause-btn",
            "aria-pressed": String(snap.paused),
            onclick: () => actions.pause(!snap.paused),
          },
          t(lang, snap.paused ? "ui.resume" : "ui.pause"),
        )
      : null,
    snap
      ? h(
          "button",
          { type: "button", id: "leave-btn", onclick: () => actions.leave() },
          t(lang, "ui.nav.leave"),
        )
      : null,
  ];
  el.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
}

export function renderNav(el: HTMLElement, state: ChromeState, actions: ChromeActions): void {
  const screens: readonly View[] = !state.snap ? [] : state.snap.seat === null ? SPECTATOR_SCREENS : SCREENS;
  const key = JSON.stringify([state.lang, screens, state.view]);
  if (el.dataset.key === key) return;
  el.dataset.key = key;
  el.setAttribute("aria-label", t(state.lang, "ui.nav.label"));
  el.replaceChildren(
    ...screens.map((view) =>
      h(
        "button",
        {
          type: "button",
          id: `nav-${view}`,
          "aria-current": view === state.view ? "page" : null,
          onclick: () => actions.show(view),
        },
        viewLabel(state.lang, view),
      ),
    ),
  );
}

export function renderClock(el: HTMLElement, snap: Snapshot | null, lang: Language, now: number): void {
  if (!snap) {
    el.hidden = true;
    return;
  }
  const clock = clockVM(snap, now, lang);
  el.hidden = false;
  el.classList.toggle("urgent", clock.urgent);
  el.setAttribute("aria-label", t(lang, "ui.clock.label"));
  const text = `${clock.phase} · ${clock.time} · ${clock.left}`;
  if (el.textContent !== text) el.textContent = text;
}
