/** The appeal: the request on record, the host's request and the others' informal appeals. */
import { term } from "../../../shared/i18n/index.ts";
import type { Sections } from "../dom.ts";
import { h, options } from "../dom.ts";
import { CHOICES, myState, REQUEST_FIELDS, requestFormVM, t, type RequestField } from "../../view/models.ts";
import { formKey, heading, keyOf, type ScreenCtx } from "../common.ts";
import { actionForm, field, offered, select } from "../controls.ts";

function requestForm(sections: Sections, ctx: ScreenCtx): void {
  const lang = ctx.lang;
  const form = requestFormVM(ctx.snap);
  sections.section("appeal-form", formKey(ctx, ["requestAssistance"]), () => {
    const channel = select(
      "appeal-channel",
      "channel",
      options(
        form.channels.map((x) => ({ value: x, label: term(lang, x) })),
        form.initial.channel,
      ),
    );
    const fields: Record<RequestField, HTMLElement> = {
      article: field(
        t(lang, "ui.appeal.article"),
        select(
          "appeal-article",
          "article",
          options(
            CHOICES.articles.map((x) => ({ value: x, label: term(lang, x) })),
            form.initial.article,
          ),
        ),
      ),
      framing: field(
        t(lang, "ui.appeal.framing"),
        select(
          "appeal-framing",
          "framing",
          options(
            form.framings.map(({ framing, evidence }) => ({
              value: framing,
              label: `${term(lang, framing)} (${evidence}/10)`,
            })),
            form.initial.framing,
          ),
        ),
      ),
      target: field(
        t(lang, "ui.appeal.target"),
        select(
          "appeal-target",
          "target",
          options(form.targets.map((x) => ({ value: x, label: term(lang, x) }))),
        ),
      ),
    };
    // Only the fields the chosen channel asks for are shown (a request to nobody names no article).
    const showFields = () => {
      const byChannel: Partial<Record<string, readonly RequestField[]>> = REQUEST_FIELDS;
      const wanted = byChannel[channel.value] ?? [];
      for (const [name, element] of Object.entries(fields) as [RequestField, HTMLElement][])
        element.hidden = !wanted.includes(name);
    };
    channel.addEventListener("change", showFields);
    showFields();
    return [
      actionForm(
        ctx,
        "requestAssistance",
        "appeal-request",
        t(lang, "ui.action.requestAssistance"),
        [field(t(lang, "ui.appeal.channel"), channel), fields.article, fields.framing, fields.target],
        [{ label: t(lang, "ui.appeal.send"), id: "appeal-send" }],
      ),
    ];
  });
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
