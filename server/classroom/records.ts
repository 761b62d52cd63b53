/**
 * The class debrief and its exports: a summary of every table's game(s) beside what really happened,
 * a CSV with one row per decision (table, seat, student, phase, action, time), the JSON game records,
 * and a printable page (the browser prints it to PDF).
 */
import { term, translate, type Language } from "../../shared/i18n/index.ts";
import {
  apply,
  createGame,
  outcomeOf,
  type Action,
  type GameOutcome,
  type GameState,
  type Phase,
} from "../../shared/rules/index.ts";
import type { Scenario } from "../../shared/scenarios/schema.ts";
import type { StoredGame } from "../storage/index.ts";
import type { Classrooms } from "./service.ts";
import { rosterOf, type InjectRecord, type SessionData } from "./session.ts";

export interface GameSummaryRow {
  table: number;
  gameId: string;
  scenarioId: string;
  title: string;
  finished: boolean;
  /** What the table did (null while the game runs). */
  outcome:
    | (Pick<
        GameOutcome,
        | "endReason"
        | "decided"
        | "form"
        | "hoursToDecision"
        | "deployed"
        | "totalTroops"
        | "failedApprovals"
        | "refusedToSign"
        | "crisisLost"
        | "allianceResult"
        | "historical"
      > & { scores: Record<string, number> })
    | null;
  /** What really happened. */
  history: Scenario["historical"]["outcome"];
  players: { seat: string; name: string }[];
  decisions: number;
  chat: number;
}

export interface ClassSummary {
  code: string;
  title: string;
  tables: number;
  games: GameSummaryRow[];
  injects: InjectRecord[];
  /** Across the finished games: how many deployed, in which form, the fastest decision, who balked. */
  totals: {
    finished: number;
    deployed: number;
    forms: Record<string, number>;
    fastestDecisionHours: number | null;
    balked: Record<string, number>;
    matchedHistory: number;
  };
}

/** Replays a record one action at a time: each action with the phase it was taken in. */
function* steps(
  g: StoredGame,
  scenario: Scenario,
): Generator<{ phase: Phase; entry: StoredGame["log"][number] }> {
  let state: GameState = createGame({
    scenario,
    seed: g.seed,
    seats: g.seats,
    ...(g.carry ? { carry: g.carry } : {}),
  });
  for (const entry of g.log) {
    yield { phase: state.phase, entry };
    const r = apply(state, entry.seat, entry.action);
    if (r.ok) state = r.state;
  }
}

export async function classSummary(
  rooms: Classrooms,
  code: string,
  scenarios: Map<string, Scenario>,
): Promise<ClassSummary> {
  const d = await rooms.session(code);
  const games: GameSummaryRow[] = [];
  for (const t of d.tables) {
    for (const g of await rooms.recordsOf(t)) {
      const sc = scenarios.get(g.scenarioId);
      if (!sc) continue;
      const o = g.result;
      games.push({
        table: t.index,
        gameId: g.id,
        scenarioId: g.scenarioId,
        title: sc.title.en,
        finished: g.status === "finished",
        outcome: o
          ? {
              endReason: o.endReason,
              decided: o.decided,
              form: o.form,
              hoursToDecision: o.hoursToDecision,
              deployed: o.deployed,
              totalTroops: o.totalTroops,
              failedApprovals: o.failedApprovals,
              refusedToSign: o.refusedToSign,
              crisisLost: o.crisisLost,
              allianceResult: o.allianceResult,
              historical: o.historical,
              scores: Object.fromEntries(Object.entries(o.scores).map(([id, c]) => [id, c?.total ?? 0])),
            }
          : null,
        history: sc.historical.outcome,
        players: g.claims.filter((c) => c.name).map((c) => ({ seat: c.seat, name: c.name })),
        decisions: g.log.filter((e) => e.seat !== "system").length,
        chat: g.chat.length,
      });
    }
  }
  const done = games.filter((g) => g.outcome);
  const forms: Record<string, number> = {};
  const balked: Record<string, number> = {};
  for (const g of done) {
    const o = g.outcome as NonNullable<GameSummaryRow["outcome"]>;
    if (o.decided) forms[o.form] = (forms[o.form] ?? 0) + 1;
    for (const id of o.failedApprovals) balked[id] = (balked[id] ?? 0) + 1;
  }
  const hours = done.map((g) => g.outcome?.hoursToDecision).filter((h): h is number => typeof h === "number");
  return {
    code: d.code,
    title: d.title,
    tables: d.tables.length,
    games,
    injects: d.injects,
    totals: {
      finished: done.length,
      deployed: done.filter((g) => g.outcome?.deployed).length,
      forms,
      fastestDecisionHours: hours.length ? Math.min(...hours) : null,
      balked,
      matchedHistory: done.filter((g) => g.outcome?.historical.matches).length,
    },
  };
}

