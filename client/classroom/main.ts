/**
 * The classroom pages (GAME.md §9), DOM only: a student joins with the class code and a name and
 * plays their seat in the game client (framed below their status, re-seated when the facilitator
 * moves them); the facilitator opens a session, keeps its key in this browser (and a recovery link),
 * and runs every table from one dashboard; the projector shows every table's public state.
 *
 * Routes (the address's hash): `` join or open; `#f/CODE` the dashboard (`#f/CODE/KEY`, the recovery
 * link, stores the key); `#s/CODE` a student's seat; `#show/CODE` the projector.
 */
import { LANGUAGES, translate, type Language } from "../../shared/i18n/index.ts";
import type { RosterEntry, StudentSelf, TableSummary } from "../../shared/protocol/classroom.ts";
import { h, Sections } from "../ui/dom.ts";
import { api, type Overview } from "./api.ts";

const main = document.getElementById("class-main") as HTMLElement;
const alertBox = document.getElementById("alert") as HTMLElement;
const nav = document.getElementById("nav") as HTMLElement;

function storedLang(): Language {
  try {
    const s = localStorage.getItem("unanimity.lang");
    if (s && (LANGUAGES as readonly string[]).includes(s)) return s as Language;
  } catch {
    // No storage: the browser's language.
  }
  return navigator.language?.toLowerCase().startsWith("ru") ? "ru" : "en";
}
const lang = storedLang();
document.documentElement.lang = lang;
const t = (key: string, params?: Record<string, string | number>) =>
  translate(lang, params ? { key, params } : { key });

const keyOf = (code: string) => `unanimity.class.key.${code}`;
const studentOf = (code: string) => `unanimity.class.student.${code}`;
function get(k: string): string | null {
  try {
    return localStorage.getItem(k);
  } catch {
    return null;
  }
}
function put(k: string, v: string): void {
  try {
    localStorage.setItem(k, v);
  } catch {
    // Private mode: this page only.
  }
}

function showError(code: string): void {
  alertBox.hidden = false;
  alertBox.textContent = t("class.error", { code });
  setTimeout(() => (alertBox.hidden = true), 6000);
}

let timer: ReturnType<typeof setInterval> | null = null;
function every(ms: number, fn: () => Promise<void>): void {
  if (timer) clearInterval(timer);
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    await fn().finally(() => (busy = false));
  };
  void tick();
  timer = setInterval(() => void tick(), ms);
}

// ── Landing: join, or open a session ─────────────────────────────────────────────────────────

async function landing(): Promise<void> {
  const preset = new URLSearchParams(location.search).get("code") ?? "";
  const code = h("input", {
    id: "class-code",
    required: true,
    maxlength: 6,
    value: preset,
    autocomplete: "off",
  });
  const name = h("input", { id: "class-name", required: true, maxlength: 40, autocomplete: "nickname" });
  const join = h(
    "form",
    {
      class: "class-form class-card",
      id: "class-join",
      onsubmit: (e: Event) => {
        e.preventDefault();
        void (async () => {
          const c = code.value.trim().toUpperCase();
          const r = await api<{ token: string }>(`/${c}/join`, { body: { name: name.value } });
          if (!r.ok) return showError(r.error);
          put(studentOf(c), r.body.token);
          location.hash = `#s/${c}`;
        })();
      },
    },
    h("h2", {}, t("class.join.title")),
    h("label", { for: "class-code" }, t("class.join.code")),
    code,
    h("label", { for: "class-name" }, t("class.join.name")),
    name,
    h("button", { type: "submit", id: "class-join-submit" }, t("class.join.submit")),
  );
  main.replaceChildren(join, await newSessionForm());
}

interface ScenarioInfo {
  id: string;
  title: { en: string; ru: string };
  date: string;
}

