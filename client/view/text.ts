/** Words and clocks: translation, in-game time, the phase clock and server errors in plain words. */
import { translate, type Language } from "../../shared/i18n/index.ts";
import type { ServerMessages } from "../../shared/protocol/index.ts";
import type { Message } from "../../shared/rules/index.ts";
import type { Snapshot } from "./snapshot.ts";

export const t = (lang: Language, key: string, params?: Message["params"]): string =>
  translate(lang, params ? { key, params } : { key });

/** In-game hours as day and hour of the crisis. */
export function gameTime(hours: number): { day: number; hour: string } {
  const whole = Math.max(0, Math.floor(hours));
  return { day: Math.floor(whole / 24) + 1, hour: String(whole % 24).padStart(2, "0") };
}

export function formatLeft(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export interface ClockVM {
  phase: string;
  time: string;
  left: string;
  urgent: boolean;
  paused: boolean;
}

export function clockVM(snap: Snapshot, now: number, lang: Language): ClockVM {
  const left = snap.deadline > 0 ? snap.deadline - now : 0;
  return {
    phase: t(lang, "ui.clock.phase", { phase: snap.phase }),
    time: t(lang, "ui.clock.time", gameTime(snap.view.clock)),
    left: snap.paused
      ? t(lang, "ui.clock.paused")
      : snap.deadline > 0
        ? t(lang, "ui.clock.left", { time: formatLeft(left) })
        : t(lang, "ui.clock.none"),
    urgent: !snap.paused && snap.deadline > 0 && left < 30_000,
    paused: snap.paused,
  };
}

/** A server error in plain words, in the player's language. */
export function errorText(error: ServerMessages["error"], lang: Language): string {
  const key = error.message.key;
  const uiKey = `ui.${key}`;
  const text = translate(lang, {
    ...error.message,
    key: key.startsWith("error.") && translate(lang, error.message) === key ? uiKey : key,
  });
  return text === uiKey ? t(lang, "ui.error.generic", { detail: error.code }) : text;
}
