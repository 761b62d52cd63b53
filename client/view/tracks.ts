/**
 * The live tracks (docs/game.md, "Tracks"): each public track and each member's domestic standing as a
 * gauge, with its last change and the cause. The rules do not log a track's change, so the client
 * keeps its own memory: the difference between two snapshots, caused by the latest timeline entry that
 * came with the newer one (or by the clock, when only time passed). Pure: no DOM, no clock.
 */
import { term, translate, type Language } from "../../shared/i18n/index.ts";
import { TRACKS, type Message, type StateId, type Track } from "../../shared/rules/index.ts";
import { myState, type Snapshot } from "./snapshot.ts";
import { gameTime, t } from "./text.ts";
import { seatName } from "./waiting.ts";

/** A gauge's id: a public track, or `standing.<state>`. */
export type GaugeId = Track | `standing.${StateId}`;

/** What moved a gauge last: a timeline entry (who and what), the clock, or nothing known. */
export type Cause =
  { kind: "entry"; seat: string; message: Message } | { kind: "clock"; hour: number } | { kind: "unknown" };

export interface TrackChange {
  delta: number;
  hour: number;
  /** The state version that brought it (orders changes made within one game hour). */
  version: number;
  cause: Cause;
}

/** The last change of each gauge that moved while this client watched. */
export type TrackMemory = Readonly<Partial<Record<GaugeId, TrackChange>>>;

function values(snap: Snapshot): Map<GaugeId, number> {
  const tracks = snap.view.tracks;
  const out = new Map<GaugeId, number>(TRACKS.map((k) => [k, tracks[k]]));
  for (const [id, v] of Object.entries(tracks.standing) as [StateId, number][])
    if (typeof v === "number") out.set(`standing.${id}`, v);
  return out;
}

const isPhase = (message: Message): boolean => message.key.startsWith("log.phase.");

/**
 * The cause of a gauge's change from `prev` to `next`: the Council's decision if the update brought
 * one, else the first entry it brought (a phase's opening only when nothing else came). Severity that rose while the clock moved, with no event of
 * the crisis logged, is the crisis escalating with time, not the move that took the time.
 */
export function causeOf(prev: Snapshot, next: Snapshot, id: GaugeId, delta: number): Cause {
  const added = next.view.timeline.slice(prev.view.timeline.length);
  const clockMoved = next.view.clock > prev.view.clock;
  const event = added.some((e) => e.seat === "system" && !isPhase(e.message));
  if (id === "severity" && delta > 0 && clockMoved && !event) return { kind: "clock", hour: next.view.clock };
  // The move that set things off, not what followed from it: a decision's own entry (its effects are
  // the decision's), else the first entry the snapshot brought (a scenario event it fired comes later).
  const entry =
    added.find((e) => e.message.key === "log.decision") ??
    added.find((e) => !isPhase(e.message)) ??
    added.at(-1);
  if (entry) return { kind: "entry", seat: entry.seat, message: entry.message };
  if (clockMoved) return { kind: "clock", hour: next.view.clock };
  return { kind: "unknown" };
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

/** The memory after a snapshot: every gauge that moved since the previous one gets its change. */
export function noteTrackChanges(memory: TrackMemory, prev: Snapshot | null, next: Snapshot): TrackMemory {
  if (!prev || prev.code !== next.code || prev.view.scenario.id !== next.view.scenario.id) return {};
  const before = values(prev);
  let out: Partial<Record<GaugeId, TrackChange>> | null = null;
  for (const [id, now] of values(next)) {
    const was = before.get(id);
    if (was === undefined || was === now) continue;
    const delta = round2(now - was);
    out ??= { ...memory };
    out[id] = { delta, hour: next.view.clock, version: next.version, cause: causeOf(prev, next, id, delta) };
  }
  return out ?? memory;
}

export interface GaugeVM {
  id: GaugeId;
  /** The full name (for the label and screen readers) and a short one (the compact strip). */
  label: string;
  short: string;
  value: number;
  /** The value as shown, in the language ("6.1", "6,1"). */
  shown: string;
  /** The value as a screen reader should say it ("6.2 of 10"). */
  valueText: string;
  /** Severity is bad when high; the others when low. */
  level: "good" | "fair" | "poor";
  /** This seat's own standing. */
  mine: boolean;
  /** The last change in words, e.g. "−0.5: Belarus: withdraws its pledge", or null. */
  change: string | null;
  /** The signed change alone ("−0.5"), or null. */
  delta: string | null;
  direction: "up" | "down" | null;
}

export interface TracksVM {
  tracks: GaugeVM[];
  standing: GaugeVM[];
  /** The most recent change of any gauge, with the gauge's name, for the one-line strip. */
  latest: string | null;
  /** What the region is called. */
  label: string;
}

/** A signed number in the language, with a true minus sign: "+0.5", "−1,2". */
export function signed(n: number, lang: Language): string {
  return new Intl.NumberFormat(lang, { signDisplay: "always", maximumFractionDigits: 2 })
    .format(n)
    .replace("-", "\u2212");
}

const number = (n: number, lang: Language): string =>
  new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n);

