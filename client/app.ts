/**
 * The client's controller: the connection's snapshots into the DOM panels and the Phaser stage.
 * Which view is shown comes from the router (`nextView`), the settings from `Settings`, the bar from
 * the chrome, the stage's data from its view-model. Holds no rules.
 */
import type { ChatLine } from "../shared/protocol/index.ts";
import { Connection, savedSession, type Status } from "./net/connection.ts";
import type { Stage } from "./scenes/types.ts";
import { Settings } from "./settings.ts";
import { renderBanner } from "./ui/banner.ts";
import { Guide } from "./ui/guide.ts";
import { tickCountdowns } from "./ui/sections/campaign.ts";
import { barOpen, renderLayout, stageOpen } from "./ui/layout.ts";
import { renderTracks } from "./ui/sections/tracks.ts";
import { isSolo, renderClock, renderNav, renderTools, viewLabel, type ChromeActions } from "./ui/chrome.ts";
import type { ScreenCtx } from "./ui/common.ts";
import { h, Sections } from "./ui/dom.ts";
import type { ScenarioInfo } from "./ui/menu.ts";
import { MenuController } from "./menu-controller.ts";
import { renderHowToPlay } from "./ui/screens/how-to-play.ts";
import { SCREEN_RENDERERS } from "./ui/screens/index.ts";
import {
  announcementsVM,
  chatVM,
  errorText,
  gatherVM,
  nextView,
  noteTrackChanges,
  recordTracks,
  stageData,
  t,
  tracksVM,
  type TrackMemory,
  type TrackPoint,
  type View,
} from "./view/models.ts";
import type { Snapshot } from "./view/snapshot.ts";

export class App {
  readonly settings = new Settings();
  view: View = "menu";
  private readonly net = new Connection(location.origin);
  private snap: Snapshot | null = null;
  private chat: readonly ChatLine[] = [];
  private scenarios: ScenarioInfo[] | null = null;
  private tracks: TrackPoint[] = [];
  /** Each gauge's last change and its cause, as this client saw it (view/tracks.ts). */
  private trackChanges: TrackMemory = {};
  /** The view and phase at the last render (a change scrolls the panel up and focuses its heading). */
  private shown: { view: View; phase: string | null } | null = null;
  private muted = new Set<string>();
  private stage: Stage | null = null;
  /** The menu before any room: its forms, the open rooms' list, How to play. */
  private readonly menu: MenuController;
  private readonly sections: Sections;
  private readonly chrome: ChromeActions;
  /** The guided crisis: a first solo game explains each step before the player acts. */
  private readonly guide = new Guide(
    (snap) => this.settings.guided && this.settings.coachOn && isSolo(snap),
    (paused) => this.net.send("pause", { paused }),
  );
  private readonly el: Record<
    | "title"
    | "clock"
    | "nav"
    | "layout"
    | "tools"
    | "status"
    | "waiting"
    | "tracks"
    | "alert"
    | "announcer"
    | "panel"
    | "stage",
    HTMLElement
  >;

  constructor() {
    const $ = (id: string) => document.getElementById(id) as HTMLElement;
    this.el = {
      title: $("title"),
      clock: $("clock"),
      nav: $("nav"),
      layout: $("layout"),
      tools: $("tools"),
      status: $("status"),
      waiting: $("waiting"),
      tracks: $("tracks"),
      alert: $("alert"),
      announcer: $("announcer"),
      panel: $("panel"),
      stage: $("stage"),
    };
    this.sections = new Sections(this.el.panel);
    this.menu = new MenuController({
      lang: () => this.lang,
      settings: this.settings,
      net: this.net,
      alert: this.el.alert,
      panel: this.el.panel,
      scenarios: () => this.scenarios,
      snap: () => this.snap,
      render: () => this.render(),
      showError: (text) => this.showError(text),
      setStatus: (text, warn) => this.setStatus(text, warn),
    });
    this.chrome = {
      setLang: (lang) => {
        this.settings.setLang(lang);
        this.render();
      },
      setCoach: (on) => {
        this.settings.setCoach(on);
        this.render();
      },
      pause: (paused) => this.net.send("pause", { paused }),
      leave: () => void this.net.leave(),
      show: (view) => {
        this.view = view;
        this.render();
      },
    };
    this.net.on({
      snapshot: (snapshot) => this.onSnapshot(snapshot),
      status: (status) => this.onStatus(status),
      error: (e) => this.showError(errorText(e, this.lang)),
      chat: (lines) => {
        const fresh = lines.slice(this.chat.length).filter((l) => !this.muted.has(l.from));
        this.chat = lines;
        if (this.snap && fresh.length) {
          this.announce(
            chatVM(fresh, this.snap, this.lang)
              .filter((row) => !row.mine)
              .map((row) => `${row.from}: ${row.text}`),
          );
        }
        this.render();
      },
    });
    setInterval(() => {
      renderClock(this.el.clock, this.snap, this.lang, Date.now());
      tickCountdowns(this.el.panel, Date.now());
      this.tickGathering();
      renderBanner(this.el.waiting, this.snap, this.lang, Date.now());
    }, 500);
  }

