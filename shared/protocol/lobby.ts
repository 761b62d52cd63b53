/**
 * The lobby: the public rooms a stranger may join (`GET /api/rooms`), and the room code a person
 * types, checked before anything goes to the network.
 */
import { z } from "zod";
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from "./room.ts";

/** One listed room, as `GET /api/rooms` answers it (a field another version leaves out gets a default). */
export const LobbyRoomSchema = z.object({
  code: z.string().min(1).max(12),
  clients: z.number().int().min(0).default(0),
  scenarioId: z.string().max(80).default(""),
  title: z.string().max(200).default(""),
  phase: z.string().max(40).default(""),
  /** Leader seats nobody holds (a bot may play them: a person who joins takes one over). */
  openSeats: z.number().int().min(0).default(0),
  /** Leader seats, people holding one, and bots playing one. */
  seats: z.number().int().min(0).default(0),
  people: z.number().int().min(0).default(0),
  bots: z.number().int().min(0).default(0),
  language: z.enum(["en", "ru"]).nullable().default(null),
  /** Gathering strangers for "Play now" until `startsAt` (wall-clock ms; 0 once started). */
  quickMatch: z.boolean().default(false),
  startsAt: z.number().min(0).default(0),
});
export type LobbyRoom = z.infer<typeof LobbyRoomSchema>;
export const LobbyListSchema = z.array(LobbyRoomSchema).max(500);

/** Why a typed room code cannot be joined, before asking the server: empty, or not a code at all. */
export type CodeProblem = "codeEmpty" | "codeInvalid";

/**
 * A typed room code made ready to join (spaces dropped, upper case), or why it cannot be one: empty,
 * or not five characters of the code alphabet (which has no 0, O, 1 or I).
 */
export function checkRoomCode(
  typed: string,
): { ok: true; code: string } | { ok: false; problem: CodeProblem } {
  const code = typed.replace(/\s+/g, "").toUpperCase();
  if (code === "") return { ok: false, problem: "codeEmpty" };
  const pattern = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);
  return pattern.test(code) ? { ok: true, code } : { ok: false, problem: "codeInvalid" };
}
