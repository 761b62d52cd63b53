/**
 * The client's controller: which screen is shown, the language and the coach setting (remembered),
 * the connection's snapshots into the DOM panels and the Phaser stage. Holds no rules.
 */
import { LANGUAGES, type Language } from "../shared/i18n/index.ts";
import type { ChatLine } from "../shared/protocol/index.ts";
import type { StateId } from "../shared/rules/index.ts";
import { Connection, JoinError, savedSession, type Status } from "./net/connection.ts";
import type { SceneKey, Stage, StageData } from "./scenes/types.ts";
import { h, options, Sections } from "./ui/dom.ts";
import { DEPUTIES_PER_CHAMBER, DEPUTY_STATES, renderMenu, type ScenarioInfo } from "./ui/menu.ts";
import {
  approvalsScreen,
  briefingScreen,
  councilScreen,
  debriefScreen,
  lobbyScreen,
  mapScreen,
  projectorScreen,
  type ScreenCtx,
} from "./ui/screens.ts";
import {
  approvalsVM,
  chatVM,
  clockVM,
  errorText,
  mapVM,
  recordTracks,
  screenForPhase,
  seatsVM,
  t,
  timelineVM,
  SCREENS,
  type Screen,
  type TrackPoint,
} from "./view/models.ts";
import type { Snapshot } from "./view/snapshot.ts";

type View = "menu" | Screen | "projector";

const LANG_KEY = "unanimity.lang";
const COACH_KEY = "unanimity.coach";
const NAME_KEY = "unanimity.name";

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode: the setting lasts for this page only.
  }
}

function initialLang(): Language {
  const saved = stored(LANG_KEY);
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  return navigator.language?.toLowerCase().startsWith("ru") ? "ru" : "en";
}

/** `?seed=…` in the address fixes the new room's seed: a reproducible game for a class or a test. */
function seedOption(): { seed?: string } {
  const seed = new URLSearchParams(location.search).get("seed")?.slice(0, 80);
  return seed ? { seed } : {};
}

export class App {
  lang: Language = initialLang();
  coachOn = stored(COACH_KEY) !== "off";
  view: View = "menu";
  private readonly net = new Connection(location.origin);
  private snap: Snapshot | null = null;
  private chat: readonly ChatLine[] = [];
  private scenarios: ScenarioInfo[] | null = null;
  private tracks: TrackPoint[] = [];
  private muted = new Set<string>();
  private stage: Stage | null = null;
  private lastPhase: string | null = null;
  private readonly sections: Sections;
  private readonly el: {
    title: HTMLElement;
    clock: HTMLElement;
    nav: HTMLElement;
    tools: HTMLElement;
    status: HTMLElement;
    alert: HTMLElement;
    announcer: HTMLElement;
    panel: HTMLElement;
    stage: HTMLElement;
  };

