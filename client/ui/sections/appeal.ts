/** The appeal: the request on record, the host's request and the others' informal appeals. */
import { term } from "../../../shared/i18n/index.ts";
import type { Sections } from "../dom.ts";
import { h, options } from "../dom.ts";
import { CHOICES, myState, t } from "../../view/models.ts";
import { formKey, heading, keyOf, type ScreenCtx } from "../common.ts";
import { actionForm, field, offered, select } from "../controls.ts";

function requestForm(sections: Sections, ctx: ScreenCtx): void {
  const lang = ctx.lang;
  const scenario = ctx.snap.view.scenario;
  const others = scenario.members.filter((m) => m !== scenario.host);
  sections.section("appeal-form", formKey(ctx, ["requestAssistance"]), () => [
    actionForm(
      ctx,
      "requestAssistance",
      "appeal-request",
      t(lang, "ui.action.requestAssistance"),
      [
        field(
          t(lang, "ui.appeal.channel"),
          select(
            "appeal-channel",
            "channel",
            options(
              CHOICES.appealChannels.map((x) => ({ value: x, label: term(lang, x) })),
              "formal",
            ),
          ),
        ),
        field(
          t(lang, "ui.appeal.article"),
          select(
            "appeal-article",
            "article",
            options(
              CHOICES.articles.map((x) => ({ value: x, label: term(lang, x) })),
              "art4",
            ),
          ),
        ),
        field(
          t(lang, "ui.appeal.framing"),
          select(
            "appeal-framing",
            "framing",
            options(
              CHOICES.framings.map((x) => ({
                value: x,
                label: `${term(lang, x)} (${scenario.evidence[x]}/10)`,
              })),
            ),
          ),
        ),
        field(
          t(lang, "ui.appeal.target"),
          select("appeal-target", "target", options(others.map((x) => ({ value: x, label: term(lang, x) })))),
        ),
      ],
      [{ label: t(lang, "ui.appeal.send"), id: "appeal-send" }],
    ),
  ]);
}

function informalForm(sections: Sections, ctx: ScreenCtx): void {
  const lang = ctx.lang;
  sections.section("appeal-form", formKey(ctx, ["informalAppeal"]), () => [
    actionForm(
      ctx,
      "informalAppeal",
      "appeal-informal",
      t(lang, "ui.action.informalAppeal"),
      [
        field(
          t(lang, "ui.appeal.framing"),
          select(
            "informal-framing",
            "framing",
            options(CHOICES.framings.map((x) => ({ value: x, label: term(lang, x) }))),
          ),
        ),
      ],
      [{ label: t(lang, "ui.appeal.informal") }],
    ),
  ]);
}

export function appealSection(sections: Sections, ctx: ScreenCtx): void {
  const view = ctx.snap.view;
  const lang = ctx.lang;
  sections.section("appeal-record", keyOf(lang, view.appeal, view.informalAppeals), () => [
    heading(t(lang, "ui.appeal.title")),
    h(
      "p",
      {},
      view.appeal ? t(lang, "ui.appeal.record", { channel: view.appeal.channel }) : t(lang, "ui.appeal.none"),
    ),
    view.informalAppeals.length > 0
      ? h("p", {}, t(lang, "ui.appeal.informals", { states: view.informalAppeals.join(", ") }))
      : null,
  ]);
  const me = myState(ctx.snap);
  if (!me) return;
  const inAppeal = view.phase === "appeal";
  if (me === view.scenario.host) {
    // The host may still turn an informal appeal into a formal request during consultations.
    if (offered(ctx, "requestAssistance", inAppeal)) requestForm(sections, ctx);
  } else if (offered(ctx, "informalAppeal", inAppeal)) informalForm(sections, ctx);
}
