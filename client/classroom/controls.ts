/**
 * The facilitator's controls: a roster row (seat, bot, rename, remove), a table's clock buttons, and
 * the inject form (a prepared event, or a text of one's own, to everyone or one leader).
 */
import { translate } from "../../shared/i18n/index.ts";
import type { RosterEntry } from "../../shared/protocol/classroom.ts";
import { h } from "../ui/dom.ts";
import type { Overview } from "./api.ts";
import { lang, tr } from "./page.ts";

export type Command = (command: Record<string, unknown>) => Promise<void>;

export function rosterRow(
  student: RosterEntry,
  choices: { table: number; seat: string }[],
  command: Command,
): HTMLElement {
  const where =
    student.table !== null && student.seat
      ? tr("class.student.seated", { table: student.table + 1, seat: student.seat })
      : tr("class.unseated");
  const move = h(
    "select",
    { "aria-label": `${tr("class.seatTo")} ${student.name}` },
    h("option", { value: "" }, tr("class.seatTo")),
    ...choices.map((choice) =>
      h(
        "option",
        { value: `${choice.table}:${choice.seat}` },
        tr("class.student.seated", { table: choice.table + 1, seat: choice.seat }),
      ),
    ),
  );
  move.addEventListener("change", () => {
    const [table, seat] = move.value.split(":");
    if (seat) void command({ type: "seat", student: student.id, table: Number(table), seat });
  });
  const button = (label: string, onclick: () => void) => h("button", { type: "button", onclick }, label);
  return h(
    "div",
    { class: "class-row", "data-student": student.id },
    h("strong", {}, student.name),
    h("span", { class: "muted" }, where, student.bot ? ` (${tr("class.student.bot")})` : ""),
    move,
    student.seat
      ? button(student.bot ? tr("class.fromBot") : tr("class.toBot"), () => {
          void command({ type: "bot", student: student.id, ...(student.bot ? { back: true } : {}) });
        })
      : null,
    button(tr("class.rename"), () => {
      const name = prompt(tr("class.rename"), student.name)?.trim();
      if (name) void command({ type: "rename", student: student.id, name });
    }),
    button(tr("class.remove"), () => void command({ type: "remove", student: student.id })),
  );
}

export function controls(table: number | "all", command: Command): HTMLElement {
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
    table === "all" ? h("strong", {}, tr("class.all")) : null,
    op("start", tr("class.start")),
    op("pause", tr("class.pause")),
    op("resume", tr("class.resume")),
    op("extend", tr("class.extend"), { seconds: 60 }),
    op("skip", tr("class.skip")),
    op("end", tr("class.end")),
  );
}

export function injectForm(
  table: number,
  setup: Overview["tables"][number] | undefined,
  command: Command,
): HTMLElement {
  const event = h(
    "select",
    { "aria-label": tr("class.injectEvent") },
    h("option", { value: "" }, tr("class.injectText")),
    ...(setup?.events ?? []).map((prepared) =>
      h("option", { value: prepared.id }, prepared.text[lang].slice(0, 60)),
    ),
  );
  const input = (label: string) => h("input", { placeholder: label, maxlength: 500, "aria-label": label });
  const en = input(tr("class.injectEn"));
  const ru = input(tr("class.injectRu"));
  const to = h(
    "select",
    { "aria-label": tr("class.injectTo") },
    h("option", { value: "" }, tr("class.injectAll")),
    ...(setup?.members ?? []).map((member) =>
      h("option", { value: member }, translate(lang, { key: `term.${member}` })),
    ),
  );
  return h(
    "form",
    {
      class: "class-row",
      onsubmit: (submit: Event) => {
        submit.preventDefault();
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
    h("button", { type: "submit" }, tr("class.inject")),
  );
}
