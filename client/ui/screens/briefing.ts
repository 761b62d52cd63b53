/** The briefing: the situation, the seat's private brief and objectives, the facts and sources. */
import { term } from "../../../shared/i18n/index.ts";
import type { Sections } from "../dom.ts";
import { h } from "../dom.ts";
import { CHOICES, t } from "../../view/models.ts";
import { flag, heading, keyOf, type ScreenCtx } from "../common.ts";
import { campaignSection } from "../sections/campaign.ts";
import { coachSection } from "../sections/coach.ts";
import { readySection } from "../sections/ready.ts";
import { roomSection } from "../sections/room.ts";

function briefSection(sections: Sections, ctx: ScreenCtx): void {
  const lang = ctx.lang;
  const own = ctx.snap.view.private;
  sections.section("brief", keyOf(lang, own, ctx.snap.seat), () => {
    if (own?.role === "leader")
      return [
        heading(t(lang, "ui.briefing.brief")),
        h("p", { class: "prose", id: "private-brief" }, own.brief[lang]),
        h("p", {}, t(lang, "ui.briefing.capital", { capital: own.capital })),
        heading(t(lang, "ui.briefing.objectives"), "h3"),
        h(
          "ul",
          {},
          own.objectives.map((objective) =>
            h(
              "li",
              {},
              objective.text[lang],
              h(
                "span",
                { class: "muted" },
                ` (${t(lang, "ui.briefing.weight", { weight: objective.weight })})`,
              ),
            ),
          ),
        ),
      ];
    if (own?.role === "deputy") return [h("p", {}, t(lang, "ui.briefing.deputy", { state: own.state }))];
    return [h("p", {}, t(lang, "ui.briefing.spectator"))];
  });
}

export function briefingScreen(sections: Sections, ctx: ScreenCtx): void {
  const lang = ctx.lang;
  const scenario = ctx.snap.view.scenario;
  sections.section("situation", keyOf(lang, scenario.id), () => [
    heading(scenario.title[lang]),
    h("p", { class: "muted" }, t(lang, "ui.briefing.date", { date: scenario.date })),
    heading(t(lang, "ui.briefing.situation"), "h3"),
    h("p", { class: "prose" }, scenario.situation[lang]),
  ]);
  campaignSection(sections, ctx, "briefing");
  readySection(sections, ctx, "briefing-ready");
  roomSection(sections, ctx);
  briefSection(sections, ctx);
  sections.section("facts", keyOf(lang, scenario.id), () => [
    heading(t(lang, "ui.briefing.evidence"), "h3"),
    h(
      "ul",
      {},
      CHOICES.framings.map((framing) =>
        h("li", {}, `${term(lang, framing)}: ${scenario.evidence[framing]}/10`),
      ),
    ),
    heading(t(lang, "ui.briefing.forces"), "h3"),
    h(
      "ul",
      {},
      scenario.members.map((member) => {
        const forces = scenario.forces[member];
        return forces
          ? h(
              "li",
              {},
              flag(member),
              t(lang, "ui.briefing.forceLine", {
                state: member,
                troops: forces.available,
                units_en: forces.units.en,
                units_ru: forces.units.ru,
                hours: forces.transportHours,
              }),
            )
          : null;
      }),
    ),
  ]);
  sections.section("sources", keyOf(lang, ctx.sources), () => [
    heading(t(lang, "ui.briefing.sources"), "h3"),
    ctx.sources.length === 0
      ? h("p", { class: "muted" }, t(lang, "ui.briefing.sourcesLater"))
      : h(
          "ul",
          {},
          ctx.sources.map((source) =>
            h("li", {}, h("a", { href: source.url, target: "_blank", rel: "noopener" }, source.title)),
          ),
        ),
  ]);
  coachSection(sections, ctx);
}