  constructor() {
    const $ = (id: string) => document.getElementById(id) as HTMLElement;
    this.el = {
      title: $("title"),
      clock: $("clock"),
      nav: $("nav"),
      tools: $("tools"),
      status: $("status"),
      alert: $("alert"),
      announcer: $("announcer"),
      panel: $("panel"),
      stage: $("stage"),
    };
    this.sections = new Sections(this.el.panel);
    this.net.on({
      snapshot: (s) => this.onSnapshot(s),
      status: (s) => this.onStatus(s),
      error: (e) => this.showError(errorText(e, this.lang)),
      chat: (lines) => {
        const fresh = lines.slice(this.chat.length).filter((l) => !this.muted.has(l.from));
        this.chat = lines;
        if (this.snap && fresh.length) {
          this.announce(
            chatVM(fresh, this.snap, this.lang)
              .filter((r) => !r.mine)
              .map((r) => `${r.from}: ${r.text}`),
          );
        }
        this.render();
      },
    });
    setInterval(() => this.renderClock(), 500);
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

  private onSnapshot(s: Snapshot): void {
    const first = this.snap === null;
    const seen = this.snap?.view.timeline.length ?? s.view.timeline.length;
    const added = s.view.timeline.length - seen;
    if (added > 0) {
      const rows = timelineVM(s, this.lang, Math.min(added, 3));
      this.announce(rows.map((r) => `${r.who}: ${r.text}${r.why ? ` ${r.why}` : ""}`));
    }
    this.snap = s;
    // At the debrief the server sends the whole history; before it, the client records what it sees.
    const history = s.view.debrief?.trackHistory;
    this.tracks = history?.length
      ? history.map((p) => ({ ...p }))
      : recordTracks(first ? [] : this.tracks, s);
    if (first) {
      this.view = s.seat === null ? "projector" : s.phase === "briefing" ? "lobby" : screenForPhase(s.phase);
    } else if (s.phase !== this.lastPhase && this.view !== "projector") {
      this.view = screenForPhase(s.phase);
    }
    this.lastPhase = s.phase;
    this.render();
  }

  private onStatus(s: Status): void {
    if (s === "reconnecting") this.setStatus(t(this.lang, "ui.status.reconnecting"), true);
    else if (s === "online" && this.el.status.dataset.kind === "warn")
      this.setStatus(t(this.lang, "ui.status.reconnected"));
    else if (s === "lost") this.setStatus(t(this.lang, "ui.status.lost"), true);
    else if (s === "connecting") this.setStatus(t(this.lang, "ui.status.connecting"));
    else if (s === "online") this.setStatus("");
    if (s === "idle" && !this.net.snapshot) {
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
    const a = this.el.alert;
    a.replaceChildren(
      h("span", {}, text),
      h(
        "button",
        { type: "button", class: "dismiss", onclick: () => (a.hidden = true) },
        t(this.lang, "ui.error.dismiss"),
      ),
    );
    a.hidden = false;
  }

  private async run(task: () => Promise<void>): Promise<void> {
    this.el.alert.hidden = true;
    try {
      await task();
    } catch (err) {
      const code = err instanceof JoinError ? err.code : "generic";
      const key = code.startsWith("ERR_") ? `ui.error.${code}` : `ui.error.${code}`;
      this.setStatus("");
      this.showError(t(this.lang, key, { detail: err instanceof Error ? err.message : String(err) }));
    }
  }

  // ── Rendering ──

  render(): void {
    document.documentElement.lang = this.lang;
    document.title = t(this.lang, "ui.title");
    this.el.title.textContent = t(this.lang, "ui.title");
    const skip = document.getElementById("skip");
    if (skip) skip.textContent = t(this.lang, "ui.skip");
    this.el.stage.setAttribute(
      "aria-label",
      t(this.lang, "ui.scene.canvas", { scene: this.viewLabel(this.view) }),
    );
    this.renderTools();
    this.renderNav();
    this.renderClock();
    this.renderPanel();
    this.renderStage();
  }

  private viewLabel(v: View): string {
    return v === "menu" ? t(this.lang, "ui.title") : t(this.lang, `ui.nav.${v}`);
  }

  private renderTools(): void {
    const lang = this.lang;
    const key = JSON.stringify([
      lang,
      this.coachOn,
      this.snap?.paused,
      this.snap?.seat,
      !!this.snap,
      this.view,
    ]);
    if (this.el.tools.dataset.key === key) return;
    this.el.tools.dataset.key = key;
    const langSelect = h(
      "select",
      {
        id: "lang",
        onchange: (e: Event) => this.setLang((e.target as HTMLSelectElement).value as Language),
      },
      options(
        LANGUAGES.map((l) => ({ value: l, label: t(lang, `ui.lang.${l}`) })),
        lang,
      ),
    );
    const solo = this.snap && this.snap.seat !== null;
    const parts: (HTMLElement | null)[] = [
      h("label", { for: "lang", class: "sr-only" }, t(lang, "ui.lang.label")),
      langSelect,
      this.snap?.view.private?.role === "leader"
        ? h(
            "label",
            { class: "check" },
            h("input", {
              type: "checkbox",
              id: "coach-toggle",
              checked: this.coachOn,
              onchange: (e: Event) => {
                this.coachOn = (e.target as HTMLInputElement).checked;
                store(COACH_KEY, this.coachOn ? "on" : "off");
                this.render();
              },
            }),
            t(lang, "ui.coach.toggle"),
          )
        : null,
      solo && this.isSolo() && !this.snap?.view.ended
        ? h(
            "button",
            {
              type: "button",
              id: "pause-btn",
              "aria-pressed": String(!!this.snap?.paused),
              onclick: () => this.net.send("pause", { paused: !this.snap?.paused }),
            },
            t(lang, this.snap?.paused ? "ui.resume" : "ui.pause"),
          )
        : null,
      this.snap
        ? h(
            "button",
            {
              type: "button",
              id: "leave-btn",
              onclick: () => {
                void this.net.leave();
              },
            },
            t(lang, "ui.nav.leave"),
          )
        : null,
    ];
    this.el.tools.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  }

  /** Solo practice: this client is the only human seat. */
  private isSolo(): boolean {
    const s = this.snap;
    if (!s) return false;
    return Object.entries(s.seats).every(
      ([seat, info]) => seat === s.seat || (info.holder !== "human" && info.holder !== "away"),
    );
  }

  private setLang(lang: Language): void {
    this.lang = lang;
    store(LANG_KEY, lang);
    this.render();
  }

  private renderNav(): void {
    const screens: View[] = !this.snap
      ? []
      : this.snap.seat === null
        ? ["projector", "map", "approvals", "debrief"]
        : [...SCREENS];
    const key = JSON.stringify([this.lang, screens, this.view]);
    if (this.el.nav.dataset.key === key) return;
    this.el.nav.dataset.key = key;
    this.el.nav.setAttribute("aria-label", t(this.lang, "ui.nav.label"));
    this.el.nav.replaceChildren(
      ...screens.map((v) =>
        h(
          "button",
          {
            type: "button",
            id: `nav-${v}`,
            "aria-current": v === this.view ? "page" : null,
            onclick: () => {
              this.view = v;
              this.render();
              this.el.panel.focus();
            },
          },
          this.viewLabel(v),
        ),
      ),
    );
  }

  private renderClock(): void {
    const s = this.snap;
    if (!s) {
      this.el.clock.hidden = true;
      return;
    }
    const c = clockVM(s, Date.now(), this.lang);
    this.el.clock.hidden = false;
    this.el.clock.classList.toggle("urgent", c.urgent);
    this.el.clock.setAttribute("aria-label", t(this.lang, "ui.clock.label"));
    const text = `${c.phase} · ${c.time} · ${c.left}`;
    if (this.el.clock.textContent !== text) this.el.clock.textContent = text;
  }

  private ctx(): ScreenCtx | null {
    const snap = this.snap;
    if (!snap) return null;
    const info = this.scenarios?.find((x) => x.id === snap.view.scenario.id);
    return {
      lang: this.lang,
      snap,
      act: (a) => this.net.act(a),
      coachOn: this.coachOn,
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
    };
  }

  private renderPanel(): void {
    const panel = this.el.panel;
    panel.dataset.view = this.view;
    document.body.dataset.view = this.view;
    document.body.dataset.phase = this.snap?.phase ?? "";
    const c = this.ctx();
    if (!c || this.view === "menu") {
      this.sections.clear();
      renderMenu(
        panel,
        this.lang,
        this.scenarios,
        {
          solo: (o) =>
            void this.run(async () => {
              store(NAME_KEY, o.name);
              const sc = this.scenarios?.find((x) => x.id === o.scenario);
              const bots: Partial<Record<StateId, typeof o.bots>> = {};
              for (const m of sc?.members ?? []) if (m !== o.seat) bots[m] = o.bots;
              await this.net.create({
                scenario: o.scenario,
                ...seedOption(),
                bots,
                fallbackBot: o.bots,
                private: true,
                seat: o.seat,
                ...(o.name ? { name: o.name } : {}),
              });
            }),
          create: (o) =>
            void this.run(async () => {
              store(NAME_KEY, o.name);
              await this.net.create({
                scenario: o.scenario,
                ...seedOption(),
                private: o.private,
                fallbackBot: o.bots,
                ...(o.deputies
                  ? { deputies: Object.fromEntries(DEPUTY_STATES.map((m) => [m, DEPUTIES_PER_CHAMBER])) }
                  : {}),
                ...(o.seat ? { seat: o.seat } : {}),
                ...(o.name ? { name: o.name } : {}),
              });
            }),
          join: (o) =>
            void this.run(async () => {
              store(NAME_KEY, o.name);
              await this.net.join(o.code, {
                ...(o.name ? { name: o.name } : {}),
                ...(o.seat ? { seat: o.seat } : {}),
              });
            }),
          projector: (code) => void this.run(() => this.net.join(code, { spectator: true })),
        },
        { name: stored(NAME_KEY) ?? "", code: "" },
      );
      return;
    }
    if (panel.querySelector(":scope > .menu")) panel.replaceChildren();
    this.sections.begin();
    const render = {
      lobby: lobbyScreen,
      briefing: briefingScreen,
      council: councilScreen,
      map: mapScreen,
      approvals: approvalsScreen,
      debrief: debriefScreen,
      projector: projectorScreen,
    }[this.view];
    render(this.sections, c);
    this.sections.end();
  }

  private renderStage(): void {
    if (!this.stage) return;
    const s = this.snap;
    const scene: SceneKey = this.view;
    const data: StageData = {
      phase: s?.phase ?? null,
      seats: s
        ? seatsVM(s, this.lang).map((r) => ({
            id: r.id,
            isMe: r.isMe,
            isChair: r.isChair,
            isHost: r.isHost,
            ready: r.ready,
            stanceKey: r.stanceKey,
            speaking: r.speaking,
            holder: s.seats[r.id]?.holder ?? "open",
          }))
        : [],
      map: s ? mapVM(s, this.lang) : null,
      approvals: s
        ? approvalsVM(s, this.lang).map((r) => {
            const a = s.view.approvals[r.id];
            const last = a?.sittings.at(-1);
            return {
              id: r.id,
              steps: r.steps.map((x) => ({ done: x.done, failed: x.failed })),
              yes: last?.yes ?? 0,
              no: last?.no ?? 0,
              needed: last?.needed ?? 0,
              seats: last ? Math.max(last.present, last.needed * 2 - 1) : 0,
              status: a?.status ?? "pending",
            };
          })
        : [],
      tracks: this.tracks,
      large: this.view === "projector",
    };
    this.stage.show(scene, data);
  }
}
