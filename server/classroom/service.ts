/**
 * Classroom sessions (docs/game.md, "Modes"): a facilitator's session of several tables, each a game
 * room created through the matchmaker with every leader seat a bot, and students placed into seats
 * by the server handing them seat tokens (the room's own claim mechanism, reached only through the
 * table port, which no client can call). Every command is checked (the facilitator key, or the
 * student's own token), applied one at a time per session by the pure reducer (commands.ts) and its
 * effect runner (runner.ts), and logged with whether it was accepted.
 */
import { randomBytes } from "node:crypto";
import {
  type ClassErrorCode,
  type FacilitatorCommand,
  type NewSession,
  type StudentSelf,
  type TableSummary,
} from "../../shared/protocol/classroom.ts";
import type { Scenario } from "../../shared/scenarios/schema.ts";
import { matchmakerTablePort, type TablePort } from "../rooms/table-port.ts";
import type { GameStore, StoredGame } from "../storage/index.ts";
import { applyCommand, type Refusal } from "./commands.ts";
import { runCommand } from "./runner.ts";
import {
  hashSecret,
  holderOf,
  newClassCode,
  newSession,
  overviewOf,
  sameHash,
  selfOf,
  type ClassTable,
  type SessionData,
  type Student,
} from "./session.ts";
import type { ClassLogEntry, ClassStore } from "./store.ts";
import { openTable, recordsOf, tableSummary } from "./tables.ts";

interface Live {
  data: SessionData;
  keyHash: string;
  /** The stored revision this copy is at. */
  rev: number;
  queue: Promise<unknown>;
}

/** A refusal outside the commands (an unknown class, student or table); the HTTP layer picks its status. */
export class ClassError extends Error {
  readonly code: ClassErrorCode;
  constructor(code: ClassErrorCode) {
    super(code);
    this.code = code;
  }
}

export type CommandAnswer = { ok: true; body: object } | Refusal;

export class Classrooms {
  private live = new Map<string, Live>();

  private readonly store: ClassStore;
  private readonly games: GameStore;
  private readonly scenarios: Map<string, Scenario>;
  private readonly port: TablePort;

  constructor(
    store: ClassStore,
    games: GameStore,
    scenarios: Map<string, Scenario>,
    port: TablePort = matchmakerTablePort,
  ) {
    this.store = store;
    this.games = games;
    this.scenarios = scenarios;
    this.port = port;
  }

  // ── Sessions ─────────────────────────────────────────────────────────────────────────────

  async create(input: NewSession): Promise<{ code: string; key: string }> {
    const scenarios: Scenario[] = [];
    for (const setup of input.tables) {
      const scenario = this.scenarios.get(setup.scenario);
      if (!scenario) throw new ClassError("ERR_UNKNOWN_SCENARIO");
      scenarios.push(scenario);
    }
    let code = newClassCode();
    while (await this.exists(code)) code = newClassCode();
    const key = randomBytes(24).toString("base64url");
    const data = newSession(code, input, Date.now());
    const live: Live = { data, keyHash: hashSecret(key), rev: 0, queue: Promise.resolve() };
    for (const [index, setup] of input.tables.entries())
      data.tables.push(await openTable(this.port, data, scenarios[index] as Scenario, index, setup));
    const now = Date.now();
    await this.store.createSession({
      code,
      keyHash: live.keyHash,
      data: JSON.stringify(data),
      createdAt: now,
      updatedAt: now,
    });
    this.live.set(code, live);
    await this.log(live, "facilitator", { type: "create", tables: input.tables }, null);
    return { code, key };
  }

  /**
   * The session as stored now. Several server processes may share the database: each read looks at
   * the stored revision and reloads when another process saved since.
   */
  private async get(code: string): Promise<Live> {
    const row = await this.store.getSession(code);
    if (!row) throw new ClassError("ERR_NO_CLASS");
    let live = this.live.get(code);
    if (!live) {
      live = {
        data: JSON.parse(row.data) as SessionData,
        keyHash: row.keyHash,
        rev: row.rev,
        queue: Promise.resolve(),
      };
      this.live.set(code, live);
    } else if (live.rev !== row.rev) {
      live.data = JSON.parse(row.data) as SessionData;
      live.rev = row.rev;
    }
    return live;
  }

  async exists(code: string): Promise<boolean> {
    return this.live.has(code) || (await this.store.hasSession(code));
  }

  /**
   * After a restart the tables come back as rooms (replayed from their logs), paused: resume those
   * that were running when the server stopped, in every stored session.
   */
  async restore(codes: string[]): Promise<void> {
    for (const code of codes) {
      const live = await this.get(code).catch(() => undefined);
      if (!live) continue;
      for (const table of live.data.tables) {
        if (table.started && !table.paused && (await this.port.alive(table.code)))
          await this.resume(table.code).catch(() => undefined);
      }
    }
  }

  /**
   * A table's room came back in this process when a player joined its code (the process that held it
   * died): it comes back paused, and resumes here if its class was running it.
   */
  async tableRestored(tableCode: string): Promise<void> {
    const game = await this.games.getGame(tableCode);
    const classCode = (game?.options as { classSession?: unknown } | undefined)?.classSession;
    if (typeof classCode !== "string") return;
    const live = await this.get(classCode).catch(() => undefined);
    const table = live?.data.tables.find((known) => known.code === tableCode);
    if (table?.started && !table.paused) await this.resume(tableCode);
  }

