/**
 * The game room: its registered name, its codes, the limits the server enforces, and the options a
 * client creates or joins it with (zod schemas the server parses them with).
 */
import { z } from "zod";
import { BOT_KINDS, PHASES, STATE_IDS } from "../rules/vocabulary.ts";

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
    PHASES.filter((phase) => phase !== "debrief").map((phase) => [
      phase,
      z
        .number()
        .min(0.01)
        .max(24 * 3600)
        .optional(),
    ]),
  ) as Record<Exclude<(typeof PHASES)[number], "debrief">, z.ZodOptional<z.ZodNumber>>,
);
export type Timers = z.infer<typeof TimersSchema>;

/** How fast the bots move in a solo game: the menu's choice, mapped to a bot's think delay. */
export const PACES = ["fast", "slow"] as const;
export type Pace = (typeof PACES)[number];
/**
 * A bot's think delay at each pace, as a share of the server's default think delay (2.5 s unless
 * the server is told otherwise): slow is that default, a pace to read each move; fast, under a
 * second. An explicit `thinkMs` wins over the pace.
 */
export const PACE_FACTOR: Record<Pace, number> = { fast: 0.3, slow: 1 };

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
  /** A bot's think delay in milliseconds (one public bot move per delay). */
  thinkMs: z.number().int().min(0).max(60_000).optional(),
  /** The bots' pace in a solo game; sets `thinkMs` unless that is given. */
  pace: z.enum(PACES).optional(),
  /**
   * Seconds of real time the bots hold a move that would end the phase (or call the vote) while a
   * person still has a decision to make; restarts with each new phase and each new text. 0: no hold.
   */
  deliberationSeconds: z.number().min(0).max(3600).optional(),
  /** Seconds a dropped player keeps their seat before a bot plays it. */
  graceSeconds: z.number().min(0).max(3600).optional(),
  /** Private rooms are not listed in the lobby; they are joined by code. */
  private: z.boolean().optional(),
  /**
   * Solo practice: the room belongs to its creator. It is not listed, and nobody else joins it, not
   * even by code, until the creator sends `invite`.
   */
  solo: z.boolean().optional(),
  /**
   * Play a campaign: the scenarios in date order from `scenario` on, each a game of its own, with
   * alliance credibility and grievances carried forward. Seats carry over where the state is a member.
   */
  campaign: z.boolean().optional(),
  /** Seconds the debrief of a campaign's game stays up before the next scenario begins. */
  campaignPauseSeconds: z.number().min(0).max(3600).optional(),
  /**
   * "Play now": a public room that gathers strangers. The matchmaker's `joinOrCreate` with
   * `{ quickMatch: true }` finds one still gathering, or makes one; it starts when enough people are
   * in (the server's `quickMatchPlayers`) or after `quickWaitSeconds`, and bots take the other seats.
   */
  quickMatch: z.boolean().optional(),
  /** Seconds of real time a quick-match room gathers people before it starts with bots. */
  quickWaitSeconds: z.number().min(0).max(600).optional(),
  /** The language its creator plays in (the lobby shows it, so strangers can find a shared one). */
  language: z.enum(["en", "ru"]).optional(),
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
