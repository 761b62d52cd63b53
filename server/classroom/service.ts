/**
 * Classroom sessions (GAME.md §9): a facilitator's session of several tables, each a council room
 * created through the matchmaker with every leader seat a bot, and students placed into seats by the
 * server handing them seat tokens (the council room's own claim mechanism, through its `class*`
 * methods, which no client can call). Every command is checked (the facilitator key, or the
 * student's own token), applied one at a time per session, and logged with whether it was accepted.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import {
  CLASS_CODE_LENGTH,
  type ClassErrorCode,
  type FacilitatorCommand,
  type NewSession,
  type RosterEntry,
  type StudentSelf,
  type StudentStatus,
  type TableSetup,
  type TableSummary,
} from "../../shared/protocol/classroom.ts";
import { ROOM_CODE_ALPHABET, ROOM_NAME, type CreateOptions } from "../../shared/protocol/index.ts";
import { procedureFor, type StateId } from "../../shared/rules/index.ts";
import type { Scenario } from "../../shared/scenarios/schema.ts";
import { RESTORE_KEY } from "../rooms/open-game.ts";
import { matchmakerTablePort } from "../rooms/table-port.ts";
import type { GameStore, StoredGame } from "../storage/index.ts";
import type { ClassLogEntry, ClassStore } from "./store.ts";

export interface ClassTable {
  index: number;
  /** The council room's code (its game id; a campaign's later games are CODE-2…). */
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
  options: Pick<NewSession, "timers" | "thinkMs" | "graceSeconds" | "campaignPauseSeconds">;
  tables: ClassTable[];
  students: Student[];
  nextStudent: number;
  injects: InjectRecord[];
}

interface Live {
  data: SessionData;
  keyHash: string;
  /** The stored revision this copy is at. */
  rev: number;
  queue: Promise<unknown>;
}

export class ClassError extends Error {
  readonly code: ClassErrorCode;
  readonly status: number;
  constructor(code: ClassErrorCode, status = 400) {
    super(code);
    this.code = code;
    this.status = status;
  }
}

export const hashSecret = (token: string) => createHash("sha256").update(token).digest("base64url");

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function newClassCode(): string {
  let code = "";
  for (let i = 0; i < CLASS_CODE_LENGTH; i++)
    code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
  return code;
}

/** States of a scenario whose approval is a chamber vote (where deputies have something to do). */
export function votingStates(scenario: Scenario): StateId[] {
  return scenario.members.filter((id) => {
    const kind = procedureFor(id, scenario.date)?.kind;
    return kind === "parliament" || kind === "jointSession" || kind === "upperHouse";
  });
}

type RoomResult = { ok: boolean; code?: string; token?: string };

export class Classrooms {
  private live = new Map<string, Live>();

  private readonly store: ClassStore;
  private readonly games: GameStore;
  private readonly scenarios: Map<string, Scenario>;

  constructor(store: ClassStore, games: GameStore, scenarios: Map<string, Scenario>) {
    this.store = store;
    this.games = games;
    this.scenarios = scenarios;
  }

  // ── Sessions ─────────────────────────────────────────────────────────────────────────────

