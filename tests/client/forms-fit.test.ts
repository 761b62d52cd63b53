/**
 * Forms that fit the choice (issue 12): the request form shows only the fields its channel asks
 * for, and its defaults are what a sensible leader would pick; the first proposal follows the
 * request; the peacekeeping basis is named as the 2007 Agreement in both languages.
 */
import { describe, expect, it } from "vitest";
import { translate } from "../../shared/i18n/index.ts";
import { apply, type Action, type GameState, type StateId } from "../../shared/rules/index.ts";
import { consultationsScreen } from "../../client/ui/screens/consultations.ts";
import { actionFrom, proposalFormVM, requestFormVM } from "../../client/view/models.ts";
import { allReady, game, kazakhstanConsultations, play } from "../helpers.ts";
import { renderScreen, seatSnapshot as snapOf, window } from "./harness.ts";

const render = (state: GameState, seat: StateId) => renderScreen(snapOf(state, seat), consultationsScreen);

const shown = (root: HTMLElement, id: string): boolean => {
  const field = root.querySelector(`#${id}`)?.closest(".field") as HTMLElement | null;
  if (!field) throw new Error(`no field for #${id}`);
  return !field.hidden;
};

function choose(root: HTMLElement, id: string, value: string): void {
  const select = root.querySelector(`#${id}`) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new window.Event("change") as unknown as Event);
}

describe("the host's request form", () => {
  it("shows the article and framing only for a formal request, the ally only for a bilateral one", () => {
    const { root } = render(allReady(game("kazakhstan-2022-01")), "KZ");
    const visible = () =>
      ["appeal-article", "appeal-framing", "appeal-target"].filter((id) => shown(root, id));
    expect(visible()).toEqual(["appeal-article", "appeal-framing"]);
    choose(root, "appeal-channel", "bilateral");
    expect(visible()).toEqual(["appeal-target"]);
    choose(root, "appeal-channel", "none");
    expect(visible()).toEqual([]);
    choose(root, "appeal-channel", "informal");
    expect(visible()).toEqual([]);
  });

  it("defaults to the framing the evidence supports best, under its own article, and the rules take it", () => {
    // Kazakhstan 2022: domestic unrest 8/10 (Article 2); Armenia 2022: external aggression 8/10 (Article 4).
    const kz = allReady(game("kazakhstan-2022-01"));
    expect(requestFormVM(snapOf(kz, "KZ")).initial).toEqual({
      channel: "formal",
      article: "art2",
      framing: "domesticUnrest",
    });
    const am = allReady(game("armenia-2022-09"));
    expect(requestFormVM(snapOf(am, "AM")).initial).toMatchObject({
      article: "art4",
      framing: "externalAggression",
    });
    const { root, sent } = render(am, "AM");
    (root.querySelector("#appeal-send") as HTMLButtonElement).click();
    expect(sent).toEqual([
      { type: "requestAssistance", channel: "formal", article: "art4", framing: "externalAggression" },
    ]);
    expect(apply(am, "AM", sent[0] as Action).ok).toBe(true);
  });
});

describe("the first proposal follows the request", () => {
  it("an Article 4 request: a peacekeeping force on Article 4, guarding sites, for two weeks", () => {
    const editor = proposalFormVM(snapOf(kazakhstanConsultations(), "AM"));
    expect(editor.initial).toEqual({ form: "peacekeeping", basis: "art4", tasks: ["guardSites"], days: 14 });
    expect(editor.troopForms).toContain("peacekeeping");
  });

  it("an Article 2 request: a statement, with no troops' tasks", () => {
    const s = play(allReady(game("kazakhstan-2022-01")), [
      "KZ",
      { type: "requestAssistance", channel: "formal", article: "art2", framing: "domesticUnrest" },
    ]);
    expect(proposalFormVM(snapOf(s, "AM")).initial).toMatchObject({ form: "statement", tasks: [] });
  });

  it("a statement's form hides the tasks and the time limit, and sends no tasks", () => {
    const { root } = render(kazakhstanConsultations(), "AM");
    const tasks = root.querySelector("#propose fieldset.tasks") as HTMLElement;
    expect(tasks.hidden).toBe(false);
    choose(root, "prop-form", "statement");
    expect(tasks.hidden).toBe(true);
    expect(shown(root, "prop-days")).toBe(false);
    const legal = {
      type: "propose" as const,
      terms: [{ form: "statement" as const, basis: "art2" as const }],
    };
    expect(
      actionFrom("propose", { form: ["statement"], tasks: ["guardSites"], days: ["7"] }, legal),
    ).toMatchObject({ terms: { form: "statement", tasks: [] } });
  });
});

describe("the host's own crisis", () => {
  it("the host is offered no pledge form (it sends no contingent); the others are", () => {
    expect(render(kazakhstanConsultations(), "KZ").root.querySelector('[data-form="pledge"]')).toBeNull();
    expect(render(kazakhstanConsultations(), "TJ").root.querySelector('[data-form="pledge"]')).not.toBeNull();
  });
});

describe("the peacekeeping basis is the 2007 Agreement", () => {
  it.each([
    ["en", "a peacekeeping force on the basis of the 2007 Agreement on Peacekeeping Activities"],
    ["ru", "миротворческие силы; основание — Соглашение о миротворческой деятельности 2007 года"],
  ] as const)("%s", (lang, said) => {
    const text = translate(lang, {
      key: "log.propose",
      params: { form: "peacekeeping", basis: "peacekeeping", days: 14 },
    });
    expect(text).toContain(said);
  });
});
