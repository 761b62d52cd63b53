/** The chat: the log, a line to everyone or to one leader, and muting a leader. */
import { term } from "../../../shared/i18n/index.ts";
import type { StateId } from "../../../shared/rules/index.ts";
import type { Sections } from "../dom.ts";
import { h, options } from "../dom.ts";
import { chatVM, myState, t } from "../../view/models.ts";
import { heading, keyOf, type ScreenCtx } from "../common.ts";
import { field, readValues } from "../controls.ts";

function chatLog(sections: Sections, ctx: ScreenCtx): void {
  const lang = ctx.lang;
  const rows = chatVM(
    ctx.chat.filter((line) => !ctx.muted.has(line.from)),
    ctx.snap,
    lang,
  );
  sections.section("chat-log", keyOf(lang, rows), () => [
    heading(t(lang, "ui.chat.title")),
    h(
      "ul",
      { class: "chat", role: "log", "aria-live": "polite", "aria-label": t(lang, "ui.chat.title") },
      rows.length === 0
        ? [h("li", { class: "muted" }, t(lang, "ui.chat.empty"))]
        : rows.map((row) =>
            h(
              "li",
              { class: row.mine ? "mine" : "" },
              h("strong", {}, row.from),
              row.note ? h("span", { class: "muted" }, ` (${row.note})`) : null,
              ": ",
              row.text,
            ),
          ),
    ),
  ]);
}

export function chatSection(sections: Sections, ctx: ScreenCtx): void {
  chatLog(sections, ctx);
  const me = myState(ctx.snap);
  if (!me) return;
  const lang = ctx.lang;
  const others = ctx.snap.view.scenario.members.filter((m) => m !== me);
  sections.section("chat-form", keyOf(lang, others), () => {
    const send = (event: Event) => {
      event.preventDefault();
      const form = event.currentTarget as HTMLFormElement;
      const values = readValues(form);
      const text = (values.text?.[0] ?? "").trim();
      if (!text) return;
      const to = values.to?.[0] ?? "";
      ctx.sendChat(text, to ? (to as StateId) : null);
      const input = form.querySelector<HTMLInputElement>("input[name=text]");
      if (input) input.value = "";
    };
    return [
      h(
        "form",
        { class: "chat-form", onsubmit: send },
        field(
          t(lang, "ui.chat.to"),
          h(
            "select",
            { id: "chat-to", name: "to" },
            options([
              { value: "", label: t(lang, "ui.chat.all") },
              ...others.map((o) => ({ value: o, label: term(lang, o) })),
            ]),
          ),
        ),
        field(
          t(lang, "ui.chat.message"),
          h("input", { id: "chat-text", name: "text", type: "text", maxlength: 500, autocomplete: "off" }),
        ),
        h("button", { type: "submit", id: "chat-send" }, t(lang, "ui.chat.send")),
      ),
    ];
  });
  const mutes = others.map((o) => `${o}:${ctx.muted.has(o) ? 1 : 0}`).join(",");
  sections.section("chat-mute", keyOf(lang, mutes), () => [
    h(
      "div",
      { class: "chat-mute" },
      ...others.map((o) => {
        const muted = ctx.muted.has(o);
        return h(
          "button",
          { type: "button", "aria-pressed": muted ? "true" : "false", onclick: () => ctx.toggleMute(o) },
          t(lang, muted ? "ui.chat.unmute" : "ui.chat.mute", { state: o }),
        );
      }),
    ),
  ]);
}
