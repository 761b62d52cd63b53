/**
 * The menu's lobby in words: the public rooms as rows a stranger can join with one click, a gathering
 * quick match's countdown, and every error a person can meet in the menu, translated with what to
 * do about it. Pure (the clock is passed in).
 */
import { term, type Language } from "../../shared/i18n/index.ts";
import { checkRoomCode, type LobbyRoom } from "../../shared/protocol/index.ts";
import { formatLeft, t } from "./text.ts";
import type { Snapshot } from "./snapshot.ts";

export interface LobbyRowVM {
  code: string;
  title: string;
  /** Language, free seats, people and bots, and the phase or the quick match's countdown. */
  details: string[];
  /** A free seat to take, or only a place to watch from. */
  action: "join" | "watch";
  button: string;
  label: string;
}

/** The list, or why there is none: still loading, nothing open, the server unreachable. */
export type LobbyListVM = { kind: "rows"; rows: LobbyRowVM[] } | { kind: "note"; text: string };

export function lobbyVM(
  rooms: readonly LobbyRoom[] | "loading" | "offline",
  titles: ReadonlyMap<string, { en: string; ru: string }>,
  lang: Language,
  now: number,
): LobbyListVM {
  if (rooms === "loading") return { kind: "note", text: t(lang, "ui.lobby.list.loading") };
  if (rooms === "offline") return { kind: "note", text: t(lang, "ui.lobby.list.offline") };
  if (rooms.length === 0) return { kind: "note", text: t(lang, "ui.lobby.list.empty") };
  // Rooms gathering for Play now, and those with the most free seats, first.
  const sorted = [...rooms].sort(
    (a, b) => Number(b.quickMatch) - Number(a.quickMatch) || b.openSeats - a.openSeats,
  );
  return {
    kind: "rows",
    rows: sorted.map((room) => {
      const title = titles.get(room.scenarioId)?.[lang] ?? room.title;
      const action = room.openSeats > 0 ? "join" : "watch";
      const state =
        room.quickMatch && room.startsAt > 0
          ? t(lang, "ui.lobby.list.gathering", { time: formatLeft(room.startsAt - now) })
          : t(lang, "ui.lobby.list.phase", { phase: term(lang, room.phase) });
      return {
        code: room.code,
        title,
        details: [
          ...(room.language ? [t(lang, `ui.lobby.list.language.${room.language}`)] : []),
          t(lang, "ui.lobby.list.seats", { n: room.openSeats }),
          `${t(lang, "ui.lobby.list.people", { n: room.people })}, ${t(lang, "ui.lobby.list.bots", { n: room.bots })}`,
          state,
        ],
        action,
        button: t(lang, `ui.lobby.list.${action}`),
        label: t(lang, `ui.lobby.list.${action}Label`, { code: room.code, title }),
      };
    }),
  };
}

/** "Starting in 0:25 · 1 of 3 players" while a quick match gathers; null in any other room. */
export function gatherVM(snap: Snapshot, now: number, lang: Language): { status: string } | null {
  if (!snap.gathering) return null;
  const people = Object.values(snap.seats).filter((s) => s.holder === "human" || s.holder === "away").length;
  return {
    status: t(lang, "ui.lobby.gather.status", {
      time: formatLeft(snap.gathering.until - now),
      n: people,
      total: snap.gathering.needed,
    }),
  };
}

/**
 * A room code typed in the menu, checked before anything is sent: the code to join, or the message
 * that says what is wrong and what to do.
 */
export function codeCheck(
  typed: string,
  lang: Language,
): { ok: true; code: string } | { ok: false; text: string } {
  const checked = checkRoomCode(typed);
  if (checked.ok) return checked;
  const shown = typed.trim().slice(0, 12);
  return { ok: false, text: t(lang, `ui.lobby.error.${checked.problem}`, { code: shown }) };
}

/** Codes of a refused create or join that have a message of their own in the menu. */
const MENU_ERRORS: Record<string, string> = {
  noRoom: "ui.lobby.error.noRoom",
  connect: "ui.lobby.error.connect",
  generic: "ui.lobby.error.generic",
  ERR_SOLO_ROOM: "ui.lobby.error.solo",
  ERR_SEAT_TAKEN: "ui.lobby.error.seatTaken",
};

/** A refused create or join (a `JoinError`'s code) in the player's language, with what to do. */
export function menuErrorText(
  code: string,
  lang: Language,
  params: { code?: string; detail?: string },
): string {
  const key = MENU_ERRORS[code] ?? `ui.error.${code}`;
  const text = t(lang, key, { code: params.code ?? "", detail: params.detail ?? code });
  return text === key ? t(lang, "ui.lobby.error.generic", { detail: code }) : text;
}
