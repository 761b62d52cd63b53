/**
 * What the client and the server agree on: the room's name, the messages each side sends, their zod
 * schemas, the error codes, and how the synced state encodes a view (flat JSON leaves, so that one
 * action changes a few bytes, not the whole game). The server parses every client message with these
 * schemas; the client uses the same types to send and to read.
 */
import { z } from "zod";
import { ActionSchema, ERROR_CODES, type Message } from "../rules/index.ts";
import { BOT_KINDS, PHASES, STATE_IDS } from "../rules/vocabulary.ts";

/** The room type a client creates or joins. */
export const ROOM_NAME = "council";

/** Room codes: no 0/O or 1/I, so a code read aloud or off a projector is typed right. */
export const ROOM_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const ROOM_CODE_LENGTH = 5;
export const RoomCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${ROOM_CODE_ALPHABET}]{4,6}$`), "not a room code");

/** Limits the server enforces (and a client may check first). */
export const LIMITS = {
  /** Characters in one chat message. */
  chatLength: 500,
  /** Chat messages per seat per window. */
  chatPerWindow: 5,
  chatWindowMs: 10_000,
  /** Messages of any kind per client per second; above it the client is cut off. */
  messagesPerSecond: 30,
  /** Bytes of one WebSocket frame; a larger frame closes the connection (1009). */
  maxFrameBytes: 16 * 1024,
  nameLength: 40,
  /** Chat lines a client receives when it joins. */
  chatHistory: 50,
} as const;

/** Seconds each phase's timer runs, by phase (debrief has none). */
export const TimersSchema = z.strictObject(
  Object.fromEntries(
    PHASES.filter((p) => p !== "debrief").map((p) => [
      p,
      z
        .number()
        .min(0.01)
        .max(24 * 3600)
        .optional(),
    ]),
  ) as Record<Exclude<(typeof PHASES)[number], "debrief">, z.ZodOptional<z.ZodNumber>>,
);
export type Timers = z.infer<typeof TimersSchema>;

/**
 * Options of a new room (`client.create("council", options)`). The creator's join options travel in
 * the same object, so each schema ignores the other's keys.
 */
export const CreateOptionsSchema = z.object({
  scenario: z.string().min(1).max(80),
  /** Fixed seed for a reproducible game; random when left out. Never sent back to clients. */
  seed: z.union([z.string().max(80), z.number().int()]).optional(),
  /** Leader seats played by a bot from the start, and the bot's kind. */
  bots: z.partialRecord(z.enum(STATE_IDS), z.enum(BOT_KINDS)).optional(),
  /** The bot kind that plays a seat whose human is absent (or never came). */
  fallbackBot: z.enum(BOT_KINDS).optional(),
  /** Human deputy seats per state. */
  deputies: z.partialRecord(z.enum(STATE_IDS), z.number().int().min(0).max(120)).optional(),
  /** Phase timers in seconds. */
  timers: TimersSchema.optional(),
  /** A bot's think delay in milliseconds. */
  thinkMs: z.number().int().min(0).max(60_000).optional(),
  /** Seconds a dropped player keeps their seat before a bot plays it. */
  graceSeconds: z.number().min(0).max(3600).optional(),
  /** Private rooms are not listed in the lobby; they are joined by code. */
  private: z.boolean().optional(),
});
export type CreateOptions = z.infer<typeof CreateOptionsSchema>;

/** Options of a join (`client.joinById(code, options)`). */
export const JoinOptionsSchema = z.object({
  /** The seat wanted: a leader ("RU") or a deputy ("KG.d1"). Left out: the server gives a free one. */
  seat: z.string().max(12).optional(),
  /** The token a client got for its seat; returns the seat after a reload or a server restart. */
  seatToken: z.string().max(80).optional(),
  name: z.string().trim().max(LIMITS.nameLength).optional(),
  spectator: z.boolean().optional(),
});
export type JoinOptions = z.infer<typeof JoinOptionsSchema>;

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
] as const;
export const ALL_ERROR_CODES = [...ERROR_CODES, ...PROTOCOL_ERROR_CODES] as const;
export type ProtocolErrorCode = (typeof ALL_ERROR_CODES)[number];

/** Server → client messages. */
export interface ServerMessages {
  /** A refused message: the code, a translatable message, and the type of the message refused. */
  error: { code: ProtocolErrorCode; message: Message; to: string };
  /** The seat this client holds, and the token to get it back later (store it). */
  seat: { seat: string | null; token: string | null; code: string };
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

/**
 * The synced state flattens a view into `path → JSON` leaves: plain objects are opened up to
 * `FLAT_DEPTH` levels (`tracks.severity`, `positions.RU`), anything else is one JSON leaf. A change
 * to one vote sends that one leaf. `unflatten` rebuilds the object.
 */
export const FLAT_DEPTH = 3;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function flatten(
  value: Record<string, unknown>,
  depth = FLAT_DEPTH,
  prefix = "",
  out = new Map<string, string>(),
): Map<string, string> {
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const path = prefix ? `${prefix}.${k}` : k;
    const keys = isPlainObject(v) ? Object.keys(v) : [];
    if (depth > 1 && keys.length > 0 && keys.every((key) => !key.includes(".")))
      flatten(v as Record<string, unknown>, depth - 1, path, out);
    else out.set(path, JSON.stringify(v));
  }
  return out;
}

export function unflatten(entries: Iterable<[string, string]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, json] of entries) {
    const keys = path.split(".");
    let node = root;
    for (const k of keys.slice(0, -1)) {
      if (!isPlainObject(node[k])) node[k] = {};
      node = node[k] as Record<string, unknown>;
    }
    node[keys[keys.length - 1] as string] = JSON.parse(json) as unknown;
  }
  return root;
}

/** The public view's parts that are synced as one JSON string each (static or rare and large). */
export const WHOLE_FIELDS = ["scenario", "debrief"] as const;
