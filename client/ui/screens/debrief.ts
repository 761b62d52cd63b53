/** The debrief: how it ended, the tracks, the game beside the history, the scores and questions. */
import type { Sections } from "../dom.ts";
import { h } from "../dom.ts";
import { debriefVM, t } from "../../view/models.ts";
import { flag, heading, keyOf, type ScreenCtx } from "../common.ts";
import { campaignSection } from "../sections/campaign.ts";

export function debriefScreen(sections: Sections, ctx: ScreenCtx): void {
  const lang = ctx.lang;
  const debrief = debriefVM(ctx.snap, lang);
  if (!debrief) {
    sections.section("debrief-wait", keyOf(lang), () => [
      heading(t(lang, "ui.debrief.title")),
      h("p", {}, t(lang, "ui.debrief.waiting")),
    ]);
    return;
  }
  // In a campaign, first: the wait before the next crisis, or after the last one the whole campaign.
  campaignSection(sections, ctx, "debrief");
  sections.section("debrief", keyOf(lang, debrief), () => [
    h("h2", { id: "debrief-title" }, t(lang, "ui.debrief.title")),
    h("p", { class: "lead", id: "debrief-end" }, debrief.end),
    h("p", {}, debrief.alliance),
    heading(t(lang, "ui.debrief.tracks"), "h3"),
    h(
      "ul",
      { class: "tracks" },
      debrief.tracks.map((x) =>
        h("li", {}, h("span", { class: `swatch track-${x.track}`, "aria-hidden": "true" }), x.text),
      ),
    ),
    heading(t(lang, "ui.debrief.history"), "h3"),
    h("p", { class: "lead" }, debrief.matches),
    h(
      "div",
      { class: "compare" },
      h(
        "div",
        {},
        h("h4", {}, t(lang, "ui.debrief.yourGame")),
        h(
          "ol",
          { class: "timeline" },
          debrief.yourGame.map((r) =>
            h("li", {}, h("span", { class: "when" }, r.hour), ` ${r.who}: ${r.text}`),
          ),
        ),
      ),
      h(
        "div",
        {},
        h("h4", {}, t(lang, "ui.debrief.reality")),
        h("p", {}, debrief.summary),
        h(
          "ol",
          { class: "timeline" },
          debrief.reality.map((r) => h("li", {}, h("span", { class: "when" }, r.date), ` ${r.text}`)),
        ),
      ),
    ),
    heading(t(lang, "ui.debrief.scores"), "h3"),
    h(
      "div",
      { class: "scores" },
      debrief.scores.map((score) =>
        h(
          "div",
          { class: `score${score.mine ? " me" : ""}`, "data-seat": score.id },
          h("h4", {}, flag(score.id), score.heading),
          h(
            "ul",
            {},
            score.lines.map((line) => h("li", { class: line.good ? "met" : "unmet" }, line.text)),
          ),
        ),
      ),
    ),
    heading(t(lang, "ui.debrief.questions"), "h3"),
    h(
      "ol",
      {},
      debrief.questions.map((q) =>
        h(
          "li",
          {},
          h("p", {}, h("strong", {}, q.question)),
          h(
            "ul",
            {},
            q.positions.map((p) =>
              h(
                "li",
                {},
                h("em", {}, p.actor),
                `: ${p.position} `,
                h("span", { class: "muted" }, `(${p.source})`),
              ),
            ),
          ),
        ),
      ),
    ),
    heading(t(lang, "ui.debrief.sources"), "h3"),
    h(
      "ul",
      {},
      debrief.sources.map((x) =>
        h("li", {}, h("a", { href: x.url, target: "_blank", rel: "noopener" }, x.title)),
      ),
    ),
  ]);
}