  private async resume(tableCode: string): Promise<void> {
    await this.port.send(tableCode, { op: "clock", clock: "resume", seconds: 0 });
  }

  async isFacilitator(code: string, key: string): Promise<boolean> {
    const live = await this.get(code);
    return sameHash(hashSecret(key), live.keyHash);
  }

  /** One job at a time per session in this process, each on the stored session as it is then. */
  private run<T>(live: Live, job: () => Promise<T>): Promise<T> {
    const fresh = async () => {
      await this.get(live.data.code);
      return job();
    };
    const next = live.queue.then(fresh, fresh);
    live.queue = next.catch(() => undefined);
    return next;
  }

  /** Saves the session as `data`, unless another process saved first (then false: try again). */
  private async save(live: Live, data: SessionData): Promise<boolean> {
    const saved = await this.store.updateSession(live.data.code, JSON.stringify(data), live.rev, Date.now());
    if (saved) {
      live.data = data;
      live.rev += 1;
    } else await this.get(live.data.code);
    return saved;
  }

  private async log(live: Live, actor: string, command: unknown, refused: string | null): Promise<void> {
    await this.store.appendLog(live.data.code, { at: Date.now(), actor, command, refused });
  }

  /** Logs a refused attempt (a student trying a facilitator command, a bad key). */
  async refused(code: string, actor: string, command: unknown, error: ClassErrorCode): Promise<void> {
    const live = await this.get(code).catch(() => undefined);
    if (live) await this.run(live, () => this.log(live, actor, command, error));
  }

  // ── Students ─────────────────────────────────────────────────────────────────────────────

  /**
   * A student joins with the class code and a name. The same name again is the same student (a new
   * day, another device): they get a new token and keep their seat.
   */
  async join(
    code: string,
    name: string,
  ): Promise<{ ok: true; token: string; student: StudentSelf } | Refusal> {
    const live = await this.get(code);
    return this.run(live, async () => {
      const token = randomBytes(18).toString("base64url");
      const tokenHash = hashSecret(token);
      const command = { type: "join", name } as const;
      const result = applyCommand(live.data, { ...command, tokenHash }, context());
      const refusal = !result.ok ? result : !(await this.save(live, result.session)) ? conflict : null;
      if (refusal) {
        await this.log(live, "student", command, refusal.code);
        return refusal;
      }
      const session = live.data;
      const key = name.toLocaleLowerCase();
      const student = session.students.find((known) => known.name.toLocaleLowerCase() === key) as Student;
      await this.log(live, `student:${student.id}`, command, null);
      return { ok: true, token, student: selfOf(session, student, student.pendingHash === tokenHash) };
    });
  }

  async studentByToken(code: string, token: string): Promise<Student> {
    return (await this.byToken(code, token)).student;
  }

  async me(code: string, token: string): Promise<StudentSelf> {
    const { session, student, pending } = await this.byToken(code, token);
    return selfOf(session, student, pending);
  }

  private async byToken(code: string, token: string) {
    const { data: session } = await this.get(code);
    const found = holderOf(session, hashSecret(token));
    if (!found) throw new ClassError("ERR_NOT_STUDENT");
    return { session, ...found };
  }

  // ── The facilitator ──────────────────────────────────────────────────────────────────────

  async overview(code: string) {
    return overviewOf((await this.get(code)).data, this.scenarios);
  }

  /**
   * Runs one facilitator command (the key was checked by the caller), saves the session and logs the
   * command with its refusal, if any. A table call that failed is thrown, after the save and the log.
   */
  async command(code: string, command: FacilitatorCommand): Promise<CommandAnswer> {
    const live = await this.get(code);
    return this.run(live, async () => {
      const run = await runCommand(this.port, live.data, command);
      const saved = !run.changed || (await this.save(live, run.session));
      const answer = saved ? run.answer : conflict;
      await this.log(live, "facilitator", command, answer.ok ? null : answer.code);
      if (run.failure !== undefined) throw run.failure;
      return answer;
    });
  }

  // ── The dashboard, the drill-in and the records ─────────────────────────────────────────

  async dashboard(code: string): Promise<TableSummary[]> {
    const { data } = await this.get(code);
    return Promise.all(data.tables.map((table) => tableSummary(this.port, this.games, table)));
  }

  /** One table in full, private briefs included: for the facilitator only. */
  async drill(code: string, index: number): Promise<unknown> {
    const { data } = await this.get(code);
    const table = data.tables[index];
    if (!table) throw new ClassError("ERR_NO_SUCH_TABLE");
    return tableSummary(this.port, this.games, table, true);
  }

  /** A table's game records: its code, and a campaign's later crises CODE-2, CODE-3… */
  recordsOf(table: ClassTable): Promise<StoredGame[]> {
    return recordsOf(this.games, table);
  }

  async session(code: string): Promise<SessionData> {
    return (await this.get(code)).data;
  }

  async classLog(code: string): Promise<ClassLogEntry[]> {
    return this.store.log(code);
  }
}

const conflict: Refusal = { ok: false, code: "ERR_CONFLICT" };
const context = () => ({ now: Date.now(), tables: new Map(), shuffled: [] });