async function newSessionForm(): Promise<HTMLElement> {
  const res = await fetch("/api/scenarios");
  const scenarios = res.ok ? ((await res.json()) as ScenarioInfo[]) : [];
  const list = h("div", {});
  const addTable = () => {
    const n = list.children.length + 1;
    list.append(
      h(
        "fieldset",
        { class: "class-table-setup" },
        h("legend", {}, t("class.new.table", { n })),
        h(
          "select",
          { class: "class-scenario", "aria-label": t("class.new.table", { n }) },
          ...scenarios.map((s) =>
            h(
              "option",
              { value: s.id, selected: s.id === "kazakhstan-2022-01" },
              `${s.date} — ${s.title[lang]}`,
            ),
          ),
        ),
        h(
          "label",
          {},
          t("class.new.deputies"),
          " ",
          h("input", { class: "class-deputies", type: "number", min: 0, max: 10, value: 0 }),
        ),
        h(
          "label",
          {},
          h("input", { class: "class-campaign", type: "checkbox" }),
          " ",
          t("class.new.campaign"),
        ),
      ),
    );
  };
  addTable();
  const minutes = h("input", { id: "class-minutes", type: "number", min: 1, max: 30, value: 4 });
  const approval = h("input", { id: "class-approval", type: "checkbox" });
  return h(
    "form",
    {
      class: "class-form class-card",
      id: "class-new",
      onsubmit: (e: Event) => {
        e.preventDefault();
        void (async () => {
          const secs = Math.max(1, Number(minutes.value) || 4) * 60;
          const tables = [...list.querySelectorAll("fieldset")].map((f) => ({
            scenario: (f.querySelector(".class-scenario") as HTMLSelectElement).value,
            deputies: Number((f.querySelector(".class-deputies") as HTMLInputElement).value) || 0,
            campaign: (f.querySelector(".class-campaign") as HTMLInputElement).checked,
          }));
          const timers = Object.fromEntries(
            ["briefing", "appeal", "bilateral", "consultations", "council", "approvals", "deployment"].map(
              (p) => [p, secs],
            ),
          );
          const r = await api<{ code: string; key: string }>("", {
            body: { tables, timers, requireApproval: approval.checked },
          });
          if (!r.ok) return showError(r.error);
          put(keyOf(r.body.code), r.body.key);
          location.hash = `#f/${r.body.code}`;
        })();
      },
    },
    h("h2", {}, t("class.new.title")),
    h("p", { class: "muted" }, t("class.new.hint")),
    list,
    h("button", { type: "button", onclick: addTable }, t("class.new.addTable")),
    h("label", {}, t("class.new.minutes"), " ", minutes),
    h("label", {}, approval, " ", t("class.new.approval")),
    h("button", { type: "submit", id: "class-create" }, t("class.new.create")),
  );
}

// ── The student ──────────────────────────────────────────────────────────────────────────────

function student(code: string): void {
  const token = get(studentOf(code));
  if (!token) {
    location.hash = "";
    return;
  }
  const status = h("p", { id: "class-student-status", class: "class-card", role: "status" });
  const frame = h("iframe", { class: "class-seat-frame", title: t("class.title"), hidden: true });
  main.replaceChildren(status, frame);
  let seatToken: string | null = null;
  every(2000, async () => {
    const r = await api<StudentSelf>(`/${code}/me`, { token });
    if (!r.ok) return void (status.textContent = t("class.error", { code: r.error }));
    const me = r.body;
    if (me.status === "removed") status.textContent = t("class.student.removed");
    else if (me.status === "waiting") status.textContent = t("class.student.waiting");
    else if (!me.table || !me.seat) status.textContent = t("class.student.unseated");
    else {
      status.textContent = `${me.name}: ${t("class.student.seated", { table: me.table.index + 1, seat: me.seat })}${
        me.bot ? ` — ${t("class.student.bot")}` : ""
      }`;
    }
    if (me.seatToken !== seatToken) {
      seatToken = me.seatToken;
      if (seatToken && me.table) {
        // The game client resumes its saved session: this seat, with the token just handed out.
        put(
          "unanimity.session",
          JSON.stringify({ code: me.table.code, token: seatToken, seat: me.seat, spectator: false }),
        );
        frame.src = `/?class=${encodeURIComponent(code)}&t=${Date.now()}`;
        frame.hidden = false;
      } else {
        frame.removeAttribute("src");
        frame.hidden = true;
      }
    }
  });
}

// ── The facilitator ──────────────────────────────────────────────────────────────────────────

