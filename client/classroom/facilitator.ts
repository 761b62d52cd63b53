/**
 * The facilitator's dashboard: the class code and the key's recovery link, the waiting list, the
 * roster with seating, every table's state, and the clock and inject controls. Sections are rebuilt
 * only when what they show changed, so typing in a form survives the polling.
 */
import type { TableSummary } from "../../shared/protocol/classroom.ts";
import { h, Sections } from "../ui/dom.ts";
import { api, type Overview } from "./api.ts";
import { controls, injectForm, rosterRow, type Command } from "./controls.ts";
import { every, get, keyOf, lang, main, nav, put, showError, tr } from "./page.ts";
import { tableCard } from "./tables.ts";

function links(code: string, key: string): void {
  const exportUrl = (what: string) =>
    `/api/class/${code}/${what}?key=${encodeURIComponent(key)}${what === "print" ? `&lang=${lang}` : ""}`;
  nav.replaceChildren(
    h("a", { href: `#show/${code}`, target: "_blank", id: "class-projector-all" }, tr("class.projectorAll")),
    " · ",
    h("a", { href: exportUrl("print"), target: "_blank", id: "class-print" }, tr("class.print")),
    " · ",
    h("a", { href: exportUrl("export.csv") }, tr("class.csv")),
    " · ",
    h("a", { href: exportUrl("export.json") }, tr("class.json")),
  );
}

function codeCard(code: string, key: string): HTMLElement[] {
  const recovery = `${location.origin}${location.pathname}#f/${code}/${encodeURIComponent(key)}`;
  return [
    h("div", {}, tr("class.code")),
    h("div", { class: "class-code", id: "class-code-big" }, code),
    h("p", {}, tr("class.codeHint", { url: `${location.origin}${location.pathname}` })),
    h(
      "details",
      {},
      h("summary", {}, tr("class.key.title")),
      h("p", { class: "class-key", id: "class-recovery" }, recovery),
      h("button", { type: "button", onclick: () => window.print() }, tr("class.key.print")),
    ),
  ];
}

function render(
  sections: Sections,
  code: string,
  key: string,
  overview: Overview,
  tables: TableSummary[],
  command: Command,
): void {
  const card = { class: "class-card" };
  const button = (label: string, onclick: () => void, id?: string) =>
    h("button", { type: "button", ...(id ? { id } : {}), onclick }, label);
  sections.begin();
  sections.section("code", code, () => codeCard(code, key), card);
  const waiting = overview.roster.filter((student) => student.status === "waiting" || student.rejoin);
  sections.section(
    "waiting",
    JSON.stringify(waiting),
    () => [
      h("h2", {}, tr("class.waiting.title")),
      waiting.length === 0 ? h("p", { class: "muted" }, tr("class.waiting.none")) : null,
      ...waiting.map((student) =>
        h(
          "div",
          { class: "class-row" },
          h("span", {}, student.name, student.rejoin ? ` (${tr("class.rejoin")})` : ""),
          button(tr("class.admit"), () => void command({ type: "admit", student: student.id })),
          button(tr("class.reject"), () => void command({ type: "reject", student: student.id })),
        ),
      ),
    ],
    card,
  );
  const seated = overview.roster.filter((student) => student.status === "admitted");
  const seatChoices = tables.flatMap((table) =>
    table.seats.map((seat) => ({ table: table.index, seat: seat.seat })),
  );
  sections.section(
    "roster",
    JSON.stringify([seated, seatChoices]),
    () => [
      h("h2", {}, tr("class.roster.title", { n: seated.length })),
      button(tr("class.autoSeat"), () => void command({ type: "autoSeat" }), "class-autoseat"),
      " ",
      button(tr("class.shuffle"), () => void command({ type: "autoSeat", shuffle: true }), "class-shuffle"),
      ...seated.map((student) => rosterRow(student, seatChoices, command)),
    ],
    { class: "class-card", id: "class-roster" },
  );
  sections.section(
    "tables",
    // The clocks tick: this section (no inputs in it) is rebuilt on every poll.
    `${JSON.stringify(tables)}@${Date.now()}`,
    () => [
      h("h2", {}, tr("class.tables.title")),
      h("div", { class: "class-tables" }, ...tables.map((table) => tableCard(table, code, key))),
    ],
    card,
  );
  // The controls and inject forms are rebuilt only when the tables' setup changes, never while typing.
  const setups = overview.tables.map((setup) => ({
    index: setup.index,
    members: setup.members,
    events: setup.events,
  }));
  sections.section(
    "controls",
    JSON.stringify(setups),
    () => [
      h("h2", {}, tr("class.inject")),
      controls("all", command),
      ...setups.map((setup) =>
        h(
          "div",
          { class: "class-card", "data-controls": setup.index },
          h("h3", {}, tr("class.new.table", { n: setup.index + 1 })),
          controls(setup.index, command),
          injectForm(setup.index, overview.tables[setup.index], command),
        ),
      ),
    ],
    card,
  );
  sections.end();
}

export function facilitatorPage(code: string, keyInLink?: string): void {
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
  const command: Command = async (body) => {
    const answer = await api(`/${code}/command`, { body, token: key });
    if (!answer.ok) showError(answer.error);
    await refresh();
  };
  links(code, key);
  const refresh = async () => {
    const [overview, dashboard] = await Promise.all([
      api<Overview>(`/${code}`, { token: key }),
      api<TableSummary[]>(`/${code}/dashboard`, { token: key }),
    ]);
    if (!overview.ok) {
      showError(overview.error);
      return;
    }
    if (!dashboard.ok) {
      showError(dashboard.error);
      return;
    }
    render(sections, code, key, overview.body, dashboard.body, command);
  };
  every(1500, refresh);
}
