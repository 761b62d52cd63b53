/**
 * The messages each side sends once a client is in the room: client → server (zod schemas the server
 * parses every message with), server → client, and the error codes the room adds to the rules' own.
 */
import { z } from "zod";
import { ActionSchema, ERROR_CODES, type Message } from "../rules/index.ts";
import { BOT_KINDS, STATE_IDS } from "../rules/vocabulary.ts";
import { LIMITS } from "./room.ts";

/** Client → server messages. */
export const ClientMessages = {
  /** An action of the rules, with the state version the client saw. */
  action: z.strictObject({ v: z.number().int().min(0), action: ActionSchema }),
  /** Chat: to the table, or (`to`) privately to another leader. */
  chat: z.strictObject({
    text: z.string().trim().min(1).max(LIMITS.chatLength),
    to: z.enum(STATE_IDS).optional(),
  }),
  /** Mute (or unmute) another seat's chat for this client. */
  mute: z.strictObject({ seat: z.string().max(12), muted: z.boolean() }),
  /** Solo practice: pause (or resume) the room clock and the bots. Only in a room with one human. */
  pause: z.strictObject({ paused: z.boolean() }),
  /**
   * The room's creator hands every open leader seat to a bot: of `bot`'s kind, or the room's
   * fallback kind. Only from the session that created the room (or its seat, back with its token).
   */
  fillSeats: z.strictObject({ bot: z.enum(BOT_KINDS).optional() }),
  /** A solo room's player opens it to joins by code (it stays unlisted). */
  invite: z.strictObject({}),
} as const;
export type ClientMessageType = keyof typeof ClientMessages;
export type ClientMessage<T extends ClientMessageType> = z.infer<(typeof ClientMessages)[T]>;
export const CLIENT_MESSAGE_TYPES = Object.keys(ClientMessages) as ClientMessageType[];

/** Codes of errors the room adds to the rules' own. */
export const PROTOCOL_ERROR_CODES = [
  "ERR_MALFORMED",
  "ERR_UNKNOWN_MESSAGE",
  "ERR_SPECTATOR",
  "ERR_RATE_LIMITED",
  "ERR_SEAT_TAKEN",
  "ERR_NO_SUCH_SEAT",
  "ERR_BAD_TOKEN",
  "ERR_NOT_A_LEADER",
  "ERR_STORAGE",
  "ERR_PAUSED",
  "ERR_NOT_SOLO",
  "ERR_SOLO_ROOM",
  "ERR_NOT_CREATOR",
] as const;
export const ALL_ERROR_CODES = [...ERROR_CODES, ...PROTOCOL_ERROR_CODES] as const;
export type ProtocolErrorCode = (typeof ALL_ERROR_CODES)[number];

/** Server → client messages. */
export interface ServerMessages {
  /** A refused message: the code, a translatable message, and the type of the message refused. */
  error: { code: ProtocolErrorCode; message: Message; to: string };
  /** The seat this client holds, and the token to get it back later (store it). */
  seat: {
    seat: string | null;
    token: string | null;
    code: string;
    /** This client created the room (it may hand open seats to bots, and invite to a solo room). */
    creator: boolean;
  };
  chat: ChatLine;
  /** Recent chat this client may read, sent on join. */
  chatHistory: ChatLine[];
}

export interface ChatLine {
  from: string;
  to: string | null;
  text: string;
  at: number;
}

export function protocolError(
  code: ProtocolErrorCode,
  to: string,
  params?: Message["params"],
): ServerMessages["error"] {
  return { code, to, message: params ? { key: `error.${code}`, params } : { key: `error.${code}` } };
}

/** How a seat is held, in the synced `seats` map. */
export const SEAT_HOLDERS = ["open", "human", "away", "bot"] as const;
export type SeatHolder = (typeof SEAT_HOLDERS)[number];
