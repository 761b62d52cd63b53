/** The classroom's first page: a student joins with the class code and a name, or a teacher opens a session. */
import { h } from "../ui/dom.ts";
import { api } from "./api.ts";
import { keyOf, lang, main, put, showError, studentOf, tr } from "./page.ts";

interface ScenarioInfo {
  id: string;
  title: { en: string; ru: string };
  date: string;
}

const PHASES = ["briefing", "appeal", "bilateral", "consultations", "council", "approvals", "deployment"];

export async function landing(): Promise<void> {
  const preset = new URLSearchParams(location.search).get("code") ?? "";
  const code = h("input", {
    id: "class-code",
    required: true,
    maxlength: 6,
    value: preset,
    autocomplete: "off",
  });
  const name = h("input", { id: "class-name", required: true, maxlength: 40, autocomplete: "nickname" });
  const join = h(
    "form",
    {
      class: "class-form class-card",
      id: "class-join",
      onsubmit: (event: Event) => {
        event.preventDefault();
        void (async () => {
          const classCode = code.value.trim().toUpperCase();
          const answer = await api<{ token: string }>(`/${classCode}/join`, { body: { name: name.value } });
          if (!answer.ok) {
            showError(answer.error);
            return;
          }
          put(studentOf(classCode), answer.body.token);
          location.hash = `#s/${classCode}`;
        })();
      },
    },
    h("h2", {}, tr("class.join.title")),
    h("label", { for: "class-code" }, tr("class.join.code")),
    code,
    h("label", { for: "class-name" }, tr("class.join.name")),
    name,
    h("button", { type: "submit", id: "class-join-submit" }, tr("class.join.submit")),
  );
  main.replaceChildren(join, await newSessionForm());
}

function tableSetup(scenarios: ScenarioInfo[], n: number): HTMLElement {
  return h(
    "fieldset",
    { class: "class-table-setup" },
    h("legend", {}, tr("class.new.table", { n })),
    h(
      "select",
      { class: "class-scenario", "aria-label": tr("class.new.table", { n }) },
      ...scenarios.map((scenario) =>
        h(
          "option",
          { value: scenario.id, selected: scenario.id === "kazakhstan-2022-01" },
          `${scenario.date} — ${scenario.title[lang]}`,
        ),
      ),
    ),
    h(
      "label",
      {},
      tr("class.new.deputies"),
      " ",
      h("input", { class: "class-deputies", type: "number", min: 0, max: 10, value: 0 }),
    ),
    h("label", {}, h("input", { class: "class-campaign", type: "checkbox" }), " ", tr("class.new.campaign")),
  );
}

async function newSessionForm(): Promise<HTMLElement> {
  const res = await fetch("/api/scenarios");
  const scenarios = res.ok ? ((await res.json()) as ScenarioInfo[]) : [];
  const list = h("div", {});
  const addTable = () => list.append(tableSetup(scenarios, list.children.length + 1));
  addTable();
  const minutes = h("input", { id: "class-minutes", type: "number", min: 1, max: 30, value: 4 });
  const approval = h("input", { id: "class-approval", type: "checkbox" });
  return h(
    "form",
    {
      class: "class-form class-card",
      id: "class-new",
      onsubmit: (event: Event) => {
        event.preventDefault();
        void (async () => {
          const seconds = Math.max(1, Number(minutes.value) || 4) * 60;
          const tables = [...list.querySelectorAll("fieldset")].map((fieldset) => ({
            scenario: (fieldset.querySelector(".class-scenario") as HTMLSelectElement).value,
            deputies: Number((fieldset.querySelector(".class-deputies") as HTMLInputElement).value) || 0,
            campaign: (fieldset.querySelector(".class-campaign") as HTMLInputElement).checked,
          }));
          const timers = Object.fromEntries(PHASES.map((phase) => [phase, seconds]));
          const answer = await api<{ code: string; key: string }>("", {
            body: { tables, timers, requireApproval: approval.checked },
          });
          if (!answer.ok) {
            showError(answer.error);
            return;
          }
          put(keyOf(answer.body.code), answer.body.key);
          location.hash = `#f/${answer.body.code}`;
        })();
      },
    },
    h("h2", {}, tr("class.new.title")),
    h("p", { class: "muted" }, tr("class.new.hint")),
    list,
    h("button", { type: "button", onclick: addTable }, tr("class.new.addTable")),
    h("label", {}, tr("class.new.minutes"), " ", minutes),
    h("label", {}, approval, " ", tr("class.new.approval")),
    h("button", { type: "submit", id: "class-create" }, tr("class.new.create")),
  );
}
