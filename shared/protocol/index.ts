/**
 * What the client and the server agree on: the room's name, the messages each side sends, their zod
 * schemas, the error codes, and how the synced state encodes a view (flat JSON leaves, so that one
 * action changes a few bytes, not the whole game). The server parses every client message with these
 * schemas; the client uses the same types to send and to read.
 */
import { z } from "zod";
import {
  ActionSchema,
  ERROR_CODES,
  type LegalAction,
  type Message,
  type PublicView,
  type SeatView,
  type TimelineEntry,
  type Unavailable,
} from "../rules/index.ts";
import { BOT_KINDS, PHASES, STATE_IDS } from "../rules/vocabulary.ts";
import { en } from "../i18n/en.ts";

/** The room type a client creates or joins. */
export const ROOM_NAME = "game";

/** Room codes: no 0/O or 1/I, so a code read aloud or off a projector is typed right. */
export const ROOM_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const ROOM_CODE_LENGTH = 5;
export const RoomCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${ROOM_CODE_ALPHABET}]{4,6}$`), "not a room code");

/** A game's id: its room's code, and for a campaign's later games `-2`, `-3`… */
export const GameIdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${ROOM_CODE_ALPHABET}]{4,6}(-[0-9]{1,2})?$`), "not a game id");

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
 * Options of a new room (`client.create(ROOM_NAME, options)`). The creator's join options travel in
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
  /**
   * Play a campaign: the scenarios in date order from `scenario` on, each a game of its own, with
   * alliance credibility and grievances carried forward. Seats carry over where the state is a member.
   */
  campaign: z.boolean().optional(),
  /** Seconds the debrief of a campaign's game stays up before the next scenario begins. */
  campaignPauseSeconds: z.number().min(0).max(3600).optional(),
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

/** JSON of frozen objects (the scenario's texts, shared by every game) is computed once. */
const frozenJson = new WeakMap<object, string>();

function toJson(v: unknown): string {
  if (typeof v !== "object" || v === null || !Object.isFrozen(v)) return JSON.stringify(v);
  let json = frozenJson.get(v);
  if (json === undefined) {
    json = JSON.stringify(v);
    frozenJson.set(v, json);
  }
  return json;
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
    else out.set(path, toJson(v));
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

/**
 * Message keys of the timeline, numbered: the `log.` and `reason.` keys of the English strings, in
 * sorted order. Client and server are built from the same strings; a key not in the list travels as text.
 */
const TIMELINE_KEYS: readonly string[] = Object.keys(en)
  .filter((k) => k.startsWith("log.") || k.startsWith("reason."))
  .sort();
const KEY_INDEX = new Map(TIMELINE_KEYS.map((k, i) => [k, i]));

const packKey = (key: string): number | string => KEY_INDEX.get(key) ?? key;
const unpackKey = (key: number | string): string =>
  typeof key === "number" ? (TIMELINE_KEYS[key] ?? `log.${key}`) : key;

/**
 * A timeline entry, packed positionally: `[hour, phase index, seat, key, params, reason key, reason
 * params]`, keys as numbers (see TIMELINE_KEYS), `1` for reason params equal to the message's, and
 * trailing parts dropped. About a quarter of the entry's JSON.
 */
export function packTimelineEntry(e: TimelineEntry): string {
  const out: unknown[] = [
    e.hour,
    PHASES.indexOf(e.phase),
    e.seat,
    packKey(e.message.key),
    e.message.params ?? 0,
  ];
  if (e.reason) {
    const same = JSON.stringify(e.reason.params) === JSON.stringify(e.message.params);
    out.push(packKey(e.reason.key), e.reason.params === undefined ? 0 : same ? 1 : e.reason.params);
  }
  while (out[out.length - 1] === 0) out.pop();
  return JSON.stringify(out);
}

export function unpackTimelineEntry(packed: string): TimelineEntry {
  const [hour, phase, seat, key, params, rk, rp] = JSON.parse(packed) as [
    number,
    number,
    string,
    number | string,
    Message["params"] | 0 | undefined,
    number | string | undefined,
    Message["params"] | 0 | 1 | undefined,
  ];
  const message: Message = params ? { key: unpackKey(key), params } : { key: unpackKey(key) };
  const entry: TimelineEntry = {
    hour,
    phase: PHASES[phase] as TimelineEntry["phase"],
    seat: seat as TimelineEntry["seat"],
    message,
  };
  if (rk !== undefined) {
    const reasonParams = rp === 1 ? params || undefined : rp || undefined;
    entry.reason = reasonParams ? { key: unpackKey(rk), params: reasonParams } : { key: unpackKey(rk) };
  }
  return entry;
}

/** Legal actions as an object keyed by type, so that one action becoming legal changes one leaf. */
export function legalToObject(legal: readonly LegalAction[]): Record<string, Omit<LegalAction, "type">> {
  const out: Record<string, Omit<LegalAction, "type">> = {};
  for (const { type, ...rest } of legal) out[type] = rest;
  return out;
}

export function legalFromObject(o: Record<string, Omit<LegalAction, "type">> | undefined): LegalAction[] {
  return Object.entries(o ?? {}).map(([type, rest]) => ({ type, ...rest }) as LegalAction);
}

/** What a client decodes from the synced state's plain parts (strings and string maps). */
export interface SyncedParts {
  version: number;
  phase: string;
  scenario: string;
  pub: Iterable<[string, string]>;
  timeline: Iterable<string>;
  debrief: string;
}

/** Rebuilds the public view (the rules' `spectatorView`) from the synced state. */
export function publicViewOf(s: SyncedParts): PublicView {
  return {
    ...unflatten(s.pub),
    scenario: s.scenario ? (JSON.parse(s.scenario) as PublicView["scenario"]) : undefined,
    timeline: [...s.timeline].map(unpackTimelineEntry),
    debrief: s.debrief ? (JSON.parse(s.debrief) as PublicView["debrief"]) : null,
    version: s.version,
    phase: s.phase,
  } as PublicView;
}

/** Why each action the seat cannot take is unavailable, keyed by action type (see `unavailableActions`). */
export type UnavailableByType = Partial<Record<LegalAction["type"], Unavailable>>;

/** A seat's own view, legal actions and why the others are not, from its `secrets` entry's fields. */
export function seatViewOf(
  pub: PublicView,
  seat: string,
  fields: Iterable<[string, string]>,
): { view: SeatView; legal: LegalAction[]; unavailable: UnavailableByType } {
  const { legal, unavailable, ...own } = unflatten(fields) as {
    legal?: Record<string, Omit<LegalAction, "type">>;
    unavailable?: UnavailableByType;
  };
  const priv = Object.keys(own).length ? (own as unknown as SeatView["private"]) : null;
  return {
    view: { ...pub, seat: seat as SeatView["seat"], private: priv },
    legal: legalFromObject(legal),
    unavailable: unavailable ?? {},
  };
}