function causeText(cause: Cause, lang: Language): string {
  if (cause.kind === "clock") return t(lang, "ui.tracks.clock", gameTime(cause.hour));
  if (cause.kind === "unknown") return t(lang, "ui.tracks.unknown");
  const text = translate(lang, cause.message);
  return cause.seat === "system" ? text : `${seatName(cause.seat, lang)}: ${text}`;
}

function level(id: GaugeId, value: number): GaugeVM["level"] {
  const goodness = id === "severity" ? 10 - value : value;
  return goodness >= 6 ? "good" : goodness >= 4 ? "fair" : "poor";
}

function gauge(
  id: GaugeId,
  value: number,
  change: TrackChange | undefined,
  lang: Language,
  mine: boolean,
): GaugeVM {
  const standing = id.startsWith("standing.");
  const state = id.slice("standing.".length);
  const label = standing ? t(lang, "ui.tracks.standingOf", { state }) : term(lang, id);
  return {
    id,
    label,
    short: standing ? term(lang, state) : t(lang, `ui.tracks.short.${id}`),
    value,
    shown: number(value, lang),
    valueText: t(lang, "ui.tracks.valueText", { value: number(value, lang) }),
    level: level(id, value),
    mine,
    change: change
      ? t(lang, "ui.tracks.change", {
          delta: signed(change.delta, lang),
          cause: causeText(change.cause, lang),
        })
      : null,
    delta: change ? signed(change.delta, lang) : null,
    direction: change ? (change.delta > 0 ? "up" : "down") : null,
  };
}

export function tracksVM(snap: Snapshot, memory: TrackMemory, lang: Language): TracksVM {
  const tracks = snap.view.tracks;
  const me = myState(snap);
  const main = TRACKS.map((k) => gauge(k, tracks[k], memory[k], lang, false));
  const standing = snap.view.scenario.members
    .filter((id) => typeof tracks.standing[id] === "number")
    .map((id) => {
      const key: GaugeId = `standing.${id}`;
      return gauge(key, tracks.standing[id] ?? 0, memory[key], lang, id === me);
    });
  // The newest change a move or an event made; the crisis's creep with the clock only when none did.
  const rank = (c: TrackChange): number => c.version + (c.cause.kind === "clock" ? 0 : 1e12);
  let latest: { rank: number; text: string } | null = null;
  for (const g of [...main, ...standing]) {
    const change = memory[g.id];
    if (!change || !g.change) continue;
    if (!latest || rank(change) > latest.rank)
      latest = {
        rank: rank(change),
        text: t(lang, "ui.tracks.latest", { track: g.label, change: g.change }),
      };
  }
  return { tracks: main, standing, latest: latest?.text ?? null, label: t(lang, "ui.tracks.label") };
}
