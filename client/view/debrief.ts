/** The debrief: the end, the tracks, the game beside the history, the scores and the questions. */
import { term, type Language } from "../../shared/i18n/index.ts";
import { TRACKS, type StateId, type Track } from "../../shared/rules/index.ts";
import { myState, type Snapshot } from "./snapshot.ts";
import { t } from "./text.ts";
import { timelineVM, type TimelineRow } from "./timeline.ts";

/** The tracks, in the order they are shown. */
export const TRACK_NAMES: readonly Track[] = TRACKS;

export type TrackPoint = { hour: number } & Record<Track, number>;

/** Appends the tracks of a snapshot to a history when they changed (the debrief draws it). */
export function recordTracks(history: TrackPoint[], snap: Snapshot): TrackPoint[] {
  const tracks = snap.view.tracks;
  const point = {
    hour: snap.view.clock,
    ...Object.fromEntries(TRACKS.map((k) => [k, tracks[k]])),
  } as TrackPoint;
  const last = history.at(-1);
  if (last && TRACKS.every((k) => last[k] === point[k])) return history;
  return [...history, point];
}

export interface DebriefVM {
  ended: boolean;
  end: string;
  tracks: { track: string; text: string }[];
  alliance: string;
  matches: string;
  yourGame: TimelineRow[];
  reality: { date: string; text: string }[];
  summary: string;
  /** Each leader's score, this seat's first; a line is `good` when it counts for the leader (an objective against something that was not met is good). */
  scores: {
    id: StateId;
    heading: string;
    lines: { text: string; met: boolean; good: boolean }[];
    mine: boolean;
  }[];
  questions: { question: string; positions: { actor: string; position: string; source: string }[] }[];
  sources: { title: string; url: string }[];
}

export function debriefVM(snap: Snapshot, lang: Language): DebriefVM | null {
  const debrief = snap.view.debrief;
  if (!debrief) return null;
  const me = myState(snap);
  const tracks = debrief.tracks;
  return {
    ended: true,
    end: t(lang, "ui.debrief.end", { reason: debrief.endReason }),
    tracks: [
      ...TRACKS.map((k) => ({
        track: k,
        text: t(lang, "ui.debrief.trackLine", { track: k, value: round(tracks[k]) }),
      })),
      ...(Object.entries(tracks.standing) as [StateId, number][]).map(([id, n]) => ({
        track: "standing",
        text: `${t(lang, "ui.track.standing")} — ${term(lang, id)}: ${round(n)}/10`,
      })),
    ],
    alliance: t(lang, "ui.debrief.alliance", { score: debrief.allianceResult }),
    matches: debrief.historical.matches
      ? t(lang, "ui.debrief.matches")
      : t(lang, "ui.debrief.differs", {
          fields: debrief.historical.mismatches.map((m) => t(lang, `ui.mismatch.${m}`)).join("; "),
        }),
    // The decisions, without the round of "ready" that opens every game.
    yourGame: timelineVM(snap, lang, Infinity).filter((r) => r.key !== "log.ready"),
    reality: debrief.history.timeline.map((e) => ({ date: e.date, text: e.text[lang] })),
    summary: debrief.history.summary[lang],
    scores: (Object.entries(debrief.scores) as [StateId, NonNullable<(typeof debrief.scores)[StateId]>][])
      .map(([id, card]) => ({
        id,
        heading: t(lang, "ui.debrief.score", { state: id, total: card.total }),
        lines: card.lines.map((l) => ({
          text: t(lang, "ui.debrief.scoreLine", {
            text_en: l.text.en,
            text_ru: l.text.ru,
            weight: l.weight,
            met: t(lang, l.met ? "ui.debrief.met" : "ui.debrief.notMet"),
          }),
          met: l.met,
          good: l.met === l.weight > 0,
        })),
        mine: id === me,
      }))
      // The player reads their own score first.
      .sort((a, b) => Number(b.mine) - Number(a.mine)),
    questions: debrief.questions.map((q) => ({
      question: q.question[lang],
      positions: q.positions.map((p) => ({
        actor: p.actor[lang],
        position: p.position[lang],
        source: p.source,
      })),
    })),
    sources: debrief.sources,
  };
}

/** A track's value as shown: one decimal. */
export const round = (n: number) => Math.round(n * 10) / 10;
