/**
 * The banner of whom the table waits on (docs/game.md, "Turn discipline and pace"): this player, the
 * other people who still have a decision to make, or the bots. Pure: from the synced `waitingFor`,
 * `botsDeciding` and `holding` only; the client holds no rules.
 */
import { term, type Language } from "../../shared/i18n/index.ts";
import type { Snapshot } from "./snapshot.ts";
import { t } from "./text.ts";

export interface WaitingVM {
  kind: "you" | "people" | "bots";
  text: string;
}

const DEPUTY = /^([A-Z]{2})\.d(\d+)$/;

/** A seat by name: its state, or a deputy's number and state. */
export function seatName(seat: string, lang: Language): string {
  const deputy = DEPUTY.exec(seat);
  if (!deputy) return term(lang, seat);
  return t(lang, "ui.menu.deputySeat", { n: Number(deputy[2]), state: deputy[1] ?? "" });
}

const listOf = (names: string[], lang: Language): string =>
  new Intl.ListFormat(lang, { style: "long", type: "conjunction" }).format(names);

/** What the banner says now, or null when the table waits for nobody (or is paused, or over). */
export function waitingVM(snap: Snapshot, lang: Language): WaitingVM | null {
  if (snap.view.ended || snap.paused) return null;
  const mine = snap.seat !== null && snap.waitingFor.includes(snap.seat);
  const others = snap.waitingFor.filter((seat) => seat !== snap.seat);
  const names = listOf(
    others.map((seat) => seatName(seat, lang)),
    lang,
  );
  const held = snap.holding ? ` — ${t(lang, "ui.wait.holding")}` : "";
  if (mine)
    return {
      kind: "you",
      text: (others.length ? t(lang, "ui.wait.youAnd", { names }) : t(lang, "ui.wait.you")) + held,
    };
  if (others.length)
    return { kind: "people", text: t(lang, "ui.wait.people", { names, count: others.length }) + held };
  return snap.botsDeciding ? { kind: "bots", text: t(lang, "ui.wait.bots") } : null;
}

/** What the room's creator may do from the lobby and the briefing: fill the open seats, invite. */
export interface RoomControlsVM {
  /** Open leader seats the creator may hand to bots (0: no such button). */
  open: number;
  /** A solo room's invitation: not yet sent, sent, or no such thing here. */
  invite: "closed" | "invited" | null;
}

export function roomControlsVM(snap: Snapshot): RoomControlsVM {
  if (!snap.creator || snap.view.ended) return { open: 0, invite: null };
  const open = snap.view.scenario.members.filter((id) => snap.seats[id]?.holder === "open").length;
  return { open, invite: snap.solo ? (snap.invited ? "invited" : "closed") : null };
}