  get lang(): Settings["lang"] {
    return this.settings.lang;
  }

  async start(): Promise<void> {
    this.render();
    void this.loadScenarios();
    if (savedSession()) {
      this.setStatus(t(this.lang, "ui.menu.resume"));
      const ok = await this.net.resume();
      if (!ok) this.setStatus("");
    }
  }

  /** Called once the Phaser chunk has loaded. */
  attachStage(stage: Stage): void {
    this.stage = stage;
    this.renderStage();
  }

  private async loadScenarios(): Promise<void> {
    try {
      const res = await fetch("/api/scenarios");
      if (!res.ok) throw new Error(String(res.status));
      this.scenarios = (await res.json()) as ScenarioInfo[];
    } catch {
      this.showError(t(this.lang, "ui.error.connect"));
      this.scenarios = [];
    }
    this.render();
  }

  // ── Connection events ──

  /** Reads out what just happened at the table, for screen-reader users. */
  private announce(texts: readonly string[]): void {
    if (texts.length) this.el.announcer.textContent = texts.join(" ");
  }

  private onSnapshot(snapshot: Snapshot): void {
    const first = this.snap === null;
    // The phase and this player's turn are read out; others' moves and reasons stay in the log.
    this.announce(announcementsVM(this.snap, snapshot, this.lang));
    this.trackChanges = noteTrackChanges(this.trackChanges, this.snap, snapshot);
    this.view = nextView({ view: this.view, phase: this.snap?.phase ?? null }, snapshot);
    this.snap = snapshot;
    this.guide.onSnapshot(snapshot, this.lang);
    // The first game that reaches its debrief was the guided one: later games are not guided.
    if (snapshot.view.ended && this.settings.guided && isSolo(snapshot)) this.settings.setGuided(false);
    // At the debrief the server sends the whole history; before it, the client records what it sees.
    const history = snapshot.view.debrief?.trackHistory;
    this.tracks = history?.length
      ? history.map((point) => ({ ...point }))
      : recordTracks(first ? [] : this.tracks, snapshot);
    this.render();
  }

  private onStatus(status: Status): void {
    if (status === "reconnecting") this.setStatus(t(this.lang, "ui.status.reconnecting"), true);
    else if (status === "online" && this.el.status.dataset.kind === "warn")
      this.setStatus(t(this.lang, "ui.status.reconnected"));
    else if (status === "lost") this.setStatus(t(this.lang, "ui.status.lost"), true);
    else if (status === "connecting") this.setStatus(t(this.lang, "ui.status.connecting"));
    else if (status === "online") this.setStatus("");
    if (status === "idle" && !this.net.snapshot) {
      this.snap = null;
      this.view = "menu";
      this.render();
    }
  }

  private setStatus(text: string, warn = false): void {
    this.el.status.textContent = text;
    this.el.status.dataset.kind = warn ? "warn" : "info";
    this.el.status.hidden = text === "";
  }

  private showError(text: string): void {
    const alert = this.el.alert;
    alert.replaceChildren(
      h("span", {}, text),
      h(
        "button",
        { type: "button", class: "dismiss", onclick: () => (alert.hidden = true) },
        t(this.lang, "ui.error.dismiss"),
      ),
    );
    alert.hidden = false;
  }

  /** Creates or joins a room (`code`: the room joined); a refusal is shown in words that say what to do. */
  /** A quick match's countdown, every half second, without rebuilding the screen. */
  private tickGathering(): void {
    const el = document.getElementById("gather-status");
    const vm = this.snap && gatherVM(this.snap, Date.now(), this.lang);
    if (el && vm && el.textContent !== vm.status) el.textContent = vm.status;
  }

  // ── Rendering ──