  async create(input: NewSession): Promise<{ code: string; key: string }> {
    for (const t of input.tables)
      if (!this.scenarios.has(t.scenario)) throw new ClassError("ERR_UNKNOWN_SCENARIO");
    let code = newClassCode();
    while (this.live.has(code) || (await this.store.hasSession(code))) code = newClassCode();
    const key = randomBytes(24).toString("base64url");
    const data: SessionData = {
      code,
      title: input.title ?? "",
      createdAt: Date.now(),
      requireApproval: input.requireApproval ?? false,
      options: {
        ...(input.timers ? { timers: input.timers } : {}),
        ...(input.thinkMs !== undefined ? { thinkMs: input.thinkMs } : {}),
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
    const live: Live = { data, keyHash: hashSecret(key), rev: 0, queue: Promise.resolve() };
    for (const [index, setup] of input.tables.entries())
      data.tables.push(await this.openTable(data, index, setup));
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

  /** A table: a private council room, every leader a bot until a student is seated, paused until started. */
  private async openTable(data: SessionData, index: number, setup: TableSetup): Promise<ClassTable> {
    const scenario = this.scenarios.get(setup.scenario) as Scenario;
    const bots = Object.fromEntries(scenario.members.map((id) => [id, "historical"]));
    const deputies = Object.fromEntries(votingStates(scenario).map((id) => [id, setup.deputies ?? 0]));
    const options: CreateOptions & { classSession: string; key: string } = {
      scenario: setup.scenario,
      bots,
      fallbackBot: "historical",
      deputies,
      private: true,
      ...(setup.campaign ? { campaign: true } : {}),
      ...(setup.seed !== undefined ? { seed: setup.seed } : {}),
      ...(data.options.timers ? { timers: data.options.timers } : {}),
      ...(data.options.thinkMs !== undefined ? { thinkMs: data.options.thinkMs } : {}),
      ...(data.options.graceSeconds !== undefined ? { graceSeconds: data.options.graceSeconds } : {}),
      ...(data.options.campaignPauseSeconds !== undefined
        ? { campaignPauseSeconds: data.options.campaignPauseSeconds }
        : {}),
      classSession: data.code,
      key: RESTORE_KEY,
    };
    const room = await matchMaker.createRoom(ROOM_NAME, options);
    await matchmakerTablePort.send(room.roomId, { op: "clock", clock: "pause", seconds: 0 });
    return { index, code: room.roomId, setup, started: false, paused: true };
  }

  /**
   * The session as stored now. Several server processes may share the database: each read looks at
   * the stored revision and reloads when another process saved since.
   */
  private async get(code: string): Promise<Live> {
    const row = await this.store.getSession(code);
    if (!row) throw new ClassError("ERR_NO_CLASS", 404);
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
      for (const t of live.data.tables) {
        if (t.started && !t.paused && (await this.roomAlive(t.code)))
          await matchmakerTablePort
            .send(t.code, { op: "clock", clock: "resume", seconds: 0 })
            .catch(() => undefined);
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
    const t = live?.data.tables.find((x) => x.code === tableCode);
    if (t?.started && !t.paused)
      await matchmakerTablePort.send(tableCode, { op: "clock", clock: "resume", seconds: 0 });
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

  /** Saves the session, unless another process saved it first (then ERR_CONFLICT: try again). */
  private async save(live: Live): Promise<void> {
    const ok = await this.store.updateSession(
      live.data.code,
      JSON.stringify(live.data),
      live.rev,
      Date.now(),
    );
    if (ok) live.rev += 1;
    else {
      await this.get(live.data.code);
      throw new ClassError("ERR_CONFLICT", 409);
    }
  }

  private async log(live: Live, actor: string, command: unknown, refused: string | null): Promise<void> {
    await this.store.appendLog(live.data.code, { at: Date.now(), actor, command, refused });
  }

  /** Logs a refused attempt (a student trying a facilitator command, a bad key). */
  async refused(code: string, actor: string, command: unknown, error: ClassErrorCode): Promise<void> {
    const live = await this.get(code).catch(() => undefined);
    if (live) await this.run(live, () => this.log(live, actor, command, error));
  }

  private async roomAlive(roomCode: string): Promise<boolean> {
    return (await matchMaker.query({ roomId: roomCode })).length > 0;
  }

  // ── Students ─────────────────────────────────────────────────────────────────────────────

  /**
   * A student joins with the class code and a name. The same name again is the same student (a new
   * day, another device): they get a new token and keep their seat.
   */
  async join(code: string, name: string): Promise<{ token: string; student: StudentSelf }> {
    const live = await this.get(code);
    return this.run(live, async () => {
      const d = live.data;
      const key = name.toLocaleLowerCase();
      let s = d.students.find((x) => x.name.toLocaleLowerCase() === key);
      if (s?.status === "removed") {
        await this.log(live, "student", { type: "join", name }, "ERR_NAME_TAKEN");
        throw new ClassError("ERR_NAME_TAKEN", 409);
      }
      const token = randomBytes(18).toString("base64url");
      if (s && d.requireApproval && s.status === "admitted") s.pendingHash = hashSecret(token);
      else if (s) s.tokenHash = hashSecret(token);
      else {
        s = {
          id: `s${d.nextStudent++}`,
          name,
          tokenHash: hashSecret(token),
          status: d.requireApproval ? "waiting" : "admitted",
          table: null,
          seat: null,
          seatToken: null,
          bot: false,
          joinedAt: Date.now(),
        };
        d.students.push(s);
      }
      await this.save(live);
      await this.log(live, `student:${s.id}`, { type: "join", name }, null);
      return { token, student: this.selfOf(d, s, s.pendingHash === hashSecret(token)) };
    });
  }

  async studentByToken(code: string, token: string): Promise<Student> {
    const live = await this.get(code);
    const hash = hashSecret(token);
    const s = live.data.students.find(
      (x) => sameHash(x.tokenHash, hash) || sameHash(x.pendingHash ?? "", hash),
    );
    if (!s) throw new ClassError("ERR_NOT_STUDENT", 403);
    return s;
  }

  async me(code: string, token: string): Promise<StudentSelf> {
    const { data } = await this.get(code);
    const hash = hashSecret(token);
    const s = data.students.find((x) => sameHash(x.tokenHash, hash));
    if (s) return this.selfOf(data, s);
    const pending = data.students.find((x) => sameHash(x.pendingHash ?? "", hash));
    if (pending) return this.selfOf(data, pending, true);
    throw new ClassError("ERR_NOT_STUDENT", 403);
  }

  /** `pending`: the asker is a second device waiting to be admitted: no seat for it yet. */
  private selfOf(d: SessionData, s: Student, pending = false): StudentSelf {
    const t = s.table !== null && s.status === "admitted" && !pending ? d.tables[s.table] : undefined;
    return {
      id: s.id,
      name: s.name,
      status: pending ? "waiting" : s.status,
      table: t ? { index: t.index, code: t.code, scenario: t.setup.scenario } : null,
      seat: t ? s.seat : null,
      seatToken: t && !s.bot ? s.seatToken : null,
      bot: s.bot,
    };
  }

  // ── The facilitator ──────────────────────────────────────────────────────────────────────

  roster(d: SessionData): RosterEntry[] {
    return d.students.map((s) => ({
      id: s.id,
      name: s.name,
      status: s.status,
      table: s.table,
      seat: s.seat,
      bot: s.bot,
      rejoin: !!s.pendingHash,
      joinedAt: s.joinedAt,
    }));
  }

  async overview(code: string) {
    const { data: d } = await this.get(code);
    return {
      code: d.code,
      title: d.title,
      createdAt: d.createdAt,
      requireApproval: d.requireApproval,
      tables: d.tables.map((t) => ({
        index: t.index,
        code: t.code,
        ...t.setup,
        started: t.started,
        paused: t.paused,
        members: this.scenarios.get(t.setup.scenario)?.members ?? [],
        /** The scenario's prepared events, for the inject menu. */
        events: (this.scenarios.get(t.setup.scenario)?.events ?? []).map((e) => ({ id: e.id, text: e.text })),
      })),
      roster: this.roster(d),
      injects: d.injects,
    };
  }

  /** Runs one facilitator command (the key was checked by the caller), logs it, saves the session. */
  async command(code: string, cmd: FacilitatorCommand): Promise<unknown> {
    const live = await this.get(code);
    return this.run(live, async () => {
      try {
        const result = await this.apply(live.data, cmd);
        await this.save(live);
        await this.log(live, "facilitator", cmd, null);
        return result;
      } catch (err) {
        const code = err instanceof ClassError ? err.code : "ERR_TABLE";
        await this.save(live);
        await this.log(live, "facilitator", cmd, code);
        throw err instanceof ClassError ? err : new ClassError("ERR_TABLE", 500);
      }
    });
  }

  private student(d: SessionData, id: string): Student {
    const s = d.students.find((x) => x.id === id);
    if (!s) throw new ClassError("ERR_NO_SUCH_STUDENT", 404);
    return s;
  }

  private table(d: SessionData, index: number): ClassTable {
    const t = d.tables[index];
    if (!t) throw new ClassError("ERR_NO_SUCH_TABLE", 404);
    return t;
  }

  private targets(d: SessionData, ref: number | "all"): ClassTable[] {
    return ref === "all" ? d.tables : [this.table(d, ref)];
  }

  /** Takes a student's seat away from them (a bot plays it). */
  private async release(d: SessionData, s: Student): Promise<void> {
    if (s.table !== null && s.seat) {
      const t = this.table(d, s.table);
      if (await this.roomAlive(t.code))
        await matchmakerTablePort.send(t.code, { op: "release", seat: s.seat });
    }
    s.seatToken = null;
  }

  private async place(d: SessionData, s: Student, table: number, seat: string): Promise<void> {
    const t = this.table(d, table);
    if (s.table !== null && s.seat && (s.table !== table || s.seat !== seat)) await this.release(d, s);
    const other = d.students.find((x) => x !== s && x.table === table && x.seat === seat);
    if (other) Object.assign(other, { table: null, seat: null, seatToken: null, bot: false });
    const r = await matchmakerTablePort.send(t.code, { op: "seat", seat, name: s.name });
    if (!r.ok) throw new ClassError(r.code === "ERR_NO_SUCH_SEAT" ? "ERR_NO_SUCH_SEAT" : "ERR_TABLE");
    Object.assign(s, { table, seat, seatToken: r.token, bot: false });
  }

  private async seatsOf(t: ClassTable): Promise<{ seat: string; leader: boolean }[]> {
    if (!(await this.roomAlive(t.code))) return [];
    const snap = await matchmakerTablePort.send(t.code, { op: "snapshot", full: false });
    return snap.seats.map((x) => ({ seat: x.seat, leader: x.leader }));
  }

  private async apply(d: SessionData, cmd: FacilitatorCommand): Promise<unknown> {
    switch (cmd.type) {
      case "admit":
      case "reject": {
        const s = this.student(d, cmd.student);
        if (s.pendingHash) {
          // A second device under this name: admitted, it becomes the student's (the old one's token
          // stops working); turned away, the student is untouched.
          if (cmd.type === "admit") s.tokenHash = s.pendingHash;
          s.pendingHash = null;
        } else if (cmd.type === "admit") s.status = "admitted";
        else {
          await this.release(d, s);
          Object.assign(s, { status: "removed", table: null, seat: null, bot: false });
        }
        return { ok: true };
      }
      case "rename": {
        const s = this.student(d, cmd.student);
        const key = cmd.name.toLocaleLowerCase();
        if (d.students.some((x) => x !== s && x.name.toLocaleLowerCase() === key))
          throw new ClassError("ERR_NAME_TAKEN", 409);
        s.name = cmd.name;
        if (s.table !== null && s.seat)
          await matchmakerTablePort.send(this.table(d, s.table).code, {
            op: "rename",
            seat: s.seat,
            name: s.name,
          });
        return { ok: true };
      }
      case "remove": {
        const s = this.student(d, cmd.student);
        await this.release(d, s);
        // The student's token no longer opens anything.
        Object.assign(s, {
          status: "removed",
          table: null,
          seat: null,
          bot: false,
          tokenHash: "",
          pendingHash: null,
        });
        return { ok: true };
      }
      case "requireApproval":
        d.requireApproval = cmd.value;
        return { ok: true };
      case "autoSeat":
        return this.autoSeat(d, cmd.shuffle === true);
      case "seat": {
        const s = this.student(d, cmd.student);
        if (s.status !== "admitted") s.status = "admitted";
        const seats = await this.seatsOf(this.table(d, cmd.table));
        if (!seats.some((x) => x.seat === cmd.seat)) throw new ClassError("ERR_NO_SUCH_SEAT", 404);
        await this.place(d, s, cmd.table, cmd.seat);
        return { ok: true };
      }
      case "unseat": {
        const s = this.student(d, cmd.student);
        await this.release(d, s);
        Object.assign(s, { table: null, seat: null, bot: false });
        return { ok: true };
      }
      case "bot": {
        const s = this.student(d, cmd.student);
        if (s.table === null || !s.seat) throw new ClassError("ERR_NOT_SEATED", 409);
        if (cmd.back) await this.place(d, s, s.table, s.seat);
        else {
          await this.release(d, s);
          s.bot = true;
        }
        return { ok: true };
      }
      case "control": {
        const results: RoomResult[] = [];
        for (const t of this.targets(d, cmd.table)) {
          const op = cmd.op === "start" ? "resume" : cmd.op;
          if (cmd.op === "start") t.started = true;
          const r = (await this.roomAlive(t.code))
            ? await matchmakerTablePort.send(t.code, { op: "clock", clock: op, seconds: cmd.seconds ?? 60 })
            : { ok: false, code: "ERR_GAME_OVER" };
          if (r.ok && (op === "pause" || op === "resume")) t.paused = op === "pause";
          results.push(r);
        }
        if (cmd.table !== "all" && !results[0]?.ok) throw new ClassError("ERR_TABLE", 409);
        return { ok: true, results };
      }
      case "inject": {
        const action = {
          type: "inject" as const,
          ...(cmd.event ? { event: cmd.event } : {}),
          ...(cmd.text ? { text: cmd.text } : {}),
          ...(cmd.to ? { to: cmd.to } : {}),
        };
        const results: RoomResult[] = [];
        for (const t of this.targets(d, cmd.table)) {
          const alive = await this.roomAlive(t.code);
          const r = alive
            ? await matchmakerTablePort.send(t.code, { op: "inject", action })
            : { ok: false, code: "ERR_GAME_OVER" };
          const gameId = alive ? ((await this.snapshot(t)).gameId ?? t.code) : t.code;
          d.injects.push({
            at: Date.now(),
            table: t.index,
            gameId,
            ...(cmd.event ? { event: cmd.event } : {}),
            ...(cmd.text ? { text: cmd.text } : {}),
            ...(cmd.to ? { to: cmd.to } : {}),
            refused: r.ok ? null : (r.code ?? "ERR_TABLE"),
          });
          results.push(r);
        }
        if (cmd.table !== "all" && !results[0]?.ok) throw new ClassError("ERR_TABLE", 409);
        return { ok: true, results };
      }
    }
  }

  /**
   * Seats every admitted student who has none, one at a time at the table with the fewest students:
   * its first free leader seat, else its first free deputy seat.
   */
  private async autoSeat(d: SessionData, shuffle = false): Promise<{ ok: true; seated: number }> {
    const seats = await Promise.all(d.tables.map((t) => this.seatsOf(t)));
    let order = d.students;
    if (shuffle) {
      for (const s of d.students) {
        if (s.status !== "admitted" || !s.seat) continue;
        await this.release(d, s);
        Object.assign(s, { table: null, seat: null, bot: false });
      }
      order = [...d.students];
      for (let i = order.length - 1; i > 0; i--) {
        const j = randomInt(i + 1);
        [order[i], order[j]] = [order[j] as Student, order[i] as Student];
      }
    }
    let seated = 0;
    for (const s of order) {
      if (s.status !== "admitted" || s.seat) continue;
      const free = d.tables.map((_t, i) => {
        const taken = new Set(d.students.filter((x) => x.table === i && x.seat).map((x) => x.seat));
        const open = (seats[i] ?? []).filter((x) => !taken.has(x.seat));
        return { i, count: taken.size, seat: open.find((x) => x.leader) ?? open[0] };
      });
      const best = free
        .filter((f) => f.seat)
        .sort(
          (a, b) => Number(!a.seat?.leader) - Number(!b.seat?.leader) || a.count - b.count || a.i - b.i,
        )[0];
      if (!best?.seat) break;
      await this.place(d, s, best.i, best.seat.seat);
      seated++;
    }
    return { ok: true, seated };
  }

  // ── The dashboard, the drill-in and the records ─────────────────────────────────────────

  private async snapshot(t: ClassTable, full = false): Promise<TableSummary & Record<string, unknown>> {
    if (await this.roomAlive(t.code)) {
      const snap = await matchmakerTablePort.send(t.code, { op: "snapshot", full });
      return { ...snap, index: t.index, started: t.started };
    }
    // The room is gone (the game ended and everyone left): the record has the result.
    const games = await this.recordsOf(t);
    const last = games[games.length - 1];
    return {
      index: t.index,
      code: t.code,
      scenarioId: last?.scenarioId ?? t.setup.scenario,
      started: t.started,
      gameId: last?.id ?? t.code,
      part: games.length,
      parts: games.length,
      phase: "debrief",
      version: last?.log.length ?? 0,
      clock: 0,
      deadline: 0,
      paused: false,
      ended: true,
      tracks: (last?.result?.tracks ?? {}) as unknown as Record<string, unknown>,
      appeal: null,
      proposal: null,
      decision: null,
      seats: (last?.claims ?? []).map((c) => ({
        seat: c.seat,
        leader: !c.seat.includes("."),
        holder: "open",
        name: c.name,
        pending: false,
        absent: false,
      })),
      chat: last?.chat.length ?? 0,
      outcome: (last?.result ?? null) as Record<string, unknown> | null,
    };
  }

  async dashboard(code: string): Promise<TableSummary[]> {
    const { data } = await this.get(code);
    return Promise.all(data.tables.map((t) => this.snapshot(t)));
  }

  /** One table in full, private briefs included: for the facilitator only. */
  async drill(code: string, index: number): Promise<unknown> {
    const { data } = await this.get(code);
    return this.snapshot(this.table(data, index), true);
  }

  /** A table's game records: its code, and a campaign's later games CODE-2, CODE-3… */
  async recordsOf(t: ClassTable): Promise<StoredGame[]> {
    const out: StoredGame[] = [];
    for (let n = 1; n <= 12; n++) {
      const g = await this.games.getGame(n === 1 ? t.code : `${t.code}-${n}`);
      if (!g) break;
      out.push(g);
    }
    return out;
  }

  async session(code: string): Promise<SessionData> {
    return (await this.get(code)).data;
  }

  async classLog(code: string): Promise<ClassLogEntry[]> {
    return this.store.log(code);
  }
}
