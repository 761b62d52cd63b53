/**
 * The menu's cards for strangers and first-timers: what the game is (with the way to "How to play"),
 * "Play now", and the open rooms, live. The list is redrawn on its own (`renderLobbyList`) as the
 * feed changes, so the forms around it keep what the player typed.
 */
import type { Language } from "../../shared/i18n/index.ts";
import { t, type LobbyListVM } from "../view/models.ts";
import { field, valueOf } from "./controls.ts";
import { h } from "./dom.ts";

export interface LobbyHandlers {
  howToPlay(): void;
  /** "Play now" under this name (empty: the seat's). */
  quick(name: string): void;
  /** Join a listed room: a free seat, or (`watch`) as a spectator when none is free. */
  enter(code: string, watch: boolean): void;
}

export function introCard(lang: Language, handlers: LobbyHandlers): HTMLElement {
  return h(
    "section",
    { class: "card intro", id: "menu-intro", "aria-labelledby": "intro-h" },
    h("h2", { id: "intro-h" }, t(lang, "ui.lobby.intro.title")),
    h("p", {}, t(lang, "ui.lobby.intro.csto")),
    h("p", {}, t(lang, "ui.lobby.intro.player")),
    h(
      "button",
      { type: "button", id: "howto-btn", onclick: () => handlers.howToPlay() },
      t(lang, "ui.lobby.intro.howto"),
    ),
  );
}

export function quickCard(lang: Language, handlers: LobbyHandlers, name: string): HTMLElement {
  return h(
    "form",
    {
      class: "card",
      id: "menu-quick",
      "aria-labelledby": "quick-h",
      onsubmit: (e: Event) => {
        e.preventDefault();
        handlers.quick(valueOf("quick-name").trim());
      },
    },
    h("h2", { id: "quick-h" }, t(lang, "ui.lobby.quick.title")),
    h("p", { class: "muted" }, t(lang, "ui.lobby.quick.hint")),
    field(
      t(lang, "ui.menu.name"),
      h("input", { id: "quick-name", type: "text", maxlength: 40, value: name, autocomplete: "nickname" }),
    ),
    h("button", { type: "submit", id: "quick-btn", class: "primary" }, t(lang, "ui.lobby.quick.button")),
  );
}

/** The open rooms' card; its list is filled by `renderLobbyList`. */
export function lobbyCard(lang: Language, vm: LobbyListVM, handlers: LobbyHandlers): HTMLElement {
  const list = h("div", { id: "lobby-list", "aria-live": "polite" });
  renderLobbyList(list, vm, handlers);
  return h(
    "section",
    { class: "card", id: "menu-lobby", "aria-labelledby": "lobby-h" },
    h("h2", { id: "lobby-h" }, t(lang, "ui.lobby.list.title")),
    h("p", { class: "muted" }, t(lang, "ui.lobby.list.hint")),
    list,
  );
}

export function renderLobbyList(el: HTMLElement, vm: LobbyListVM, handlers: LobbyHandlers): void {
  if (vm.kind === "note") {
    el.replaceChildren(h("p", { class: "muted", id: "lobby-note" }, vm.text));
    return;
  }
  el.replaceChildren(
    h(
      "ul",
      { class: "lobby-rooms" },
      ...vm.rows.map((row) =>
        h(
          "li",
          { "data-code": row.code },
          h("strong", {}, row.title),
          h("span", { class: "code" }, ` ${row.code}`),
          h("br", {}),
          h("span", { class: "muted" }, row.details.join(" · ")),
          h(
            "button",
            {
              type: "button",
              class: row.action === "join" ? "primary lobby-join" : "lobby-join",
              "data-code": row.code,
              "aria-label": row.label,
              onclick: () => handlers.enter(row.code, row.action === "watch"),
            },
            row.button,
          ),
        ),
      ),
    ),
  );
}