function facilitatorView(code: string, keyInLink?: string): void {
  if (keyInLink) {
    put(keyOf(code), decodeURIComponent(keyInLink));
    history.replaceState(null, "", `${location.pathname}#f/${code}`);
  }
  const key = get(keyOf(code));
  if (!key) {
    location.hash = "";
    return;
  }
  const sections = new Sections(main);
  const command = async (cmd: Record<string, unknown>) => {
    const r = await api(`/${code}/command`, { body: cmd, token: key });
    if (!r.ok) showError(r.error);
    await refresh();
  };
  const exportUrl = (what: string) =>
    `/api/class/${code}/${what}?key=${encodeURIComponent(key)}${what === "print" ? `&lang=${lang}` : ""}`;
  const recovery = `${location.origin}${location.pathname}#f/${code}/${encodeURIComponent(key)}`;
  nav.replaceChildren(
    h("a", { href: `#show/${code}`, target: "_blank", id: "class-projector-all" }, t("class.projectorAll")),
    " · ",
    h("a", { href: exportUrl("print"), target: "_blank", id: "class-print" }, t("class.print")),
    " · ",
    h("a", { href: exportUrl("export.csv") }, t("class.csv")),
    " · ",
    h("a", { href: exportUrl("export.json") }, t("class.json")),
  );

  let overview: Overview | null = null;
  let tables: TableSummary[] = [];
  const refresh = async () => {
    const [o, d] = await Promise.all([
      api<Overview>(`/${code}`, { token: key }),
      api<TableSummary[]>(`/${code}/dashboard`, { token: key }),
    ]);
    if (!o.ok || !d.ok) return showError(o.ok ? (d.ok ? "" : d.error) : o.error);
    overview = o.body;
    tables = d.body;
    render();
  };
  const render = () => {
    if (!overview) return;
    const ov = overview;
    sections.begin();
    sections.section(
      "code",
      code,
      () => [
        h("div", {}, t("class.code")),
        h("div", { class: "class-code", id: "class-code-big" }, code),
        h("p", {}, t("class.codeHint", { url: `${location.origin}${location.pathname}` })),
        h(
          "details",
          {},
          h("summary", {}, t("class.key.title")),
          h("p", { class: "class-key", id: "class-recovery" }, recovery),
          h("button", { type: "button", onclick: () => window.print() }, t("class.key.print")),
        ),
      ],
      { class: "class-card" },
    );
    const waiting = ov.roster.filter((s) => s.status === "waiting" || s.rejoin);
    sections.section(
      "waiting",
      JSON.stringify(waiting),
      () => [
        h("h2", {}, t("class.waiting.title")),
        waiting.length === 0 ? h("p", { class: "muted" }, t("class.waiting.none")) : null,
        ...waiting.map((s) =>
          h(
            "div",
            { class: "class-row" },
            h("span", {}, s.name, s.rejoin ? ` (${t("class.rejoin")})` : ""),
            h(
              "button",
              { type: "button", onclick: () => void command({ type: "admit", student: s.id }) },
              t("class.admit"),
            ),
            h(
              "button",
              { type: "button", onclick: () => void command({ type: "reject", student: s.id }) },
              t("class.reject"),
            ),
          ),
        ),
      ],
      { class: "class-card" },
    );
    const seated = ov.roster.filter((s) => s.status === "admitted");
    const seatChoices = tables.flatMap((tb) => tb.seats.map((s) => ({ table: tb.index, seat: s.seat })));
    sections.section(
      "roster",
      JSON.stringify([seated, seatChoices]),
      () => [
        h("h2", {}, t("class.roster.title", { n: seated.length })),
        h(
          "button",
          { type: "button", id: "class-autoseat", onclick: () => void command({ type: "autoSeat" }) },
          t("class.autoSeat"),
        ),
        " ",
        h(
          "button",
          {
            type: "button",
            id: "class-shuffle",
            onclick: () => void command({ type: "autoSeat", shuffle: true }),
          },
          t("class.shuffle"),
        ),
        ...seated.map((s) => rosterRow(s, seatChoices, command)),
      ],
      { class: "class-card", id: "class-roster" },
    );
    sections.section(
      "tables",
      // The clocks tick: this section (no inputs in it) is rebuilt on every poll.
      `${JSON.stringify(tables)}@${Date.now()}`,
      () => [
        h("h2", {}, t("class.tables.title")),
        h("div", { class: "class-tables" }, ...tables.map((tb) => tableCard(tb, code, key))),
      ],
      { class: "class-card" },
    );
    // The controls and inject forms are rebuilt only when the tables' setup changes, never while typing.
    const setups = ov.tables.map((s) => ({ index: s.index, members: s.members, events: s.events }));
    sections.section(
      "controls",
      JSON.stringify(setups),
      () => [
        h("h2", {}, t("class.inject")),
        controls("all", command),
        ...setups.map((s) =>
          h(
            "div",
            { class: "class-card", "data-controls": s.index },
            h("h3", {}, t("class.new.table", { n: s.index + 1 })),
            controls(s.index, command),
            injectForm(s.index, ov.tables[s.index], command),
          ),
        ),
      ],
      { class: "class-card" },
    );
    sections.end();
  };
  every(1500, refresh);
}

