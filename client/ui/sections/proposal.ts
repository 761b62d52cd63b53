/** The proposal on the table, and the editor that tables or amends one (only lawful terms offered). */
import { basisTerm, term } from "../../../shared/i18n/index.ts";
import type { Form } from "../../../shared/rules/index.ts";
import type { Sections } from "../dom.ts";
import { choose, h, options } from "../dom.ts";
import { CHOICES, meetsVM, proposalFormVM, proposalVM, t } from "../../view/models.ts";
import { formKey, heading, keyOf, type ScreenCtx } from "../common.ts";
import { actionForm, field } from "../controls.ts";
import { meetsFields } from "./concerns.ts";

export function proposalSection(sections: Sections, ctx: ScreenCtx): void {
  const lang = ctx.lang;
  const proposal = proposalVM(ctx.snap, lang);
  sections.section("proposal", keyOf(lang, proposal), () => [
    heading(t(lang, "ui.council.proposal")),
    h(
      "div",
      { class: "proposal", id: "proposal" },
      h("p", { class: "terms" }, proposal.terms),
      proposal.present ? h("p", {}, proposal.tasks) : null,
      proposal.present ? h("p", { class: "muted" }, proposal.by) : null,
      proposal.present
        ? h(
            "p",
            {},
            `${t(lang, "ui.council.pledges")}: `,
            proposal.pledges.length ? proposal.pledges.join(", ") : t(lang, "ui.council.noPledges"),
          )
        : null,
    ),
  ]);
}

/** The editor: the form picks which bases are offered; the values are read from the form itself. */
export function proposeSection(sections: Sections, ctx: ScreenCtx): void {
  const lang = ctx.lang;
  const editor = proposalFormVM(ctx.snap);
  const meets = meetsVM(ctx.snap, lang);
  sections.section("propose-form", formKey(ctx, ["propose"], editor, ctx.snap.view.proposal, meets), () => {
    const formSelect = h(
      "select",
      { id: "prop-form", name: "form" },
      options(
        editor.forms.map((entry) => ({ value: entry.form, label: term(lang, entry.form) })),
        editor.initial.form,
      ),
    );
    const basisSelect = h("select", { id: "prop-basis", name: "basis" });
    const fillBases = () => {
      const bases = editor.forms.find((entry) => entry.form === formSelect.value)?.bases ?? [];
      const keep = basisSelect.value || editor.initial.basis;
      basisSelect.replaceChildren(
        ...options(
          bases.map((basis) => ({ value: basis, label: basisTerm(lang, basis) })),
          keep,
        ),
      );
      choose(basisSelect);
    };
    formSelect.addEventListener("change", fillBases);
    fillBases();
    const tasks = h(
      "fieldset",
      { class: "tasks" },
      h("legend", {}, t(lang, "ui.council.tasksLabel")),
      CHOICES.tasks.map((task) =>
        h(
          "label",
          { class: "check" },
          h("input", {
            type: "checkbox",
            id: `task-${task}`,
            name: "tasks",
            value: task,
            checked: editor.initial.tasks.includes(task),
          }),
          term(lang, task),
        ),
      ),
    );
    const days = field(
      t(lang, "ui.council.days"),
      h("input", {
        id: "prop-days",
        name: "days",
        type: "number",
        min: 1,
        max: 365,
        value: editor.initial.days,
      }),
    );
    // Tasks and a time limit belong to a force: a statement or an assessment takes neither.
    const showTroopFields = () => {
      const troops = editor.troopForms.includes(formSelect.value as Form);
      tasks.hidden = !troops;
      days.hidden = !troops;
    };
    formSelect.addEventListener("change", showTroopFields);
    showTroopFields();
    return [
      actionForm(
        ctx,
        "propose",
        "propose",
        t(lang, "ui.council.edit"),
        [
          field(t(lang, "ui.council.form"), formSelect),
          field(t(lang, "ui.council.basis"), basisSelect),
          tasks,
          days,
          ...meetsFields(ctx),
        ],
        [
          {
            label: t(lang, editor.amend ? "ui.council.amend.btn" : "ui.council.table.btn"),
            id: "propose-send",
          },
        ],
      ),
    ];
  });
}