function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v);
  // A spreadsheet must not take a student's name for a formula.
  if (/^[=+\-@\t]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per logged decision: table, game, seat, student, phase, action, its details, time. */
export async function classCsv(
  rooms: Classrooms,
  code: string,
  scenarios: Map<string, Scenario>,
): Promise<string> {
  const d = await rooms.session(code);
  const rows: unknown[][] = [["table", "game", "seat", "student", "phase", "action", "detail", "time"]];
  for (const t of d.tables) {
    for (const g of await rooms.recordsOf(t)) {
      const sc = scenarios.get(g.scenarioId);
      if (!sc) continue;
      const names = new Map(g.claims.map((c) => [c.seat, c.name]));
      for (const { phase, entry } of steps(g, sc)) {
        const { type, ...detail } = entry.action as Action & Record<string, unknown>;
        rows.push([
          t.index + 1,
          g.id,
          entry.seat,
          names.get(entry.seat) ?? "",
          phase,
          type,
          Object.keys(detail).length ? detail : "",
          new Date(entry.at).toISOString(),
        ]);
      }
    }
  }
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The session and every table's game records (token hashes left out), with the session's log. */
export async function classJson(rooms: Classrooms, code: string) {
  const d = await rooms.session(code);
  const records = [];
  for (const t of d.tables) {
    for (const g of await rooms.recordsOf(t)) {
      records.push({
        table: t.index,
        ...g,
        claims: g.claims.map((c) => ({ seat: c.seat, name: c.name })),
      });
    }
  }
  return {
    session: {
      code: d.code,
      title: d.title,
      createdAt: d.createdAt,
      tables: d.tables.map((t) => ({ index: t.index, code: t.code, ...t.setup })),
      roster: rosterOf(d),
      injects: d.injects,
    },
    log: await rooms.classLog(code),
    records,
  };
}

const esc = (s: unknown) =>
  String(s ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const yesNo = (v: boolean) => (v ? "✔" : "—");
const SUMMARY_COLUMNS = [
  "table",
  "game",
  "scenario",
  "deployed",
  "form",
  "hours",
  "balked",
  "scores",
  "asHistory",
] as const;

/** The printable class debrief: the summary side by side with history, then each table's debrief. */
export async function classPrintPage(
  rooms: Classrooms,
  code: string,
  scenarios: Map<string, Scenario>,
  lang: Language = "en",
): Promise<string> {
  const sum = await classSummary(rooms, code, scenarios);
  const d: SessionData = await rooms.session(code);
  const tr = (key: string, params?: Record<string, string | number>) =>
    esc(translate(lang, params ? { key, params } : { key }));
  const formOf = (f: string) => (f === "none" ? tr("class.print.noDecision") : esc(term(lang, f)));
  const statesOf = (ids: readonly string[]) => esc(ids.map((id) => term(lang, id)).join(", ") || "—");
  const summaryRows = sum.games
    .map((g) => {
      const o = g.outcome;
      const h = g.history;
      return `<tr><td>${g.table + 1}</td><td>${esc(g.gameId)}</td><td>${esc(g.title)}</td>
<td>${o ? yesNo(o.deployed) : "…"} <span class="h">(${yesNo(h.deployed)})</span></td>
<td>${o ? formOf(o.form) : "…"} <span class="h">(${formOf(h.form)})</span></td>
<td>${o?.hoursToDecision ?? "—"} <span class="h">(${h.decidedWithinHours !== undefined ? `≤ ${h.decidedWithinHours}` : "—"})</span></td>
<td>${o ? statesOf(o.failedApprovals) : "…"} <span class="h">(${statesOf(h.firstFailedApproval ? [h.firstFailedApproval] : [])})</span></td>
<td>${
        o
          ? esc(
              Object.entries(o.scores)
                .map(([id, n]) => `${term(lang, id)} ${n}`)
                .join(" · "),
            )
          : "…"
      }</td>
<td>${o ? (o.historical.matches ? "✔" : esc(o.historical.mismatches.join(", "))) : "…"}</td></tr>`;
    })
    .join("\n");
  const tables: string[] = [];
  for (const t of d.tables) {
    for (const g of await rooms.recordsOf(t)) {
      const sc = scenarios.get(g.scenarioId);
      if (!sc) continue;
      let state = createGame({
        scenario: sc,
        seed: g.seed,
        seats: g.seats,
        ...(g.carry ? { carry: g.carry } : {}),
      });
      for (const e of g.log) {
        const r = apply(state, e.seat, e.action);
        if (r.ok) state = r.state;
      }
      const o = state.ended ? outcomeOf(state) : null;
      const players = g.claims
        .filter((c) => c.name)
        .map((c) => `${esc(c.seat)}: ${esc(c.name)}`)
        .join(", ");
      const timeline = state.timeline
        .map(
          (e) =>
            `<li><b>${esc(e.hour)}h</b> ${esc(e.seat === "system" ? "" : e.seat)} ${tr(e.message.key, e.message.params)}</li>`,
        )
        .join("\n");
      const history = sc.historical.timeline
        .map((e) => `<li><b>${esc(e.date)}</b> ${esc(e.text[lang])}</li>`)
        .join("\n");
      const scores = o
        ? Object.entries(o.scores)
            .map(
              ([id, c]) =>
                `<tr><td>${esc(term(lang, id))}</td><td>${c?.total ?? 0}</td><td>${esc(
                  c?.lines
                    .filter((l) => l.met)
                    .map((l) => l.text[lang])
                    .join("; "),
                )}</td></tr>`,
            )
            .join("\n")
        : "";
      const injects = d.injects
        .filter((i) => i.gameId === g.id)
        .map(
          (i) =>
            `<li>${esc(new Date(i.at).toISOString().slice(11, 19))} ${esc(i.event ?? i.text?.[lang] ?? "")}${i.to ? ` → ${esc(i.to)}` : ""}${i.refused ? ` (${esc(i.refused)})` : ""}</li>`,
        )
        .join("\n");
      tables.push(`<section class="table"><h2>${tr("class.print.tableHeading", { n: t.index + 1, title: sc.title[lang], code: g.id })}</h2>
<p>${players || "—"}</p>
${o ? `<p>${tr("class.print.result", { reason: o.endReason, alliance: o.allianceResult })}</p><table><tr><th>${tr("class.print.col.state")}</th><th>${tr("class.print.col.score")}</th><th>${tr("class.print.col.met")}</th></tr>${scores}</table>` : "<p>…</p>"}
<div class="cols"><div><h3>${tr("class.print.thisTable")}</h3><ol>${timeline}</ol></div>
<div><h3>${tr("class.print.reality")}</h3><p>${esc(sc.historical.summary[lang])}</p><ol>${history}</ol></div></div>
${injects ? `<h3>${tr("class.print.injects")}</h3><ul>${injects}</ul>` : ""}</section>`);
    }
  }
  const t = sum.totals;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${tr("class.print.title", { code: sum.code })}</title>
<style>
body{font:13px/1.4 system-ui,sans-serif;margin:2em;color:#111}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #999;padding:3px 6px;text-align:left;vertical-align:top}
.h{color:#666;font-size:11px}.cols{display:grid;grid-template-columns:1fr 1fr;gap:1em}
section.table{break-before:page}@media print{body{margin:0}}
</style></head><body>
<h1>${tr("class.print.title", { code: sum.code })}${sum.title ? ` — ${esc(sum.title)}` : ""}</h1>
<p id="totals">${tr("class.print.totals", {
    finished: t.finished,
    deployed: t.deployed,
    forms:
      Object.entries(t.forms)
        .map(([f, n]) => `${term(lang, f)} ×${n}`)
        .join(", ") || translate(lang, { key: "class.print.noDecision" }),
    fastest: t.fastestDecisionHours ?? "—",
    balked:
      Object.entries(t.balked)
        .map(([id, n]) => `${term(lang, id)} ×${n}`)
        .join(", ") || translate(lang, { key: "class.print.none" }),
    matched: t.matchedHistory,
  })}</p>
<table id="summary"><tr>${SUMMARY_COLUMNS.map((c) => `<th>${tr(`class.print.col.${c}`)}</th>`).join("")}</tr>
${summaryRows}</table>
${tables.join("\n")}
</body></html>`;
}