  render(): void {
    const lang = this.lang;
    document.documentElement.lang = lang;
    document.title = t(lang, "ui.title");
    this.el.title.textContent = t(lang, "ui.title");
    const skip = document.getElementById("skip");
    if (skip) skip.textContent = t(lang, "ui.skip");
    this.el.stage.setAttribute(
      "aria-label",
      t(lang, "ui.scene.canvas", { scene: viewLabel(lang, this.view) }),
    );
    const chrome = { lang, coachOn: this.settings.coachOn, snap: this.snap, view: this.view };
    renderTools(this.el.tools, chrome, this.chrome);
    renderNav(this.el.nav, chrome, this.chrome);
    renderClock(this.el.clock, this.snap, lang, Date.now());
    renderBanner(this.el.waiting, this.snap, lang, Date.now());
    const inGame = this.snap !== null && this.view !== "menu";
    const settings = this.settings;
    renderLayout(this.el.layout, { lang, inGame, bar: settings.bar, stage: settings.stage }, (which) => {
      const open = which === "bar" ? barOpen(settings.bar) : stageOpen(settings.stage);
      settings.setFold(which, open ? "closed" : "open");
      this.render();
    });
    renderTracks(
      this.el.tracks,
      inGame && this.snap ? tracksVM(this.snap, this.trackChanges, lang) : null,
      lang,
      {
        open: settings.tracks === "open",
        toggle: () => {
          settings.setFold("tracks", settings.tracks === "open" ? "closed" : "open");
          this.render();
        },
      },
    );
    this.renderPanel();
    this.settleFocus();
    this.renderStage();
  }

  /**
   * A new view or phase starts at the panel's top, with focus on its heading (so a keyboard or
   * screen-reader user lands on what changed); otherwise, focus that fell to <body> because its
   * element was rebuilt goes back to the heading rather than being lost.
   */
  private settleFocus(): void {
    const phase = this.snap?.phase ?? null;
    const changed = this.shown !== null && (this.shown.view !== this.view || this.shown.phase !== phase);
    this.shown = { view: this.view, phase };
    const panel = this.el.panel;
    const heading = panel.querySelector<HTMLElement>("h2");
    if (!heading) return;
    heading.tabIndex = -1;
    heading.classList.add("view-heading");
    const active = document.activeElement;
    const lost = !active || active === document.body;
    // Someone typing (the chat) keeps the keyboard; the new view is still scrolled to its top.
    const typing = active instanceof HTMLInputElement && active.type === "text";
    if (changed) panel.scrollTop = 0;
    if ((changed && !typing) || (lost && this.view !== "menu")) heading.focus({ preventScroll: true });
  }

  private ctx(snap: Snapshot): ScreenCtx {
    const info = this.scenarios?.find((x) => x.id === snap.view.scenario.id);
    return {
      lang: this.lang,
      snap,
      act: (action) => this.net.act(action),
      coachOn: this.settings.coachOn,
      chat: this.chat,
      sendChat: (text, to) => this.net.send("chat", to ? { text, to } : { text }),
      muted: this.muted,
      toggleMute: (seat) => {
        const muted = !this.muted.has(seat);
        if (muted) this.muted.add(seat);
        else this.muted.delete(seat);
        // The server stops sending this seat's chat to us; the log keeps what was already said.
        this.net.send("mute", { seat, muted });
        this.render();
      },
      sources: info?.sources ?? [],
      room: {
        fillSeats: () => this.net.send("fillSeats", {}),
        invite: () => this.net.send("invite", {}),
        leave: () => void this.net.leave(),
      },
    };
  }

  private renderPanel(): void {
    const panel = this.el.panel;
    panel.dataset.view = this.view;
    document.body.dataset.view = this.view;
    document.body.dataset.phase = this.snap?.phase ?? "";
    if (!this.snap && this.menu.howToPlay) {
      this.menu.lobby.stop();
      this.sections.clear();
      renderHowToPlay(panel, this.lang, () => {
        this.menu.howToPlay = false;
        this.render();
      });
      return;
    }
    if (!this.snap || this.view === "menu") {
      this.menu.lobby.start();
      this.sections.clear();
      this.menu.render();
      return;
    }
    this.menu.lobby.stop();
    if (panel.querySelector(":scope > .menu, :scope > .howto")) panel.replaceChildren();
    this.sections.begin();
    this.guide.render(this.sections, this.snap, this.lang, () => this.render());
    SCREEN_RENDERERS[this.view](this.sections, this.ctx(this.snap));
    this.sections.end();
  }

  private renderStage(): void {
    if (!this.stage) return;
    this.stage.show(this.view, stageData(this.view, this.snap, this.lang, this.tracks));
  }
}
