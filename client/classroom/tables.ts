/**
 * A table as the facilitator's dashboard and the projector show it: the heading (phase and clock),
 * the tracks and the proposal on the table; the dashboard's card adds who is pending or away, the
 * chat and its buttons.
 */
import { translate } from "../../shared/i18n/index.ts";
import type { TableSummary } from "../../shared/protocol/classroom.ts";
import { h } from "../ui/dom.ts";
import { api } from "./api.ts";
import { lang, put, showError, tr } from "./page.ts";

/** The phase clock, or the table's state. */
function clockText(table: TableSummary): string {
  if (table.ended) return ` (${tr("class.ended")})`;
  if (!table.started) return ` (${tr("class.notStarted")})`;
  if (table.paused) return ` (${tr("class.paused")})`;
  if (!table.deadline) return "";
  const left = Math.max(0, Math.round((table.deadline - Date.now()) / 1000));
  return ` · ${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
}

/** The heading, the tracks and the proposal: what the dashboard and the projector both show. */
function publicLines(table: TableSummary, withCode: boolean): HTMLElement[] {
  const tracks = table.tracks as Record<string, number>;
  const proposal = table.proposal as { form?: string } | null;
  const where = [tr("class.new.table", { n: table.index + 1 }), ...(withCode ? [table.code] : [])];
  return [
    h(
      "h3",
      {},
      `${where.join(" · ")} · ${translate(lang, { key: `term.${table.phase}` })}`,
      clockText(table),
    ),
    h(
      "p",
      {},
      tr("class.tracks", {
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
        ? tr("class.proposal", { form: translate(lang, { key: `term.${proposal.form}` }) })
        : tr("class.noProposal"),
    ),
  ];
}

/** A table on the projector: public information only. */
export function projectorCard(table: TableSummary): HTMLElement {
  return h("article", { class: "class-card" }, ...publicLines(table, false));
}

/** A table on the facilitator's dashboard. */
export function tableCard(table: TableSummary, code: string, key: string): HTMLElement {
  const pending = table.seats.filter((seat) => seat.pending).map((seat) => seat.seat);
  const away = table.seats
    .filter((seat) => seat.holder === "away" || (seat.absent && seat.name))
    .map((seat) => seat.seat);
  return h(
    "article",
    { class: "class-card", "data-table": table.index },
    ...publicLines(table, true),
    h("p", {}, tr("class.pending", { seats: pending.join(", ") || "—" })),
    away.length ? h("p", { class: "warn" }, tr("class.away", { seats: away.join(", ") })) : null,
    h(
      "p",
      { class: "muted" },
      tr("class.chat", { n: table.chat }),
      " · ",
      table.seats
        .filter((seat) => seat.name)
        .map((seat) => `${seat.seat} ${seat.name}`)
        .join(", "),
    ),
    h(
      "div",
      { class: "class-row" },
      h("button", { type: "button", onclick: () => void drill(code, key, table.index) }, tr("class.drill")),
      h(
        "button",
        {
          type: "button",
          onclick: () => {
            // The game client's projector: a spectator of this table (public information only).
            put(
              "unanimity.session",
              JSON.stringify({ code: table.code, token: null, seat: null, spectator: true }),
            );
            window.open("/", "_blank");
          },
        },
        tr("class.projector"),
      ),
    ),
  );
}

/** Every seat's private view of one table, in a dialog: for the facilitator only. */
async function drill(code: string, key: string, index: number): Promise<void> {
  const answer = await api<{
    // A deputy's `vote` is null until cast (the rules' `DeputyPrivate`).
    private: Record<string, { brief?: { en: string; ru: string }; vote?: string | null } | null>;
  }>(`/${code}/tables/${index}`, { token: key });
  if (!answer.ok) {
    showError(answer.error);
    return;
  }
  const dialog = h(
    "dialog",
    { class: "class-drill" },
    h("h2", {}, tr("class.new.table", { n: index + 1 })),
    ...Object.entries(answer.body.private).map(([seat, view]) =>
      h(
        "section",
        {},
        h("h3", {}, seat),
        h("p", {}, view?.brief ? view.brief[lang] : view?.vote ? view.vote : "—"),
      ),
    ),
    h("button", { type: "button", onclick: () => dialog.close() }, tr("class.close")),
  );
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}
