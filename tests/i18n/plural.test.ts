/** ICU-style plurals in translate (shared/i18n/index.ts): the case each language's rules pick. */
import { describe, expect, it } from "vitest";
import { translate } from "../../shared/i18n/index.ts";

const people = (lang: "en" | "ru", count: number) =>
  translate(lang, { key: "ui.wait.people", params: { names: "X", count } });

describe("plurals", () => {
  it("English: one and other", () => {
    expect(people("en", 1)).toBe("Waiting for X (a person)");
    expect(people("en", 2)).toBe("Waiting for X (2 people)");
    expect(people("en", 11)).toBe("Waiting for X (11 people)");
  });

  it("Russian: one, few, many", () => {
    expect(people("ru", 1)).toBe("Ждём: X (живой игрок)");
    expect(people("ru", 21)).toBe("Ждём: X (живой игрок)");
    expect(people("ru", 3)).toBe("Ждём: X (3 живых игрока)");
    expect(people("ru", 5)).toBe("Ждём: X (5 живых игроков)");
    expect(people("ru", 12)).toBe("Ждём: X (12 живых игроков)");
  });

  it("an exact case wins, text around and after the plural stays, and placeholders inside it are filled", () => {
    const key = "{n, plural, =0 {no seat} one {# seat of {who}} other {# seats}} left, {who}";
    expect(translate("en", { key, params: { n: 0, who: "KZ" } })).toBe("no seat left, Kazakhstan");
    expect(translate("en", { key, params: { n: 1, who: "W" } })).toBe("1 seat of W left, W");
    expect(translate("en", { key, params: { n: 4, who: "W" } })).toBe("4 seats left, W");
    // A malformed plural is left as it is.
    expect(translate("en", { key: "{n, plural, one {x}", params: { n: 1 } })).toBe("{n, plural, one {x}");
  });
});
