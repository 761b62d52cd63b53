/**
 * The printable class debrief (the browser prints it to PDF): the summary side by side with history,
 * then each table's debrief — its timeline beside the real one, the scores and the injects — in the
 * facilitator's language.
 */
import { term, translate, type Language } from "../../shared/i18n/index.ts";
import { outcomeOf } from "../../shared/rules/index.ts";
import type { Scenario } from "../../shared/scenarios/schema.ts";
import type { StoredGame } from "../storage/index.ts";
import { classSummary, replayed, type ClassSummary, type GameSummaryRow } from "./records.ts";
import type { Classrooms } from "./service.ts";
import type { InjectRecord } from "./session.ts";

const esc = (value: string | number | null | undefined) =>
  String(value ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const yesNo = (value: boolean) => (value ? "✔" : "—");
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

type Tr = (key: string, params?: Record<string, string | number>) => string;

function words(lang: Language) {
  const tr: Tr = (key, params) => esc(translate(lang, params ? { key, params } : { key }));
  const formOf = (form: string) => (form === "none" ? tr("class.print.noDecision") : esc(term(lang, form)));
  const statesOf = (ids: readonly string[]) => esc(ids.map((id) => term(lang, id)).join(", ") || "—");
  return { tr, formOf, statesOf };
}

function summaryRow(game: GameSummaryRow, lang: Language): string {
  const { formOf, statesOf } = words(lang);
  const outcome = game.outcome;
  const history = game.history;
  const scores = outcome
    ? esc(
        Object.entries(outcome.scores)
          .map(([id, n]) => `${term(lang, id)} ${n}`)
          .join(" · "),
      )
    : "…";
  const within = history.decidedWithinDay ? "≤ 24" : "> 24";
  const firstFailed = history.firstFailedApproval ? [history.firstFailedApproval] : [];
  const matches = outcome
    ? outcome.historical.matches
      ? "✔"
      : esc(outcome.historical.mismatches.join(", "))
    : "…";
  return `<tr><td>${game.table + 1}</td><td>${esc(game.gameId)}</td><td>${esc(game.title)}</td>
<td>${outcome ? yesNo(outcome.deployed) : "…"} <span class="h">(${yesNo(history.deployed)})</span></td>
<td>${outcome ? formOf(outcome.form) : "…"} <span class="h">(${formOf(history.form)})</span></td>
<td>${outcome?.hoursToDecision ?? "—"} <span class="h">(${within})</span></td>
<td>${outcome ? statesOf(outcome.failedApprovals) : "…"} <span class="h">(${statesOf(firstFailed)})</span></td>
<td>${scores}</td>
<td>${matches}</td></tr>`;
}

/** One game's debrief: players, result and scores, its timeline beside history, its injects. */
function gameSection(
  table: number,
  game: StoredGame,
  scenario: Scenario,
  injects: InjectRecord[],
  lang: Language,
): string {
  const { tr } = words(lang);
  const state = replayed(game, scenario);
  const outcome = state.ended ? outcomeOf(state) : null;
  const players = game.claims
    .filter((claim) => claim.name)
    .map((claim) => `${esc(claim.seat)}: ${esc(claim.name)}`)
    .join(", ");
  const timeline = state.timeline
    .map(
      (entry) =>
        `<li><b>${esc(entry.hour)}h</b> ${esc(entry.seat === "system" ? "" : entry.seat)} ${tr(entry.message.key, entry.message.params)}</li>`,
    )
    .join("\n");
  const history = scenario.historical.timeline
    .map((entry) => `<li><b>${esc(entry.date)}</b> ${esc(entry.text[lang])}</li>`)
    .join("\n");
  const scores = outcome
    ? Object.entries(outcome.scores)
        .map(
          ([id, card]) =>
            `<tr><td>${esc(term(lang, id))}</td><td>${card.total}</td><td>${esc(
              card.lines
                .filter((line) => line.met)
                .map((line) => line.text[lang])
                .join("; "),
            )}</td></tr>`,
        )
        .join("\n")
    : "";
  const injected = injects
    .filter((inject) => inject.gameId === game.id)
    .map(
      (inject) =>
        `<li>${esc(new Date(inject.at).toISOString().slice(11, 19))} ${esc(inject.event ?? inject.text?.[lang] ?? "")}${inject.to ? ` → ${esc(inject.to)}` : ""}${inject.refused ? ` (${esc(inject.refused)})` : ""}</li>`,
    )
    .join("\n");
  const result = outcome
    ? `<p>${tr("class.print.result", { reason: outcome.endReason, alliance: outcome.allianceResult })}</p><table><tr><th>${tr("class.print.col.state")}</th><th>${tr("class.print.col.score")}</th><th>${tr("class.print.col.met")}</th></tr>${scores}</table>`
    : "<p>…</p>";
  return `<section class="table"><h2>${tr("class.print.tableHeading", { n: table + 1, title: scenario.title[lang], code: game.id })}</h2>
<p>${players || "—"}</p>
${result}
<div class="cols"><div><h3>${tr("class.print.thisTable")}</h3><ol>${timeline}</ol></div>
<div><h3>${tr("class.print.reality")}</h3><p>${esc(scenario.historical.summary[lang])}</p><ol>${history}</ol></div></div>
${injected ? `<h3>${tr("class.print.injects")}</h3><ul>${injected}</ul>` : ""}</section>`;
}

function totalsLine(totals: ClassSummary["totals"], lang: Language): string {
  const { tr } = words(lang);
  return tr("class.print.totals", {
    finished: totals.finished,
    deployed: totals.deployed,
    forms:
      Object.entries(totals.forms)
        .map(([form, n]) => `${term(lang, form)} ×${n}`)
        .join(", ") || translate(lang, { key: "class.print.noDecision" }),
    fastest: totals.fastestDecisionHours ?? "—",
    balked:
      Object.entries(totals.balked)
        .map(([id, n]) => `${term(lang, id)} ×${n}`)
        .join(", ") || translate(lang, { key: "class.print.none" }),
    matched: totals.matchedHistory,
  });
}

export async function classPrintPage(
  rooms: Classrooms,
  code: string,
  scenarios: Map<string, Scenario>,
  lang: Language = "en",
): Promise<string> {
  const summary = await classSummary(rooms, code, scenarios);
  const session = await rooms.session(code);
  const { tr } = words(lang);
  const sections: string[] = [];
  for (const table of session.tables) {
    for (const game of await rooms.recordsOf(table)) {
      const scenario = scenarios.get(game.scenarioId);
      if (scenario) sections.push(gameSection(table.index, game, scenario, session.injects, lang));
    }
  }
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${tr("class.print.title", { code: summary.code })}</title>
<style>
body{font:13px/1.4 system-ui,sans-serif;margin:2em;color:#111}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #999;padding:3px 6px;text-align:left;vertical-align:top}
.h{color:#666;font-size:11px}.cols{display:grid;grid-template-columns:1fr 1fr;gap:1em}
section.table{break-before:page}@media print{body{margin:0}}
</style></head><body>
<h1>${tr("class.print.title", { code: summary.code })}${summary.title ? ` — ${esc(summary.title)}` : ""}</h1>
<p id="totals">${totalsLine(summary.totals, lang)}</p>
<table id="summary"><tr>${SUMMARY_COLUMNS.map((column) => `<th>${tr(`class.print.col.${column}`)}</th>`).join("")}</tr>
${summary.games.map((game) => summaryRow(game, lang)).join("\n")}</table>
${sections.join("\n")}
</body></html>`;
}