function rosterRow(
  s: RosterEntry,
  choices: { table: number; seat: string }[],
  command: (c: Record<string, unknown>) => Promise<void>,
): HTMLElement {
  const where =
    s.table !== null && s.seat
      ? t("class.student.seated", { table: s.table + 1, seat: s.seat })
      : t("class.unseated");
  const move = h(
    "select",
    { "aria-label": `${t("class.seatTo")} ${s.name}` },
    h("option", { value: "" }, t("class.seatTo")),
    ...choices.map((c) =>
      h(
        "option",
        { value: `${c.table}:${c.seat}` },
        t("class.student.seated", { table: c.table + 1, seat: c.seat }),
      ),
    ),
  );
  move.addEventListener("change", () => {
    const [table, seat] = move.value.split(":");
    if (seat) void command({ type: "seat", student: s.id, table: Number(table), seat });
  });
  return h(
    "div",
    { class: "class-row", "data-student": s.id },
    h("strong", {}, s.name),
    h("span", { class: "muted" }, where, s.bot ? ` (${t("class.student.bot")})` : ""),
    move,
    s.seat
      ? h(
          "button",
          {
            type: "button",
            onclick: () => void command({ type: "bot", student: s.id, ...(s.bot ? { back: true } : {}) }),
          },
          s.bot ? t("class.fromBot") : t("class.toBot"),
        )
      : null,
    h(
      "button",
      {
        type: "button",
        onclick: () => {
          const name = prompt(t("class.rename"), s.name)?.trim();
          if (name) void command({ type: "rename", student: s.id, name });
        },
      },
      t("class.rename"),
    ),
    h(
      "button",
      { type: "button", onclick: () => void command({ type: "remove", student: s.id }) },
      t("class.remove"),
    ),
  );
}

function controls(
  table: number | "all",
  command: (c: Record<string, unknown>) => Promise<void>,
): HTMLElement {
  const op = (name: string, label: string, extra: Record<string, unknown> = {}) =>
    h(
      "button",
      {
        type: "button",
        "data-op": `${table}:${name}`,
        onclick: () => void command({ type: "control", table, op: name, ...extra }),
      },
      label,
    );
  return h(
    "div",
    { class: "class-row" },
    table === "all" ? h("strong", {}, t("class.all")) : null,
    op("start", t("class.start")),
    op("pause", t("class.pause")),
    op("resume", t("class.resume")),
    op("extend", t("class.extend"), { seconds: 60 }),
    op("skip", t("class.skip")),
    op("end", t("class.end")),
  );
}

function tableCard(tb: TableSummary, code: string, key: string): HTMLElement {
  const pending = tb.seats.filter((s) => s.pending).map((s) => s.seat);
  const away = tb.seats.filter((s) => s.holder === "away" || (s.absent && s.name)).map((s) => s.seat);
  const proposal = tb.proposal as { form?: string } | null;
  const tracks = tb.tracks as Record<string, number>;
  return h(
    "article",
    { class: "class-card", "data-table": tb.index },
    h(
      "h3",
      {},
      `${t("class.new.table", { n: tb.index + 1 })} · ${tb.code} · ${translate(lang, { key: `term.${tb.phase}` })}`,
      clockText(tb),
    ),
    h(
      "p",
      {},
      t("class.tracks", {
        severity: tracks.severity ?? "",
        credibility: tracks.credibility ?? "",
        legitimacy: tracks.legitimacy ?? "",
        sovereignty: tracks.sovereignty ?? "",
      }),
    ),
    h(
      "p",
      {},
      proposal?.form
        ? t("class.proposal", { form: translate(lang, { key: `term.${proposal.form}` }) })
        : t("class.noProposal"),
    ),
    h("p", {}, t("class.pending", { seats: pending.join(", ") || "—" })),
    away.length ? h("p", { class: "warn" }, t("class.away", { seats: away.join(", ") })) : null,
    h(
      "p",
      { class: "muted" },
      t("class.chat", { n: tb.chat }),
      " · ",
      tb.seats
        .filter((s) => s.name)
        .map((s) => `${s.seat} ${s.name}`)
        .join(", "),
    ),
    h(
      "div",
      { class: "class-row" },
      h("button", { type: "button", onclick: () => void drill(code, key, tb.index) }, t("class.drill")),
      h(
        "button",
        {
          type: "button",
          onclick: () => {
            // The game client's projector: a spectator of this table (public information only).
            put(
              "unanimity.session",
              JSON.stringify({ code: tb.code, token: null, seat: null, spectator: true }),
            );
            window.open("/", "_blank");
          },
        },
        t("class.projector"),
      ),
    ),
  );
}

