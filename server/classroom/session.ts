/**
 * A classroom session as it is stored (one JSON row, see store.ts): its settings, its tables (game
 * rooms), its roster and the injects sent, with the readers of it; the commands that change it are
 * in commands.ts.
 */
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import {
  CLASS_CODE_LENGTH,
  type NewSession,
  type RosterEntry,
  type StudentSelf,
  type StudentStatus,
  type TableSetup,
} from "../../shared/protocol/classroom.ts";
import { ROOM_CODE_ALPHABET } from "../../shared/protocol/index.ts";
import { procedureFor, type StateId } from "../../shared/rules/index.ts";
import type { Scenario } from "../../shared/scenarios/schema.ts";

export interface ClassTable {
  index: number;
  /** The game room's code (its game id; a campaign's later crises are CODE-2…). */
  code: string;
  setup: TableSetup;
  started: boolean;
  paused: boolean;
}

export interface Student {
  id: string;
  name: string;
  tokenHash: string;
  /**
   * With approval required, the same name joining again (another device, another day) waits here
   * until the facilitator admits it; the student's current device keeps its seat meanwhile.
   */
  pendingHash?: string | null;
  status: StudentStatus;
  table: number | null;
  seat: string | null;
  /** The token of the seat now handed to this student (given only to them). */
  seatToken: string | null;
  /** A bot plays the seat for now. */
  bot: boolean;
  joinedAt: number;
}

export interface InjectRecord {
  at: number;
  table: number;
  gameId: string;
  event?: string;
  text?: { en: string; ru: string };
  to?: string;
  refused: string | null;
}

export interface SessionData {
  code: string;
  title: string;
  createdAt: number;
  requireApproval: boolean;
  options: Pick<
    NewSession,
    "timers" | "thinkMs" | "deliberationSeconds" | "graceSeconds" | "campaignPauseSeconds"
  >;
  tables: ClassTable[];
  students: Student[];
  nextStudent: number;
  injects: InjectRecord[];
}

export function newClassCode(): string {
  let code = "";
  for (let i = 0; i < CLASS_CODE_LENGTH; i++)
    code += ROOM_CODE_ALPHABET.charAt(randomInt(ROOM_CODE_ALPHABET.length));
  return code;
}

export const hashSecret = (token: string) => createHash("sha256").update(token).digest("base64url");

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** States of a scenario whose approval is a chamber vote (where deputies have something to do). */
export function votingStates(scenario: Scenario): StateId[] {
  return scenario.members.filter((id) => {
    const kind = procedureFor(id, scenario.date)?.kind;
    return kind === "parliament" || kind === "jointSession" || kind === "upperHouse";
  });
}

/** The student a token's hash is of; `pending`: it is their second device, not yet admitted. */
export function holderOf(
  session: SessionData,
  hash: string,
): { student: Student; pending: boolean } | undefined {
  const student = session.students.find((known) => sameHash(known.tokenHash, hash));
  if (student) return { student, pending: false };
  const second = session.students.find((known) => sameHash(known.pendingHash ?? "", hash));
  return second && { student: second, pending: true };
}

/** What a student learns about themselves. `pending`: a second device waiting to be admitted, no seat yet. */
export function selfOf(session: SessionData, student: Student, pending = false): StudentSelf {
  const table =
    student.table !== null && student.status === "admitted" && !pending
      ? session.tables[student.table]
      : undefined;
  return {
    id: student.id,
    name: student.name,
    status: pending ? "waiting" : student.status,
    table: table ? { index: table.index, code: table.code, scenario: table.setup.scenario } : null,
    seat: table ? student.seat : null,
    seatToken: table && !student.bot ? student.seatToken : null,
    bot: student.bot,
  };
}

export function rosterOf(session: SessionData): RosterEntry[] {
  return session.students.map((student) => ({
    id: student.id,
    name: student.name,
    status: student.status,
    table: student.table,
    seat: student.seat,
    bot: student.bot,
    rejoin: !!student.pendingHash,
    joinedAt: student.joinedAt,
  }));
}

export function newSession(code: string, input: NewSession, now: number): SessionData {
  return {
    code,
    title: input.title ?? "",
    createdAt: now,
    requireApproval: input.requireApproval ?? false,
    options: {
      ...(input.timers ? { timers: input.timers } : {}),
      ...(input.thinkMs !== undefined ? { thinkMs: input.thinkMs } : {}),
      ...(input.deliberationSeconds !== undefined ? { deliberationSeconds: input.deliberationSeconds } : {}),
      ...(input.graceSeconds !== undefined ? { graceSeconds: input.graceSeconds } : {}),
      ...(input.campaignPauseSeconds !== undefined
        ? { campaignPauseSeconds: input.campaignPauseSeconds }
        : {}),
    },
    tables: [],
    students: [],
    nextStudent: 1,
    injects: [],
  };
}

/** The session as the facilitator's page reads it (`GET /api/class/:code`). */
export function overviewOf(session: SessionData, scenarios: Map<string, Scenario>) {
  return {
    code: session.code,
    title: session.title,
    createdAt: session.createdAt,
    requireApproval: session.requireApproval,
    tables: session.tables.map((table) => {
      const scenario = scenarios.get(table.setup.scenario);
      return {
        index: table.index,
        code: table.code,
        ...table.setup,
        started: table.started,
        paused: table.paused,
        members: scenario?.members ?? [],
        /** The scenario's prepared events, for the inject menu. */
        events: (scenario?.events ?? []).map((event) => ({ id: event.id, text: event.text })),
      };
    }),
    roster: rosterOf(session),
    injects: session.injects,
  };
}
