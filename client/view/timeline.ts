/** What was said and done: the decision timeline, the chat and the coach's advice. */
import { coach, type CoachSentence } from "../../shared/bots/coach.ts";
import { term, translate, type Language } from "../../shared/i18n/index.ts";
import type { ChatLine } from "../../shared/protocol/index.ts";
import { quoted } from "./negotiation.ts";
import type { Snapshot } from "./snapshot.ts";
import { gameTime, t } from "./text.ts";

export interface TimelineRow {
  hour: string;
  who: string;
  text: string;
  why: string | null;
  /** A person's own words with the step (an objection's or an answer's line), quoted. */
  said: string | null;
  seat: string;
  key: string;
}

export function timelineVM(snap: Snapshot, lang: Language, limit = 200): TimelineRow[] {
  // In the order of game time: a national procedure runs on its own clock and is logged when it
  // moves, which can be after entries of a later hour (the sort is stable: same-hour entries keep the
  // order of cause).
  const byTime = [...snap.view.timeline].sort((a, b) => a.hour - b.hour);
  return byTime.slice(-limit).map((entry) => {
    const tm = gameTime(entry.hour);
    return {
      hour: t(lang, "ui.clock.time", tm),
      who:
        entry.seat === "system"
          ? t(lang, "ui.log.system")
          : term(lang, entry.seat.split(".")[0] ?? entry.seat),
      text: translate(lang, entry.message),
      why: entry.reason ? t(lang, "ui.log.why", { reason: translate(lang, entry.reason) }) : null,
      said: typeof entry.message.params?.note === "string" ? quoted(lang, entry.message.params.note) : null,
      seat: entry.seat,
      key: entry.message.key,
    };
  });
}

export interface CoachLine {
  action: string;
  effect: string;
  /** What the others are likely to do, said once across the lines. */
  outlook: string | null;
  /** What else concerns this seat about the action (its own concerns, those it must answer). */
  notes: string[];
  /** position: how the bots are likely to react to each thing this seat could say. */
  forecasts: string[];
}

function sentence(lang: Language, said: CoachSentence): string {
  const line = t(lang, "ui.coach.sentence")
    .replace("{when}", translate(lang, said.when))
    .replace("{then}", translate(lang, said.then));
  return said.why ? `${line} ${t(lang, "ui.log.why", { reason: translate(lang, said.why) })}` : line;
}

/** The coach's advice for each action this seat can take now (leaders only), with the server's forecast. */
export function coachVM(snap: Snapshot, lang: Language): CoachLine[] {
  if (snap.view.private?.role !== "leader") return [];
  return coach(snap.view, snap.legal, snap.forecasts).map((a) => ({
    action: a.type,
    effect: translate(lang, a.effect),
    outlook: a.outlook ? translate(lang, a.outlook) : null,
    notes: (a.notes ?? []).map((note) => translate(lang, note)),
    forecasts: (a.forecasts ?? []).map((said) => sentence(lang, said)),
  }));
}

export interface ChatRow {
  from: string;
  text: string;
  note: string | null;
  mine: boolean;
}

export function chatVM(lines: readonly ChatLine[], snap: Snapshot, lang: Language): ChatRow[] {
  const me = snap.seat;
  return lines.map((line) => ({
    from: term(lang, line.from.split(".")[0] ?? line.from),
    text: line.text,
    note:
      line.to === null
        ? null
        : line.from === me
          ? t(lang, "ui.chat.private", { state: line.to })
          : t(lang, "ui.chat.fromPrivate", { state: line.from }),
    mine: line.from === me,
  }));
}