function injectForm(
  table: number,
  setup: Overview["tables"][number] | undefined,
  command: (c: Record<string, unknown>) => Promise<void>,
): HTMLElement {
  const event = h(
    "select",
    { "aria-label": t("class.injectEvent") },
    h("option", { value: "" }, t("class.injectText")),
    ...(setup?.events ?? []).map((e) => h("option", { value: e.id }, e.text[lang].slice(0, 60))),
  );
  const en = h("input", {
    placeholder: t("class.injectEn"),
    maxlength: 500,
    "aria-label": t("class.injectEn"),
  });
  const ru = h("input", {
    placeholder: t("class.injectRu"),
    maxlength: 500,
    "aria-label": t("class.injectRu"),
  });
  const to = h(
    "select",
    { "aria-label": t("class.injectTo") },
    h("option", { value: "" }, t("class.injectAll")),
    ...(setup?.members ?? []).map((m) => h("option", { value: m }, translate(lang, { key: `term.${m}` }))),
  );
  return h(
    "form",
    {
      class: "class-row",
      onsubmit: (e: Event) => {
        e.preventDefault();
        const text = en.value.trim() || ru.value.trim();
        if (event.value) void command({ type: "inject", table, event: event.value });
        else if (text)
          void command({
            type: "inject",
            table,
            text: { en: en.value.trim() || text, ru: ru.value.trim() || text },
            ...(to.value ? { to: to.value } : {}),
          });
      },
    },
    event,
    en,
    ru,
    to,
    h("button", { type: "submit" }, t("class.inject")),
  );
}

async function drill(code: string, key: string, index: number): Promise<void> {
  const r = await api<{
    private: Record<string, { brief?: { en: string; ru: string }; vote?: string } | null>;
  }>(`/${code}/tables/${index}`, { token: key });
  if (!r.ok) return showError(r.error);
  const dialog = h(
    "dialog",
    { class: "class-drill" },
    h("h2", {}, t("class.new.table", { n: index + 1 })),
    ...Object.entries(r.body.private).map(([seat, p]) =>
      h(
        "section",
        {},
        h("h3", {}, seat),
        h("p", {}, p?.brief ? p.brief[lang] : p?.vote ? String(p.vote) : "—"),
      ),
    ),
    h("button", { type: "button", onclick: () => dialog.close() }, t("class.close")),
  );
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

// ── The projector: every table's public state ────────────────────────────────────────────────

/** The phase clock as the dashboard and the projector show it, or the table's state. */
function clockText(tb: TableSummary): string {
  if (tb.ended) return ` (${t("class.ended")})`;
  if (!tb.started) return ` (${t("class.notStarted")})`;
  if (tb.paused) return ` (${t("class.paused")})`;
  if (!tb.deadline) return "";
  const left = Math.max(0, Math.round((tb.deadline - Date.now()) / 1000));
  return ` · ${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
}

function projector(code: string): void {
  const key = get(keyOf(code));
  if (!key) {
    location.hash = "";
    return;
  }
  document.body.classList.add("class-projector");
  nav.replaceChildren();
  every(2000, async () => {
    const r = await api<TableSummary[]>(`/${code}/dashboard`, { token: key });
    if (!r.ok) return showError(r.error);
    main.replaceChildren(
      h("div", { class: "class-code" }, code),
      h(
        "div",
        { class: "class-tables" },
        ...r.body.map((tb) => {
          const tracks = tb.tracks as Record<string, number>;
          const proposal = tb.proposal as { form?: string } | null;
          return h(
            "article",
            { class: "class-card" },
            h(
              "h3",
              {},
              `${t("class.new.table", { n: tb.index + 1 })} · ${translate(lang, { key: `term.${tb.phase}` })}`,
              clockText(tb),
            ),
            h(
              "p",
              {},
              t("class.tracks", {
                severity: tracks.severity ?? "",
                credibility: tracks.credibility ?? "",
                legitimacy: tracks.legitimacy ?? "",
                sovereignty: tracks.sovereignty ?? "",
              }),
            ),
            h(
              "p",
              {},
              proposal?.form
                ? t("class.proposal", { form: translate(lang, { key: `term.${proposal.form}` }) })
                : t("class.noProposal"),
            ),
          );
        }),
      ),
    );
  });
}

function route(): void {
  if (timer) clearInterval(timer);
  timer = null;
  const [page, code, key] = location.hash.replace(/^#/, "").split("/");
  const c = (code ?? "").toUpperCase();
  if (page === "f" && c) facilitatorView(c, key);
  else if (page === "s" && c) student(c);
  else if (page === "show" && c) projector(c);
  else void landing();
}

window.addEventListener("hashchange", route);
route();
