/**
 * The menu's side of the client, before any room: the forms' handlers (solo, create, join, Play now,
 * projector, How to play), the live list of open rooms, and menu errors a person can read. The app
 * gives it what it needs through `MenuHost`; the menu's own DOM is `ui/menu.ts`.
 */
import type { Language } from "../shared/i18n/index.ts";
import { JoinError, type Connection } from "./net/connection.ts";
import { LobbyFeed } from "./net/lobby-feed.ts";
import { createOptions, joinOptions, quickOptions, soloOptions } from "./room-options.ts";
import type { Settings } from "./settings.ts";
import { renderMenu, type MenuHandlers, type ScenarioInfo } from "./ui/menu.ts";
import { renderLobbyList } from "./ui/menu-lobby.ts";
import { codeCheck, lobbyVM, menuErrorText, t } from "./view/models.ts";
import type { Snapshot } from "./view/snapshot.ts";

export interface MenuHost {
  lang(): Language;
  readonly settings: Settings;
  readonly net: Connection;
  readonly alert: HTMLElement;
  readonly panel: HTMLElement;
  scenarios(): ScenarioInfo[] | null;
  snap(): Snapshot | null;
  render(): void;
  showError(text: string): void;
  setStatus(text: string, warn?: boolean): void;
}

export class MenuController {
  /** The public rooms, polled while the menu is shown. */
  readonly lobby = new LobbyFeed(() => this.renderLobby());
  /** The room code last typed in the menu (kept across re-renders). */
  private typedCode = "";
  /** The menu's "How to play" page is open (the `howToPlay` screen, before any room). */
  howToPlay = false;
  private readonly host: MenuHost;

  constructor(host: MenuHost) {
    this.host = host;
  }

  private get lang(): Language {
    return this.host.lang();
  }

  private async run(task: () => Promise<void>, code?: string): Promise<void> {
    this.host.alert.hidden = true;
    try {
      await task();
    } catch (err) {
      const failure = err instanceof JoinError ? err.code : "generic";
      this.host.setStatus("");
      const detail = err instanceof Error ? err.message : String(err);
      this.host.showError(menuErrorText(failure, this.lang, { detail, ...(code ? { code } : {}) }));
      this.lobby.refresh();
    }
  }

  /** Joins a room by a code the player typed or picked: checked first, so an empty or mistyped one never reaches the network. */
  private joinCode(typed: string, options: Parameters<Connection["join"]>[1]): void {
    this.typedCode = typed;
    const checked = codeCheck(typed, this.lang);
    if (!checked.ok) {
      this.host.showError(checked.text);
      return;
    }
    const net = this.host.net;
    void this.run(async () => {
      await net.join(checked.code, options);
      // Every seat was taken: the server seated this player as a spectator.
      if (!options.spectator && net.seat === null) this.host.setStatus(t(this.lang, "ui.lobby.watching"));
    }, checked.code);
  }

  /** The open rooms' list alone, as the feed changes (the forms around it keep what was typed). */
  private renderLobby(): void {
    const el = document.getElementById("lobby-list");
    if (el && !this.host.snap()) renderLobbyList(el, this.lobbyList(), this.handlers());
  }

  private lobbyList() {
    const titles = new Map((this.host.scenarios() ?? []).map((s) => [s.id, s.title]));
    return lobbyVM(this.lobby.list, titles, this.lang, Date.now());
  }

  private handlers(): MenuHandlers {
    const { settings, net } = this.host;
    const search = location.search;
    const remember = (name: string) => (settings.name = name);
    return {
      solo: (chosen) =>
        void this.run(async () => {
          remember(chosen.name);
          if (chosen.guided !== undefined) settings.setGuided(chosen.guided);
          await net.create(soloOptions(chosen, this.host.scenarios(), search));
        }),
      create: (chosen) =>
        void this.run(async () => {
          remember(chosen.name);
          await net.create({ ...createOptions(chosen, search), language: this.lang });
        }),
      join: (chosen) => {
        remember(chosen.name);
        this.joinCode(chosen.code, joinOptions(chosen));
      },
      projector: (code) => this.joinCode(code, { spectator: true }),
      quick: (name) =>
        void this.run(async () => {
          remember(name);
          await net.quick(quickOptions(name, this.lang, this.host.scenarios(), search));
        }),
      enter: (code, watch) =>
        this.joinCode(
          code,
          watch ? { spectator: true } : joinOptions({ code, name: settings.name, seat: null }),
        ),
      howToPlay: () => {
        // The name typed for Play now is still there on the way back.
        const typed = (document.getElementById("quick-name") as HTMLInputElement | null)?.value.trim();
        if (typed) remember(typed);
        this.howToPlay = true;
        this.host.render();
        document.getElementById("howto-h")?.focus();
      },
    };
  }

  render(): void {
    const { settings } = this.host;
    renderMenu(
      this.host.panel,
      this.lang,
      this.host.scenarios(),
      this.handlers(),
      { name: settings.name, code: this.typedCode, guided: settings.guided },
      this.lobbyList(),
    );
  }
}
