/**
 * The classroom's one transition function, shaped like the rules' `apply` (shared/rules/apply.ts):
 * `applyCommand(session, command, context)` answers `{ ok: true, session, effects }` or
 * `{ ok: false, code }`. It never throws for a refusal and never mutates its input (it works on a
 * copy and drops it on refusal). It does no I/O: what it needs from the tables (their seats, their
 * current game) is read before it is called (`tablesRead`), and what it wants done to them comes
 * back as effects, typed requests of the table port (server/rooms/table-port.ts).
 *
 * An effect whose answer matters (a seat's token, whether the clock or an inject was taken) is fed
 * back by the effect runner (runner.ts) as the follow-up command `replied`, applied like any other.
 */
import type { ClassErrorCode, FacilitatorCommand } from "../../shared/protocol/classroom.ts";
import type { Effect, TableAnswer, TableFacts } from "./effects.ts";
import { autoSeat, place, release } from "./seating.ts";
import type { ClassTable, SessionData, Student } from "./session.ts";

export type ClassCommand =
  | FacilitatorCommand
  /** A student joins under a name (the token is made and hashed by the caller). */
  | { type: "join"; name: string; tokenHash: string }
  /** The runner's follow-up: a table answered an effect. */
  | { type: "replied"; effect: Effect; reply: TableAnswer };

export interface CommandContext {
  /** The time, for what a command leaves behind (a new student, an inject record). */
  now: number;
  /** The tables `tablesRead(command)` names, by index; null when the room is gone. */
  tables: ReadonlyMap<number, TableFacts | null>;
  /** For `autoSeat` with `shuffle`: the students' ids in a random order. */
  shuffled: readonly string[];
}

export type Refusal = { ok: false; code: ClassErrorCode };
export type CommandResult = { ok: true; session: SessionData; effects: Effect[] } | Refusal;

const refuse = (code: ClassErrorCode): Refusal => ({ ok: false, code });

/** The tables (indexes) a command needs read before it is applied. */
export function tablesRead(session: SessionData, command: ClassCommand): number[] {
  const all = session.tables.map((table) => table.index);
  switch (command.type) {
    case "seat":
      return [command.table];
    case "autoSeat":
      return all;
    case "inject":
      return command.table === "all" ? all : [command.table];
    default:
      return [];
  }
}

export function applyCommand(
  session: SessionData,
  command: ClassCommand,
  context: CommandContext,
): CommandResult {
  const draft = structuredClone(session);
  const effects = run(draft, command, context);
  return Array.isArray(effects) ? { ok: true, session: draft, effects } : effects;
}

function studentIn(session: SessionData, id: string): Student | Refusal {
  return session.students.find((student) => student.id === id) ?? refuse("ERR_NO_SUCH_STUDENT");
}

function targetsOf(session: SessionData, ref: number | "all"): ClassTable[] | Refusal {
  if (ref === "all") return session.tables;
  const table = session.tables[ref];
  return table ? [table] : refuse("ERR_NO_SUCH_TABLE");
}

const isRefusal = (value: object): value is Refusal => "ok" in value;

/** Changes the draft; answers the effects, or a refusal (the draft is then dropped). */
function run(draft: SessionData, command: ClassCommand, context: CommandContext): Effect[] | Refusal {
  switch (command.type) {
    case "join":
      return join(draft, command.name, command.tokenHash, context.now);
    case "replied":
      return replied(draft, command.effect, command.reply);
    case "requireApproval":
      draft.requireApproval = command.value;
      return [];
    case "autoSeat":
      return autoSeat(draft, context.tables, command.shuffle === true ? context.shuffled : null);
    case "control":
    case "inject":
      return tableCommand(draft, command, context);
  }
  const student = studentIn(draft, command.student);
  if (isRefusal(student)) return student;
  switch (command.type) {
    case "admit":
    case "reject":
      if (student.pendingHash) {
        // A second device under this name: admitted, it becomes the student's (the old one's token
        // stops working); turned away, the student is untouched.
        if (command.type === "admit") student.tokenHash = student.pendingHash;
        student.pendingHash = null;
        return [];
      }
      if (command.type === "admit") {
        student.status = "admitted";
        return [];
      }
      return leave(student, { status: "removed" });
    case "rename": {
      const key = command.name.toLocaleLowerCase();
      if (draft.students.some((other) => other !== student && other.name.toLocaleLowerCase() === key))
        return refuse("ERR_NAME_TAKEN");
      student.name = command.name;
      if (student.table === null || !student.seat) return [];
      return [{ table: student.table, request: { op: "rename", seat: student.seat, name: student.name } }];
    }
    case "remove":
      // The student's token no longer opens anything.
      return leave(student, { status: "removed", tokenHash: "", pendingHash: null });
    case "seat": {
      student.status = "admitted";
      const table = draft.tables[command.table];
      if (!table) return refuse("ERR_NO_SUCH_TABLE");
      const seats = context.tables.get(command.table)?.seats ?? [];
      if (!seats.some((free) => free.seat === command.seat)) return refuse("ERR_NO_SUCH_SEAT");
      return place(draft, student, command.table, command.seat);
    }
    case "unseat":
      return leave(student, {});
    case "bot": {
      if (student.table === null || !student.seat) return refuse("ERR_NOT_SEATED");
      if (command.back) return place(draft, student, student.table, student.seat);
      const effects = release(student);
      student.bot = true;
      return effects;
    }
  }
}

