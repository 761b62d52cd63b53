/** What a game room keeps for each connected client, and what it lists in the matchmaker. */
import type { Client } from "@colyseus/core";
import type { Seat } from "../../shared/rules/index.ts";
import type { Reader } from "./chat.ts";

export interface UserData {
  seat: Seat | null;
  /** Counted in the synced number of spectators. */
  watching: boolean;
  muted: Set<string>;
}

export type GameClient = Client<{ userData: UserData }>;

/** The room's listing (the lobby, `GET /api/rooms`; `LobbyRoomSchema` in shared/protocol reads it). */
export interface RoomMeta {
  scenarioId: string;
  title: string;
  phase: string;
  openSeats: number;
  /** Leader seats, those a person holds, those a bot plays. */
  seats: number;
  people: number;
  bots: number;
  /** The creator's language, when it said. */
  language: "en" | "ru" | null;
  /** Gathering strangers for "Play now" (the matchmaker's filter); false once the game started. */
  quickMatch: boolean;
  /** When a gathering quick match starts with bots at the latest (wall-clock ms), else 0. */
  startsAt: number;
}

export const readerOf = (client: GameClient): Reader => ({
  seat: client.userData?.seat ?? null,
  muted: client.userData?.muted ?? new Set(),
});
