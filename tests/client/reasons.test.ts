/**
 * The reason beside a disabled control comes from the rules' own refusal. Where a rule names a field
 * of the proposal, the player reads plain words, never the field's internal name.
 */
import { describe, expect, it } from "vitest";
import { reasonMessage } from "../../client/view/actions.ts";
import { LANGUAGES, translate } from "../../shared/i18n/index.ts";

describe("reasons for an unavailable action", () => {
  it("a force with no pledged contingent is explained in words, in both languages", () => {
    const message = reasonMessage({ code: "ERR_INCONSISTENT_TERMS", params: { field: "contingents" } });
    expect(message).toEqual({ key: "ui.reason.noContingents" });
    for (const lang of LANGUAGES) {
      const text = translate(lang, message);
      expect(text).not.toContain("contingents");
      expect(text).not.toBe(message.key);
    }
  });

  it("any other refusal reads as the rule's own error message", () => {
    expect(reasonMessage({ code: "ERR_NO_PROPOSAL" })).toEqual({ key: "error.ERR_NO_PROPOSAL" });
    expect(translate("en", reasonMessage({ code: "ERR_NO_PROPOSAL" }))).toBe(
      "There is no proposal on the table yet.",
    );
  });
});