/** Takes the student's seat away (a bot plays it) and leaves them without one. */
function leave(student: Student, change: Partial<Student>): Effect[] {
  const effects = release(student);
  Object.assign(student, { table: null, seat: null, bot: false }, change);
  return effects;
}

/** The same name again is the same student (a new day, another device); a removed name stays out. */
function join(draft: SessionData, name: string, tokenHash: string, now: number): Effect[] | Refusal {
  const key = name.toLocaleLowerCase();
  const student = draft.students.find((known) => known.name.toLocaleLowerCase() === key);
  if (student?.status === "removed") return refuse("ERR_NAME_TAKEN");
  if (student && draft.requireApproval && student.status === "admitted") student.pendingHash = tokenHash;
  else if (student) student.tokenHash = tokenHash;
  else {
    draft.students.push({
      id: `s${draft.nextStudent}`,
      name,
      tokenHash,
      status: draft.requireApproval ? "waiting" : "admitted",
      table: null,
      seat: null,
      seatToken: null,
      bot: false,
      joinedAt: now,
    });
    draft.nextStudent += 1;
  }
  return [];
}

/** Clock control or an inject, at one table or at all of them. */
function tableCommand(
  draft: SessionData,
  command: Extract<FacilitatorCommand, { type: "control" | "inject" }>,
  context: CommandContext,
): Effect[] | Refusal {
  const targets = targetsOf(draft, command.table);
  if (isRefusal(targets)) return targets;
  if (command.type === "control") {
    const clock = command.op === "start" ? "resume" : command.op;
    return targets.map((table) => {
      if (command.op === "start") table.started = true;
      return { table: table.index, request: { op: "clock", clock, seconds: command.seconds ?? 60 } };
    });
  }
  const what = {
    ...(command.event ? { event: command.event } : {}),
    ...(command.text ? { text: command.text } : {}),
    ...(command.to ? { to: command.to } : {}),
  };
  return targets.map((table) => ({
    table: table.index,
    request: { op: "inject", action: { type: "inject", ...what } },
    record: {
      at: context.now,
      table: table.index,
      gameId: context.tables.get(table.index)?.gameId ?? table.code,
      ...what,
    },
  }));
}

/** A table's answer: a seat's token, a pause taken, an inject's record (refused or not). */
function replied(draft: SessionData, effect: Effect, reply: TableAnswer): Effect[] | Refusal {
  if ("student" in effect) {
    if (!reply.ok || !reply.token)
      return refuse(!reply.ok && reply.code === "ERR_NO_SUCH_SEAT" ? "ERR_NO_SUCH_SEAT" : "ERR_TABLE");
    const student = studentIn(draft, effect.student);
    if (isRefusal(student)) return student;
    student.seatToken = reply.token;
  } else if ("record" in effect) {
    draft.injects.push({ ...effect.record, refused: reply.ok ? null : reply.code });
  } else if (effect.request.op === "clock" && reply.ok) {
    const table = draft.tables[effect.table];
    const clock = effect.request.clock;
    if (table && (clock === "pause" || clock === "resume")) table.paused = clock === "pause";
  }
  return [];
}

/** A table's answer to an effect, as the runner saw it. */
export interface Done {
  effect: Effect;
  reply: TableAnswer;
}

/** What the facilitator is answered once every effect ran: a table that refused a single-table command refuses it. */
export function answerOf(command: ClassCommand, done: readonly Done[]): { ok: true; body: object } | Refusal {
  if (command.type === "control" || command.type === "inject") {
    const results = done
      .filter(({ effect }) => effect.request.op === "clock" || effect.request.op === "inject")
      .map(({ reply }) => reply);
    if (command.table !== "all" && !results[0]?.ok) return refuse("ERR_TABLE");
    return { ok: true, body: { ok: true, results } };
  }
  if (command.type === "autoSeat")
    return { ok: true, body: { ok: true, seated: done.filter(({ effect }) => "student" in effect).length } };
  return { ok: true, body: { ok: true } };
}
