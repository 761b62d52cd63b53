/**
 * Facilitator injects (docs/game.md, "Facilitator injects"): logged actions of the system seat, so a
 * replay repeats them.
 */
import { ruleError } from "../errors.ts";
import { applyDelta, log } from "../mechanics.ts";
import type { Handler } from "./handler.ts";

export const inject: Handler<"inject"> = {
  guard: (_s, seat) => (seat === "system" ? undefined : ruleError("ERR_NOT_YOUR_ROLE")),
  run(state, seat, action) {
    if (!action.event === !action.text) return ruleError("ERR_INCONSISTENT_TERMS", { field: "inject" });
    if (action.event) {
      const event = state.scenario.events.find((candidate) => candidate.id === action.event);
      if (!event || action.to) return ruleError("ERR_INCONSISTENT_TERMS", { field: "event" });
      if (state.firedEvents.includes(event.id)) return ruleError("ERR_ALREADY_DONE");
      state.firedEvents.push(event.id);
      applyDelta(state, event.effects);
      log(state, seat, "log.event", { event: event.id, text_en: event.text.en, text_ru: event.text.ru });
      return undefined;
    }
    const text = action.text as { en: string; ru: string };
    if (!action.to) {
      log(state, seat, "log.news", { text_en: text.en, text_ru: text.ru });
      return undefined;
    }
    if (!state.scenario.members.includes(action.to))
      return ruleError("ERR_INCONSISTENT_TERMS", { field: "to" });
    // Kept out of the public timeline: only the leader it is for sees it, until the debrief.
    state.instructions[action.to] = [
      ...(state.instructions[action.to] ?? []),
      { hour: state.clock, text: { ...text } },
    ];
    return undefined;
  },
};
