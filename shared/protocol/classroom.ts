/**
 * Classroom mode (docs/game.md, "Classroom"): what the facilitator's and the students' clients send to
 * the server's classroom API, as zod schemas the server parses every request with, and the shapes it
 * answers with.
 * A session has a short class code (same alphabet as room codes, one character longer) and a
 * facilitator key; the server keeps only the key's hash.
 */
import { z } from "zod";
import { STATE_IDS } from "../rules/vocabulary.ts";
import { LIMITS, ROOM_CODE_ALPHABET, TimersSchema } from "./room.ts";

export const CLASS_CODE_LENGTH = 6;
export const ClassCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${ROOM_CODE_ALPHABET}]{${CLASS_CODE_LENGTH}}$`), "not a class code");

/** A student's display name: visible to their table, the full roster only to the facilitator. */
export const StudentNameSchema = z.string().trim().min(1).max(LIMITS.nameLength);

export const TableSetupSchema = z.strictObject({
  scenario: z.string().min(1).max(80),
  /** Play the scenarios in date order from `scenario` on. */
  campaign: z.boolean().optional(),
  /**
   * Deputies per state whose approval is a chamber vote (0: leaders only). The rules give deputy
   * seats only to states whose procedure is a vote.
   */
  deputies: z.number().int().min(0).max(10).optional(),
  seed: z.union([z.string().max(80), z.number().int()]).optional(),
});
export type TableSetup = z.infer<typeof TableSetupSchema>;

export const NewSessionSchema = z.strictObject({
  tables: z.array(TableSetupSchema).min(1).max(8),
  timers: TimersSchema.optional(),
  /** Students wait in a list until the facilitator admits them. */
  requireApproval: z.boolean().optional(),
  /** A bot's think delay in milliseconds (tests make it fast). */
  thinkMs: z.number().int().min(0).max(60_000).optional(),
  /** Seconds a bot chair waits for silent students before it decides for the table (0: no window). */
  deliberationSeconds: z.number().min(0).max(3600).optional(),
  /** Seconds a dropped student keeps their seat before a bot plays it. */
  graceSeconds: z.number().min(0).max(3600).optional(),
  /** Campaign tables: seconds each game's debrief stays up before the next crisis begins. */
  campaignPauseSeconds: z.number().min(0).max(3600).optional(),
  title: z.string().trim().max(80).optional(),
});
export type NewSession = z.infer<typeof NewSessionSchema>;

const studentId = z.string().regex(/^s[0-9]{1,4}$/, "not a student id");
const tableRef = z.union([z.number().int().min(0).max(7), z.literal("all")]);
const seat = z.string().regex(/^[A-Z]{2}(\.d[0-9]{1,3})?$/, "not a seat");

/** Everything a facilitator can do; each is refused without the facilitator key, and logged. */
export const FacilitatorCommandSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("admit"), student: studentId }),
  z.strictObject({ type: z.literal("reject"), student: studentId }),
  z.strictObject({ type: z.literal("rename"), student: studentId, name: StudentNameSchema }),
  z.strictObject({ type: z.literal("remove"), student: studentId }),
  z.strictObject({ type: z.literal("requireApproval"), value: z.boolean() }),
  /** Seats every admitted student without a seat, balanced across the tables (leaders first). */
  z.strictObject({
    type: z.literal("autoSeat"),
    /** First unseat everyone, in a random order: new roles for the whole class. */
    shuffle: z.boolean().optional(),
  }),
  /** Seats (or reseats) one student by hand; whoever held that seat is left without one. */
  z.strictObject({
    type: z.literal("seat"),
    student: studentId,
    table: z.number().int().min(0).max(7),
    seat,
  }),
  z.strictObject({ type: z.literal("unseat"), student: studentId }),
  /** Hands an (absent) student's seat to a bot; `back` returns it to the student. */
  z.strictObject({ type: z.literal("bot"), student: studentId, back: z.boolean().optional() }),
  z.strictObject({
    type: z.literal("control"),
    table: tableRef,
    op: z.enum(["start", "pause", "resume", "skip", "end", "extend"]),
    seconds: z.number().min(1).max(3600).optional(),
  }),
  /** The scenario's prepared event, or a short text on the spot (to one leader: a secret instruction). */
  z.strictObject({
    type: z.literal("inject"),
    table: tableRef,
    event: z.string().min(1).max(80).optional(),
    text: z
      .strictObject({ en: z.string().trim().min(1).max(500), ru: z.string().trim().min(1).max(500) })
      .optional(),
    to: z.enum(STATE_IDS).optional(),
  }),
]);
export type FacilitatorCommand = z.infer<typeof FacilitatorCommandSchema>;
export type FacilitatorCommandType = FacilitatorCommand["type"];

export const JoinClassSchema = z.strictObject({ name: StudentNameSchema });

/** Error codes of the classroom API (HTTP answers `{ error: code }`). */
export const CLASS_ERROR_CODES = [
  "ERR_MALFORMED",
  "ERR_NO_CLASS",
  "ERR_NOT_FACILITATOR",
  "ERR_NOT_STUDENT",
  "ERR_RATE_LIMITED",
  "ERR_NO_SUCH_STUDENT",
  "ERR_NO_SUCH_TABLE",
  "ERR_NO_SUCH_SEAT",
  "ERR_NOT_SEATED",
  "ERR_NAME_TAKEN",
  "ERR_UNKNOWN_SCENARIO",
  "ERR_TABLE",
  /** Another server process changed the session at the same moment: try again. */
  "ERR_CONFLICT",
] as const;
export type ClassErrorCode = (typeof CLASS_ERROR_CODES)[number];

export type StudentStatus = "waiting" | "admitted" | "removed";

/** What a student's client learns about itself (`GET /api/class/:code/me`). */
export interface StudentSelf {
  id: string;
  name: string;
  status: StudentStatus;
  /** The table (its room code) and seat, with the token to claim it; null while unseated. */
  table: { index: number; code: string; scenario: string } | null;
  seat: string | null;
  seatToken: string | null;
  /** A bot plays the seat for now. */
  bot: boolean;
}

/** A student as the facilitator's roster shows them. */
export interface RosterEntry {
  id: string;
  name: string;
  status: StudentStatus;
  table: number | null;
  seat: string | null;
  bot: boolean;
  /** The same name joined again from another device and waits to be admitted (approval required). */
  rejoin: boolean;
  joinedAt: number;
}

/** One table on the dashboard. */
export interface TableSummary {
  index: number;
  code: string;
  scenarioId: string;
  started: boolean;
  gameId: string;
  /** Which crisis of the table's campaign this is (1 of 1 outside a campaign), and how many it has. */
  crisis: number;
  crises: number;
  phase: string;
  version: number;
  clock: number;
  deadline: number;
  paused: boolean;
  ended: boolean;
  tracks: Record<string, unknown>;
  appeal: unknown;
  proposal: unknown;
  decision: unknown;
  /** `absent`: a student holds the seat but is not connected. */
  seats: { seat: string; leader: boolean; holder: string; name: string; pending: boolean; absent: boolean }[];
  chat: number;
  outcome: Record<string, unknown> | null;
}
