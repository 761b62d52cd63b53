import { describe, expect, it } from "vitest";
import { coach, playGame } from "../../shared/bots/index.ts";
import { DICTIONARIES, hasKey, LANGUAGES, translate } from "../../shared/i18n/index.ts";
import { TIMELINE_KEYS } from "../../shared/protocol/timeline-keys.ts";
import { ERROR_CODES, legalActions, view, type Message } from "../../shared/rules/index.ts";
import { botsFor } from "../../shared/sim/simulate.ts";
import { game, scenario, SCENARIO_IDS } from "../helpers.ts";
import { randomGame } from "../rules/random-play.ts";

const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the dictionaries", () => {
  it("English and Russian have the same keys, none empty, with the same placeholders", () => {
    expect(Object.keys(DICTIONARIES.ru).sort()).toEqual(Object.keys(DICTIONARIES.en).sort());
    for (const [key, en] of Object.entries(DICTIONARIES.en)) {
      const ru = DICTIONARIES.ru[key as keyof typeof DICTIONARIES.ru];
      expect(en.trim(), key).not.toBe("");
      expect(ru.trim(), key).not.toBe("");
      expect(placeholders(ru), key).toEqual(placeholders(en));
    }
  });

  it("every error code has a message", () => {
    for (const code of ERROR_CODES) expect(hasKey(`error.${code}`), code).toBe(true);
  });

  it("the timeline's codebook is the sorted log. and reason. keys of the English strings", () => {
    const timelineKeys = Object.keys(DICTIONARIES.en)
      .filter((key) => key.startsWith("log.") || key.startsWith("reason."))
      .sort();
    expect(TIMELINE_KEYS).toEqual(timelineKeys);
  });
});

describe("every message the game produces is translated, with no placeholder left", () => {
  const messages: Message[] = [];
  for (const id of SCENARIO_IDS) {
    for (const mix of ["historical", "pragmatic", "hardline", "mixed"] as const) {
      for (let i = 0; i < 8; i++) {
        const played = playGame(game(id, `${mix}${i}`), botsFor(scenario(id), mix, `${mix}${i}`));
        for (const e of played.state.timeline) messages.push(e.message, ...(e.reason ? [e.reason] : []));
      }
    }
    randomGame(game(id, 5, { deputies: { KG: 1 } }), 5, (before, seat, _input, r) => {
      if (!r.ok) messages.push(r.error.message);
      else if (
        typeof seat === "string" &&
        seat !== "system" &&
        r.state.scenario.members.includes(seat as never)
      ) {
        for (const a of coach(view(before, seat as never), legalActions(before, seat as never))) {
          messages.push(a.effect, ...(a.outlook ? [a.outlook] : []));
        }
      }
    });
  }

  it("collected a broad sample", () => {
    expect(new Set(messages.map((m) => m.key)).size).toBeGreaterThan(60);
  });

  it.each(LANGUAGES)("in %s", (lang) => {
    for (const m of messages) {
      expect(hasKey(m.key), m.key).toBe(true);
      const text = translate(lang, m);
      expect(text, `${m.key} ${JSON.stringify(m.params)}`).not.toMatch(/\{\w+\}/);
    }
  });

  it("Russian text is Russian: terms inside messages are translated", () => {
    expect(
      translate("ru", {
        key: "log.request.formal",
        params: { article: "art4", framing: "terrorismForeignLinks", target: "" },
      }),
    ).toMatch(/стать/i);
    expect(
      translate("ru", {
        key: "log.request.formal",
        params: { article: "art4", framing: "terrorismForeignLinks", target: "" },
      }),
    ).not.toMatch(/terrorism|art4/);
  });
});
