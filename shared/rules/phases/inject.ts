/** Facilitator injects (GAME.md §9): logged actions of the system seat, so a replay repeats them. */
import { ruleError } from "../errors.ts";
import { applyDelta, log } from "../mechanics.ts";
import type { Handler } from "./handler.ts";

export const inject: Handler<"inject"> = {
  guard: (_s, seat) => (seat === "system" ? undefined : ruleError("ERR_NOT_YOUR_ROLE")),
  run(s, seat, a) {
    if (!a.event === !a.text) return ruleError("ERR_INCONSISTENT_TERMS", { field: "inject" });
    if (a.event) {
      const e = s.scenario.events.find((x) => x.id === a.event);
      if (!e || a.to) return ruleError("ERR_INCONSISTENT_TERMS", { field: "event" });
      if (s.firedEvents.includes(e.id)) return ruleError("ERR_ALREADY_DONE");
      s.firedEvents.push(e.id);
      applyDelta(s, e.effects);
      log(s, seat, "log.event", { event: e.id, text_en: e.text.en, text_ru: e.text.ru });
      return undefined;
    }
    const text = a.text as { en: string; ru: string };
    if (!a.to) {
      log(s, seat, "log.news", { text_en: text.en, text_ru: text.ru });
      return undefined;
    }
    if (!s.scenario.members.includes(a.to)) return ruleError("ERR_INCONSISTENT_TERMS", { field: "to" });
    // Kept out of the public timeline: only the leader it is for sees it, until the debrief.
    s.instructions[a.to] = [...(s.instructions[a.to] ?? []), { hour: s.clock, text: { ...text } }];
    return undefined;
  },
};
