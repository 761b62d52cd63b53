/**
 * The council room: one game of one scenario, as a thin shell around the rules. It maps sessions to
 * seats, runs the phase timers and the bots on the room clock, parses every message with the shared
 * schemas, calls `apply`, writes each accepted action to the store before anyone sees its result,
 * and projects the new state (public fields for all, private ones into each seat's StateView).
 *
 * Every change to the game goes through one queue, so actions from clients, bots and timers are
 * applied one at a time in the order they are logged.
 */
import { createHash, randomBytes, randomInt } from "node:crypto";
import {
  CloseCode,
  matchMaker,
  Protocol,
  Room,
  ServerError,
  type Client,
  type Delayed,
  type RoomException,
  type RoomMethodName,
} from "@colyseus/core";
import { decode, StateView, type Iterator } from "@colyseus/schema";
import { unpack } from "msgpackr";
import { createBot, seatOrder, botStep, type Bot } from "../../shared/bots/index.ts";
import {
  ClientMessages,
  CreateOptionsSchema,
  JoinOptionsSchema,
  LIMITS,
  protocolError,
  ROOM_CODE_ALPHABET,
  ROOM_CODE_LENGTH,
  type ChatLine,
  type CreateOptions,
  type ProtocolErrorCode,
  type SeatHolder,
  type ServerMessages,
  type Timers,
} from "../../shared/protocol/index.ts";
import {
  ActionSchema,
  apply,
  campaignOrder,
  carryForward,
  createGame,
  deputySeats,
  legalActions,
  outcomeOf,
  replay,
  spectatorView,
  view,
  type Action,
  type GameState,
  type LoggedAction,
  type Message,
  type Seat,
  type StateId,
  type BotKind,
  type CampaignCarry,
} from "../../shared/rules/index.ts";
import type { StoredGame } from "../storage/index.ts";
import { projectPublic, projectSecret } from "../sync/project.ts";
import { CouncilState, SeatInfo } from "../sync/schema.ts";
import { recordActionMs } from "./metrics.ts";
import { roomServices } from "./services.ts";
import type { TableReply, TableRequest, TableSnapshot } from "./table-port.ts";

interface UserData {
  seat: Seat | null;
  /** Counted in the synced number of spectators. */
  watching: boolean;
  muted: Set<string>;
}

type CouncilClient = Client<{ userData: UserData }>;

interface Slot {
  seat: Seat;
  leader: boolean;
  /** Configured as a bot seat (a human may still take it over). */
  botKind: BotKind | null;
  claim: { tokenHash: string; name: string } | null;
  /** The session holding the seat now. */
  sessionId: string | null;
  /** Dropped (or restarted) and within the grace period: the seat waits for its human. */
  away: boolean;
  awayTimer: Delayed | null;
}

export interface RoomMeta {
  scenarioId: string;
  title: string;
  phase: string;
  openSeats: number;
}

/** Options only the server itself passes: a restart recreates a room from its record. */
interface RestoreOptions {
  restore: string;
  key: string;
}

export const RESTORE_KEY = randomBytes(16).toString("hex");

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

function newCode(): string {
  let code = "";
  for (let i = 0; i < ROOM_CODE_LENGTH; i++) code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
  return code;
}

export class CouncilRoom extends Room<{ state: CouncilState; metadata: RoomMeta; client: CouncilClient }> {
  override state = new CouncilState();
  /** Patches go out right after each change, not on a fixed tick: the game is turn-based. */
  override patchRate: number | null = null;
  /** An unfinished game keeps its room (bots and timers finish it) until it ends. */
  override autoDispose = false;
  override maxMessagesPerSecond: number = LIMITS.messagesPerSecond;

  private game!: GameState;
  private log: LoggedAction[] = [];
  /** The store's id of the game now played: the room code, or `CODE-2`… in a campaign. */
  private gameId = "";
  /** A campaign's scenarios from the first on (one entry otherwise), and the index of the one played. */
  private parts: string[] = [];
  private part = 0;
  private campaignTimer: Delayed | null = null;
  /** What the previous games of this campaign passed on to the one now played. */
  private carry: CampaignCarry | undefined;
  private options!: CreateOptions;
  private timers!: Required<Timers>;
  private thinkMs = 0;
  private graceSeconds = 0;
  private slots = new Map<Seat, Slot>();
  private bots = new Map<Seat, Bot>();
  private chat: ChatLine[] = [];
  private chatTimes = new Map<string, number[]>();
  private queue: Promise<void> = Promise.resolve();
  private chatQueue: Promise<void> = Promise.resolve();
  private phaseTimer: Delayed | null = null;
  private botTimer: Delayed | null = null;
  /** Bumped each time a phase timer is armed, so a stale expiry already queued does nothing. */
  private timerGen = 0;
  private finished = false;
  /** Solo practice: paused, with what was left of the phase timer. */
  private paused = false;
  /** Shutting down: actions are refused (they would not reach the store before the room goes). */
  private stopping = false;
  private pausedLeftMs = 0;
  /** A classroom table: seats only by the tokens the classroom hands out (server/classroom). */
  private classSession: string | null = null;

  override async onCreate(raw: unknown): Promise<void> {
    const { store, scenarios, defaults } = roomServices();
    const restore = raw as Partial<RestoreOptions>;
    let stored: StoredGame | undefined;
    if (typeof restore?.restore === "string" && restore.key === RESTORE_KEY) {
      stored = await store.getGame(restore.restore);
      if (!stored) throw new ServerError(404, `no game ${restore.restore}`);
      this.options = stored.options;
    } else {
      const parsed = CreateOptionsSchema.safeParse(raw ?? {});
      if (!parsed.success)
        throw new ServerError(400, `bad room options: ${parsed.error.issues[0]?.message ?? ""}`);
      this.options = parsed.data;
      const cls = (raw ?? {}) as { classSession?: unknown; key?: unknown };
      if (typeof cls.classSession === "string" && cls.key === RESTORE_KEY)
        this.options = { ...parsed.data, classSession: cls.classSession } as CreateOptions;
    }
    const opts = this.options;
    this.classSession = (opts as { classSession?: string }).classSession ?? null;
    const first = scenarios.get(opts.scenario);
    if (!first) throw new ServerError(400, `unknown scenario: ${opts.scenario}`);
    this.parts = opts.campaign
      ? campaignOrder(scenarios.values())
          .map((sc) => sc.id)
          .filter((_id, i, all) => i >= all.indexOf(first.id))
      : [first.id];
    const scenario = scenarios.get(stored?.scenarioId ?? opts.scenario);
    if (!scenario) throw new ServerError(400, `unknown scenario: ${stored?.scenarioId}`);
    this.timers = { ...defaults.timers, ...opts.timers };
    this.thinkMs = opts.thinkMs ?? defaults.thinkMs;
    this.graceSeconds = opts.graceSeconds ?? defaults.graceSeconds;

    if (stored) {
      const r = replay(
        {
          rulesVersion: stored.rulesVersion,
          scenarioId: stored.scenarioId,
          seed: stored.seed,
          seats: stored.seats,
          ...(stored.carry ? { carry: stored.carry } : {}),
          log: stored.log,
        },
        (id) => scenarios.get(id),
      );
      if (!r.ok)
        throw new ServerError(500, `game ${stored.id} does not replay: action ${r.index}: ${r.error.code}`);
      this.game = r.state;
      this.log = stored.log.map(({ seat, action }) => ({ seat, action }));
      this.chat = stored.chat.map((c) => ({ ...c }));
      const [code, n] = stored.id.split("-");
      this.roomId = code as string;
      this.gameId = stored.id;
      this.part = n ? Number(n) - 1 : 0;
      this.carry = stored.carry;
    } else {
      const seed = String(opts.seed ?? randomBytes(8).toString("hex"));
      this.game = createGame({ scenario, seed, seats: { deputies: opts.deputies ?? {} } });
      let code = newCode();
      while ((await store.hasGame(code)) || (await this.codeInUse(code))) code = newCode();
      await store.createGame({
        id: code,
        scenarioId: scenario.id,
        seed,
        rulesVersion: this.game.rulesVersion,
        seats: this.game.seats,
        options: opts,
        createdAt: Date.now(),
      });
      this.roomId = code;
      this.gameId = code;
    }

    this.buildSlots();
    for (const c of stored?.claims ?? []) {
      const slot = this.slots.get(c.seat as Seat);
      if (!slot) continue;
      slot.claim = { tokenHash: c.tokenHash, name: c.name };
      // After a restart, a seat's human gets the grace period to come back before a bot plays it.
      this.markAway(slot);
    }

    this.state.code = this.roomId;
    this.state.spectators = 0;
    this.state.deadline = 0;
    this.state.part = this.part + 1;
    this.state.parts = this.parts.length;
    projectPublic(this.state, this.game);
    this.refreshSeats();
    this.metadata = {
      scenarioId: scenario.id,
      title: scenario.title.en,
      phase: this.game.phase,
      openSeats: this.openSeats(),
    };
    if (opts.private) await this.setPrivate(true);

    this.onMessage("action", (client, payload) => this.onAction(client, payload));
    this.onMessage("chat", (client, payload) => this.onChat(client, payload));
    this.onMessage("mute", (client, payload) => this.onMute(client, payload));
    this.onMessage("pause", (client, payload) => this.onPause(client, payload));
    this.onMessage("*", (client, type) =>
      this.sendError(client, "ERR_UNKNOWN_MESSAGE", String(type), { type: String(type).slice(0, 40) }),
    );

    if (this.game.ended) this.finishLocally();
    else {
      this.armPhaseTimer();
      this.scheduleBots();
      // A classroom table comes back from a restart paused; its classroom resumes it if it ran.
      if (stored && this.classSession) this.setPaused(true);
    }
  }

  /**
   * The seats of the game now played: a leader per member, its deputies. Slots of seats that stay
   * (a campaign's next game) keep their holders; the holders of seats that go become spectators.
   */
  private buildSlots(): void {
    const old = this.slots;
    this.slots = new Map();
    const keep = (seat: Seat, leader: boolean, botKind: BotKind | null) => {
      const slot = old.get(seat) ?? {
        seat,
        leader,
        botKind,
        claim: null,
        sessionId: null,
        away: false,
        awayTimer: null,
      };
      old.delete(seat);
      this.slots.set(seat, slot);
    };
    for (const id of this.game.scenario.members) {
      keep(id, true, this.options.bots?.[id] ?? null);
      for (const d of deputySeats(this.game, id)) keep(d, false, null);
    }
    for (const gone of old.values()) {
      this.clearAway(gone);
      const client = gone.sessionId ? this.clients.get(gone.sessionId) : undefined;
      if (client?.userData) {
        client.userData.seat = null;
        client.userData.watching = true;
        this.state.spectators += 1;
      }
      this.state.seats.delete(gone.seat);
      this.state.secrets.delete(gone.seat);
    }
    for (const slot of this.slots.values())
      if (!this.state.seats.has(slot.seat)) this.state.seats.set(slot.seat, new SeatInfo());
  }

  /**
   * The process is stopping (SIGTERM): no new timer or bot move starts, what is queued is stored,
   * and only then are the clients told to go. The record stays unfinished, so the game comes back
   * (here after a restart, or in another process) when its players join its code again.
   */
  override async onBeforeShutdown(): Promise<void> {
    this.stopping = true;
    this.phaseTimer?.clear();
    this.botTimer?.clear();
    this.campaignTimer?.clear();
    for (const slot of this.slots.values()) this.clearAway(slot);
    // Bounded: a job queued while draining is waited for too, up to a few rounds.
    for (let i = 0; i < 5; i++) {
      const q = this.queue;
      const c = this.chatQueue;
      await Promise.all([q, c]);
      if (q === this.queue && c === this.chatQueue) break;
    }
    await this.disconnect(CloseCode.SERVER_SHUTDOWN);
  }

  private async codeInUse(code: string): Promise<boolean> {
    return (await matchMaker.query({ roomId: code })).length > 0;
  }

  /** A bug in a handler is logged; it never takes the process (and every other room) down. */
  override onUncaughtException(err: RoomException, method: RoomMethodName): void {
    const cause = err.cause;
    // A refused join (a taken seat, a bad token) is an answer to the client, not a fault.
    if (cause instanceof ServerError && cause.code < 500) return;
    console.error(`room ${this.roomId}: ${method}:`, cause ?? err);
  }

  // ── Seats ──────────────────────────────────────────────────────────────────────────────

  override async onJoin(client: CouncilClient, raw: unknown): Promise<void> {
    const parsed = JoinOptionsSchema.safeParse(raw ?? {});
    if (!parsed.success)
      throw new ServerError(400, `bad join options: ${parsed.error.issues[0]?.message ?? ""}`);
    const opts = parsed.data;
    client.userData = { seat: null, watching: false, muted: new Set() };
    client.view = new StateView();
    let token: string | null = null;
    let slot: Slot | undefined;

    if (opts.seatToken) {
      const hash = hashToken(opts.seatToken);
      slot = [...this.slots.values()].find((s) => s.claim?.tokenHash === hash);
      if (!slot) throw new ServerError(403, "ERR_BAD_TOKEN");
      token = opts.seatToken;
      this.evict(slot);
    } else if (this.classSession && opts.seat) {
      // A classroom's seats are handed out by the facilitator's classroom, never taken by a join.
      throw new ServerError(403, "ERR_CLASSROOM_SEAT");
    } else if (!opts.spectator && !this.classSession) {
      if (opts.seat) {
        slot = this.slots.get(opts.seat as Seat);
        if (!slot) throw new ServerError(404, "ERR_NO_SUCH_SEAT");
        if (slot.sessionId || slot.away) throw new ServerError(409, "ERR_SEAT_TAKEN");
      } else {
        const free = [...this.slots.values()].filter((s) => !s.sessionId && !s.away && s.leader);
        slot = free.find((s) => !s.claim && !s.botKind) ?? free.find((s) => !s.claim) ?? free[0];
      }
      if (slot) {
        token = randomBytes(18).toString("base64url");
        const claim = { tokenHash: hashToken(token), name: opts.name || slot.seat };
        await roomServices().store.claimSeat(this.gameId, { seat: slot.seat, ...claim });
        // A seat can be claimed by two joins racing; the later one finds it taken.
        if (slot.sessionId || slot.away) throw new ServerError(409, "ERR_SEAT_TAKEN");
        slot.claim = claim;
      }
    }

    if (slot) {
      if (opts.name && slot.claim) slot.claim.name = opts.name;
      this.clearAway(slot);
      slot.sessionId = client.sessionId;
      client.userData.seat = slot.seat;
      client.view.add(projectSecret(this.state, this.game, slot.seat));
    } else {
      client.userData.watching = true;
      this.state.spectators += 1;
    }
    this.refreshSeats();
    client.send("seat", {
      seat: slot?.seat ?? null,
      token,
      code: this.roomId,
    } satisfies ServerMessages["seat"]);
    client.send(
      "chatHistory",
      this.chatFor(client).slice(-LIMITS.chatHistory) satisfies ServerMessages["chatHistory"],
    );
    this.broadcastPatch();
    this.scheduleBots();
  }

  /** A seat's token was presented by a new connection: the old one, if any, loses the seat. */
  private evict(slot: Slot): void {
    if (!slot.sessionId) return;
    const old = this.clients.get(slot.sessionId);
    slot.sessionId = null;
    if (old?.userData) old.userData.seat = null;
    old?.leave(CloseCode.CONSENTED, "seat taken by a newer connection");
  }

  override onDrop(client: CouncilClient): void {
    const slot = this.slotOf(client);
    if (slot) {
      slot.away = true;
      this.refreshSeats();
      this.broadcastPatch();
    }
    // Not awaited: when the grace period ends the reconnection is rejected and Colyseus calls onLeave.
    this.allowReconnection(client, this.graceSeconds).catch(() => undefined);
  }

  override onReconnect(client: CouncilClient): void {
    const slot = this.slotOf(client);
    if (slot) {
      slot.away = false;
      this.refreshSeats();
      this.broadcastPatch();
    }
  }

  override onLeave(client: CouncilClient): void {
    const slot = this.slotOf(client);
    if (slot) {
      slot.sessionId = null;
      this.clearAway(slot);
      this.refreshSeats();
      this.broadcastPatch();
      this.scheduleBots();
    } else if (client.userData?.watching) {
      client.userData.watching = false;
      this.state.spectators -= 1;
      this.broadcastPatch();
    }
  }

  private slotOf(client: CouncilClient): Slot | undefined {
    const seat = client.userData?.seat;
    const slot = seat ? this.slots.get(seat) : undefined;
    return slot && slot.sessionId === client.sessionId ? slot : undefined;
  }

  private markAway(slot: Slot): void {
    this.clearAway(slot);
    slot.away = true;
    slot.awayTimer = this.clock.setTimeout(() => {
      slot.away = false;
      slot.awayTimer = null;
      this.refreshSeats();
      this.broadcastPatch();
      this.scheduleBots();
    }, this.graceSeconds * 1000);
  }

  private clearAway(slot: Slot): void {
    slot.away = false;
    slot.awayTimer?.clear();
    slot.awayTimer = null;
  }

  /** Does a bot play this seat now? A configured bot seat nobody took, or an absent human's seat after the briefing. */
  private botPlays(slot: Slot): boolean {
    if (!slot.leader || slot.sessionId || slot.away) return false;
    return slot.botKind !== null || this.game.phase !== "briefing";
  }

  private holderOf(slot: Slot): SeatHolder {
    if (slot.away) return "away";
    if (slot.sessionId) return "human";
    return this.botPlays(slot) ? "bot" : "open";
  }

  private refreshSeats(): void {
    for (const slot of this.slots.values()) {
      const info = this.state.seats.get(slot.seat);
      if (!info) continue;
      const holder = this.holderOf(slot);
      const name = slot.claim?.name ?? "";
      const bot = holder === "bot" ? (slot.botKind ?? this.options.fallbackBot ?? "historical") : "";
      if (info.holder !== holder) info.holder = holder;
      if (info.name !== name) info.name = name;
      if (info.bot !== bot) info.bot = bot;
    }
    const open = this.openSeats();
    if (this.metadata && this.metadata.openSeats !== open) void this.updateMeta();
  }

  private openSeats(): number {
    let n = 0;
    for (const s of this.slots.values()) if (s.leader && !s.sessionId && !s.away) n++;
    return n;
  }

  private async updateMeta(): Promise<void> {
    if (!this.metadata) return;
    await this.setMetadata({ ...this.metadata, phase: this.game.phase, openSeats: this.openSeats() }).catch(
      () => undefined,
    );
  }

  // ── Input ──────────────────────────────────────────────────────────────────────────────

  private sendError(
    client: CouncilClient,
    code: ProtocolErrorCode,
    to: string,
    params?: Message["params"],
  ): void {
    client.send("error", protocolError(code, to, params));
  }

  private onAction(client: CouncilClient, payload: unknown): void {
    const seat = client.userData?.seat;
    if (!seat) return this.sendError(client, "ERR_SPECTATOR", "action");
    if (this.paused) return this.sendError(client, "ERR_PAUSED", "action");
    if (this.stopping) return this.sendError(client, "ERR_STORAGE", "action");
    const parsed = ClientMessages.action.safeParse(payload);
    if (!parsed.success) {
      const action = ActionSchema.safeParse((payload as { action?: unknown } | null)?.action);
      const code: ProtocolErrorCode = action.success ? "ERR_MALFORMED" : "ERR_INVALID_ACTION";
      return this.sendError(client, code, "action", {
        detail: (parsed.error.issues[0]?.message ?? "").slice(0, 200),
      });
    }
    const { v, action } = parsed.data;
    const received = performance.now();
    void this.enqueue(async () => {
      const slot = this.slotOf(client);
      if (!slot) return this.sendError(client, "ERR_NOT_YOUR_ROLE", "action");
      if (v !== this.game.version)
        return this.sendError(client, "ERR_STALE_VERSION", "action", { version: this.game.version });
      const r = apply(this.game, seat, action);
      if (!r.ok) {
        client.send("error", {
          code: r.error.code,
          message: r.error.message,
          to: "action",
        } satisfies ServerMessages["error"]);
        return;
      }
      try {
        await this.commit(seat, action, r.state);
        recordActionMs(performance.now() - received);
      } catch (err) {
        console.error(`room ${this.roomId}: could not store an action:`, err);
        this.sendError(client, "ERR_STORAGE", "action");
      }
    });
  }

  private enqueue(job: () => Promise<void> | void): Promise<void> {
    if (this.stopping) return this.queue;
    const run = this.queue.then(job).catch((err: unknown) => console.error(`room ${this.roomId}:`, err));
    this.queue = run;
    return run;
  }

  /** Stores the accepted action, and only then makes it the room's state and sends it out. */
  private async commit(seat: Seat, action: Action, next: GameState): Promise<void> {
    const at = Date.now();
    await roomServices().store.appendAction(this.gameId, this.log.length, { seat, action, at });
    const phaseBefore = this.game.phase;
    this.log.push({ seat, action });
    this.game = next;
    projectPublic(this.state, next);
    for (const slot of this.slots.values())
      if (this.state.secrets.has(slot.seat)) projectSecret(this.state, next, slot.seat);
    if (next.phase !== phaseBefore) {
      this.refreshSeats();
      void this.updateMeta();
    }
    if (next.ended) {
      // The result is on record before anyone sees the debrief.
      await roomServices().store.finishGame(this.gameId, outcomeOf(next), at);
      if (this.part + 1 < this.parts.length) await this.prepareNextPart();
      else this.finishLocally();
      this.broadcastPatch();
      return;
    }
    if (next.phase !== phaseBefore || action.type === "timerExpired") this.armPhaseTimer();
    this.broadcastPatch();
    this.scheduleBots();
  }

  /**
   * A campaign's game has ended: the next one is stored at once (so a restart resumes the campaign
   * there), and begins after the debrief pause, carrying credibility and grievances forward.
   */
  private async prepareNextPart(): Promise<void> {
    const { store, scenarios } = roomServices();
    const nextPart = this.part + 1;
    const scenario = scenarios.get(this.parts[nextPart] as string);
    if (!scenario) return this.finishLocally();
    const carry = carryForward(this.game, this.carry);
    const seed = `${this.game.seed.replace(/#\d+$/, "")}#${nextPart + 1}`;
    const nextGame = createGame({ scenario, seed, seats: { deputies: this.options.deputies ?? {} }, carry });
    const nextId = `${this.roomId}-${nextPart + 1}`;
    await store.createGame({
      id: nextId,
      scenarioId: scenario.id,
      seed,
      rulesVersion: nextGame.rulesVersion,
      seats: nextGame.seats,
      carry,
      options: this.options,
      createdAt: Date.now(),
    });
    for (const slot of this.slots.values()) {
      if (slot.claim && (scenario.members as readonly string[]).includes(slot.seat.split(".")[0] as string)) {
        await store.claimSeat(nextId, { seat: slot.seat, ...slot.claim });
      }
    }
    this.phaseTimer?.clear();
    this.botTimer?.clear();
    this.botTimer = null;
    const pauseMs = Math.round((this.options.campaignPauseSeconds ?? 120) * 1000);
    this.state.deadline = Date.now() + pauseMs;
    this.campaignTimer = this.clock.setTimeout(() => {
      void this.enqueue(() => this.startPart(nextPart, nextId, nextGame, carry));
    }, pauseMs);
  }

  private startPart(part: number, gameId: string, game: GameState, carry: CampaignCarry): void {
    this.campaignTimer = null;
    this.carry = carry;
    this.part = part;
    this.gameId = gameId;
    this.game = game;
    this.log = [];
    this.bots.clear();
    this.buildSlots();
    this.state.scenario = "";
    this.state.timeline.clear();
    this.state.part = part + 1;
    projectPublic(this.state, game);
    for (const slot of this.slots.values())
      if (this.state.secrets.has(slot.seat)) projectSecret(this.state, game, slot.seat);
    this.refreshSeats();
    if (this.metadata) {
      void this.setMetadata({
        ...this.metadata,
        scenarioId: game.scenario.id,
        title: game.scenario.title.en,
      }).then(() => this.updateMeta());
    }
    this.armPhaseTimer();
    this.broadcastPatch();
    this.scheduleBots();
  }

  private finishLocally(): void {
    this.finished = true;
    this.campaignTimer?.clear();
    this.phaseTimer?.clear();
    this.botTimer?.clear();
    this.state.deadline = 0;
    this.autoDispose = true;
  }

  // ── The room clock: phase timers and bots ───────────────────────────────────────────────

  private armPhaseTimer(leftMs?: number): void {
    this.phaseTimer?.clear();
    const phase = this.game.phase;
    if (phase === "debrief") return;
    const ms = leftMs ?? Math.round(this.timers[phase] * 1000);
    const gen = ++this.timerGen;
    this.state.deadline = Date.now() + ms;
    this.phaseTimer = this.clock.setTimeout(() => {
      void this.enqueue(() => (gen === this.timerGen ? this.expire() : undefined));
    }, ms);
  }

  private async expire(): Promise<void> {
    if (this.finished || this.paused) return;
    const r = apply(this.game, "system", { type: "timerExpired" });
    if (!r.ok) return;
    await this.commit("system", { type: "timerExpired" }, r.state);
  }

  private scheduleBots(): void {
    if (this.finished || this.botTimer || this.paused) return;
    this.botTimer = this.clock.setTimeout(() => {
      this.botTimer = null;
      void this.enqueue(() => this.botPass());
    }, this.thinkMs);
  }

  private botFor(slot: Slot): Bot {
    const kind = slot.botKind ?? this.options.fallbackBot ?? "historical";
    let bot = this.bots.get(slot.seat);
    if (!bot || bot.kind !== kind) {
      bot = createBot(kind, `${this.game.seed}:${slot.seat}`);
      this.bots.set(slot.seat, bot);
    }
    return bot;
  }

  /**
   * One bot action per think delay, in the driver's seat order. When no bot has anything to do and
   * no human is expected to act, the room clock ends the phase (as the simulator's driver does).
   */
  private async botPass(): Promise<void> {
    if (this.finished) return;
    for (const seat of seatOrder(this.game)) {
      const slot = this.slots.get(seat);
      if (!slot || !this.botPlays(slot)) continue;
      const step = botStep(this.game, seat, this.botFor(slot));
      if (!step) continue;
      if ("refused" in step) {
        console.warn(
          `room ${this.roomId}: the rules refused ${seat}'s bot action ${step.refused.type}: ${step.code}`,
        );
        continue;
      }
      await this.commit(seat, step.action, step.state);
      return;
    }
    const waiting = [...this.slots.values()].some(
      (s) => !this.botPlays(s) && legalActions(this.game, s.seat).length > 0,
    );
    if (!waiting) await this.expire();
  }

  /**
   * Solo practice: a room with one human may pause the room clock and the bots (GAME.md §9), and
   * resume with the time that was left. While paused, actions are refused with ERR_PAUSED.
   */
  private onPause(client: CouncilClient, payload: unknown): void {
    const seat = client.userData?.seat;
    if (!seat) return this.sendError(client, "ERR_SPECTATOR", "pause");
    const parsed = ClientMessages.pause.safeParse(payload);
    if (!parsed.success)
      return this.sendError(client, "ERR_MALFORMED", "pause", {
        detail: (parsed.error.issues[0]?.message ?? "").slice(0, 200),
      });
    const humans = [...this.slots.values()].filter((s) => s.claim).length;
    // At a classroom table only the facilitator pauses.
    if (humans > 1 || this.classSession) return this.sendError(client, "ERR_NOT_SOLO", "pause");
    const wanted = parsed.data.paused;
    void this.enqueue(() => this.setPaused(wanted));
  }

  private setPaused(wanted: boolean): void {
    if (this.finished || wanted === this.paused) return;
    if (wanted) {
      this.pausedLeftMs = Math.max(0, this.state.deadline - Date.now());
      this.freezeClock();
      this.paused = true;
    } else {
      this.paused = false;
      this.armPhaseTimer(this.pausedLeftMs);
      this.scheduleBots();
    }
    this.state.paused = this.paused;
    this.broadcastPatch();
  }

  /** Stops the phase timer and the bots (a stale expiry already queued does nothing). */
  private freezeClock(): void {
    this.timerGen++;
    this.phaseTimer?.clear();
    this.phaseTimer = null;
    this.botTimer?.clear();
    this.botTimer = null;
    this.state.deadline = 0;
  }

  // ── Chat ───────────────────────────────────────────────────────────────────────────────

  private onChat(client: CouncilClient, payload: unknown): void {
    const seat = client.userData?.seat;
    if (!seat) return this.sendError(client, "ERR_SPECTATOR", "chat");
    const parsed = ClientMessages.chat.safeParse(payload);
    if (!parsed.success)
      return this.sendError(client, "ERR_MALFORMED", "chat", {
        detail: (parsed.error.issues[0]?.message ?? "").slice(0, 200),
      });
    const { text, to } = parsed.data;
    if (to !== undefined && (!this.slots.get(seat)?.leader || !this.slots.get(to)?.leader || to === seat)) {
      return this.sendError(client, "ERR_NOT_A_LEADER", "chat");
    }
    const now = Date.now();
    const times = (this.chatTimes.get(seat) ?? []).filter((t) => now - t < LIMITS.chatWindowMs);
    if (times.length >= LIMITS.chatPerWindow) return this.sendError(client, "ERR_RATE_LIMITED", "chat");
    times.push(now);
    this.chatTimes.set(seat, times);
    const line: ChatLine = { from: seat, to: to ?? null, text, at: now };
    // Chat has its own queue: lines are stored, then delivered, in the order they came.
    this.chatQueue = this.chatQueue
      .then(() => roomServices().store.appendChat(this.gameId, line))
      .then(() => {
        this.chat.push(line);
        for (const c of this.clients) {
          if (this.mayRead(c, line)) c.send("chat", line);
        }
      })
      .catch((err: unknown) => {
        console.error(`room ${this.roomId}: could not store chat:`, err);
        this.sendError(client, "ERR_STORAGE", "chat");
      });
  }

  private mayRead(c: CouncilClient, line: ChatLine): boolean {
    const seat = c.userData?.seat ?? null;
    if (line.to !== null && seat !== line.from && seat !== line.to) return false;
    return seat === line.from || !c.userData?.muted.has(line.from);
  }

  private chatFor(c: CouncilClient): ChatLine[] {
    return this.chat.filter((l) => this.mayRead(c, l));
  }

  private onMute(client: CouncilClient, payload: unknown): void {
    const parsed = ClientMessages.mute.safeParse(payload);
    if (!parsed.success)
      return this.sendError(client, "ERR_MALFORMED", "mute", {
        detail: (parsed.error.issues[0]?.message ?? "").slice(0, 200),
      });
    if (!this.slots.has(parsed.data.seat as Seat)) return this.sendError(client, "ERR_NO_SUCH_SEAT", "mute");
    if (parsed.data.muted) client.userData?.muted.add(parsed.data.seat);
    else client.userData?.muted.delete(parsed.data.seat);
  }

  // ── For the classroom (server/classroom calls these through the matchmaker; no client can) ──

  /**
   * Hands a seat to a student: a new seat token (returned to the classroom, which gives it to that
   * student only), stored like any claim. Whoever held the seat loses it; a bot plays it until the
   * student connects.
   */
  async classSeat(
    seat: string,
    name: string,
  ): Promise<{ ok: true; token: string } | { ok: false; code: string }> {
    const slot = this.slots.get(seat as Seat);
    if (!slot) return { ok: false, code: "ERR_NO_SUCH_SEAT" };
    const token = randomBytes(18).toString("base64url");
    const claim = { tokenHash: hashToken(token), name: name.slice(0, LIMITS.nameLength) };
    await roomServices().store.claimSeat(this.gameId, { seat: slot.seat, ...claim });
    this.evict(slot);
    this.clearAway(slot);
    slot.claim = claim;
    this.refreshSeats();
    this.broadcastPatch();
    this.scheduleBots();
    return { ok: true, token };
  }

  /** The facilitator renamed the seat's student: the table sees the new name. */
  async classRename(seat: string, name: string): Promise<{ ok: boolean }> {
    const slot = this.slots.get(seat as Seat);
    if (!slot?.claim) return { ok: false };
    slot.claim = { ...slot.claim, name: name.slice(0, LIMITS.nameLength) };
    await roomServices().store.claimSeat(this.gameId, { seat: slot.seat, ...slot.claim });
    this.refreshSeats();
    this.broadcastPatch();
    return { ok: true };
  }

  /** Takes a seat from its student (reseat, removal, or a bot takeover): a bot plays it. */
  async classRelease(seat: string): Promise<{ ok: boolean }> {
    const slot = this.slots.get(seat as Seat);
    if (!slot) return { ok: false };
    // The stored claim gets a hash no token has, so the old token no longer returns the seat.
    const claim = { tokenHash: `released:${randomBytes(9).toString("base64url")}`, name: "" };
    await roomServices().store.claimSeat(this.gameId, { seat: slot.seat, ...claim });
    this.evict(slot);
    this.clearAway(slot);
    slot.claim = null;
    this.refreshSeats();
    this.broadcastPatch();
    this.scheduleBots();
    return { ok: true };
  }

  /** The facilitator's clock controls: pause, resume, extend the phase, skip it, or end the game. */
  classControl(
    op: "pause" | "resume" | "skip" | "end" | "extend",
    seconds = 0,
  ): Promise<{ ok: boolean; code?: string }> {
    return new Promise((resolve) => {
      void this.enqueue(async () => {
        if (this.finished || this.game.ended) return resolve({ ok: false, code: "ERR_GAME_OVER" });
        if (op === "pause" || op === "resume") this.setPaused(op === "pause");
        else if (op === "extend") {
          const ms = Math.round(seconds * 1000);
          if (this.paused) this.pausedLeftMs += ms;
          else this.armPhaseTimer(Math.max(0, this.state.deadline - Date.now()) + ms);
          this.broadcastPatch();
        } else {
          // Skipping a phase is the room clock's own action; ending is skipping until the debrief.
          for (let i = 0; i < (op === "end" ? 60 : 1) && !this.game.ended; i++) {
            const r = apply(this.game, "system", { type: "timerExpired" });
            if (!r.ok) return resolve({ ok: false, code: r.error.code });
            await this.commit("system", { type: "timerExpired" }, r.state);
          }
          if (this.paused && !this.finished) {
            this.pausedLeftMs = Math.max(0, this.state.deadline - Date.now());
            this.freezeClock();
            this.broadcastPatch();
          }
        }
        resolve({ ok: true });
      });
    });
  }

  /** A facilitator's inject: the system seat's `inject` action through the room's queue (logged, replayed). */
  classInject(action: unknown): Promise<{ ok: boolean; code?: string }> {
    return new Promise((resolve) => {
      void this.enqueue(async () => {
        const r = apply(this.game, "system", action);
        if (!r.ok) return resolve({ ok: false, code: r.error.code });
        await this.commit("system", { ...(action as Action) }, r.state);
        resolve({ ok: true });
      });
    });
  }

  /**
   * The table as the facilitator's dashboard shows it: the public summary, each seat's holder and
   * whether it still has something to do, chat volume; with `full`, every seat's private view too.
   */
  classSnapshot(full = false): object {
    const pub = spectatorView(this.game);
    const seats = [...this.slots.values()].map((s) => ({
      seat: s.seat,
      leader: s.leader,
      holder: this.holderOf(s),
      name: s.claim?.name ?? "",
      pending: !this.game.ended && legalActions(this.game, s.seat).length > 0,
      /** A student holds the seat but is not connected (a bot may be playing it meanwhile). */
      absent: s.claim !== null && !s.sessionId,
    }));
    return {
      code: this.roomId,
      gameId: this.gameId,
      scenarioId: this.game.scenario.id,
      part: this.part + 1,
      parts: this.parts.length,
      phase: this.game.phase,
      version: this.game.version,
      clock: this.game.clock,
      deadline: this.state.deadline,
      paused: this.paused,
      ended: this.game.ended !== null,
      tracks: pub.tracks,
      appeal: pub.appeal,
      proposal: pub.proposal,
      decision: pub.decision,
      seats,
      chat: this.chat.length,
      outcome: this.game.ended ? outcomeOf(this.game) : null,
      ...(full
        ? {
            view: pub,
            private: Object.fromEntries(seats.map((s) => [s.seat, view(this.game, s.seat as Seat).private])),
          }
        : {}),
    };
  }

  /**
   * The table port's entry point (table-port.ts) over the class* methods above, until the room
   * answers it itself. The snapshot names a campaign's position `crisis` of `crises`.
   */
  async handleTableRequest<R extends TableRequest>(request: R): Promise<TableReply<R>> {
    const failed = (code = "ERR_NO_SUCH_SEAT") => ({ ok: false as const, code });
    const answer = (r: { ok: boolean; code?: string }) => (r.ok ? { ok: true as const } : failed(r.code));
    const req = request as TableRequest;
    switch (req.op) {
      case "seat":
        return (await this.classSeat(req.seat, req.name)) as TableReply<R>;
      case "rename":
        return answer(await this.classRename(req.seat, req.name)) as TableReply<R>;
      case "release":
        return answer(await this.classRelease(req.seat)) as TableReply<R>;
      case "clock":
        return answer(await this.classControl(req.clock, req.seconds)) as TableReply<R>;
      case "inject":
        return answer(await this.classInject(req.action)) as TableReply<R>;
      case "snapshot": {
        type Old = Omit<TableSnapshot, "crisis" | "crises"> & { part: number; parts: number };
        const { part, parts, ...snapshot } = this.classSnapshot(req.full) as Old;
        return { ...snapshot, crisis: part, crises: parts } as TableReply<R>;
      }
    }
  }

  // ── For tests and tools ────────────────────────────────────────────────────────────────

  /** The room's log as the store has it (tests compare the two). */
  get actionLog(): readonly LoggedAction[] {
    return this.log;
  }

  get leaders(): readonly StateId[] {
    return this.game.scenario.members;
  }
}

/**
 * Colyseus drops a client whose frame does not unpack. A broken frame is just bad input: answer it
 * with an error and keep the client, like any other malformed payload.
 */
const proto = Room.prototype as unknown as { _onMessage: (client: Client, buffer: Buffer) => void };
const baseOnMessage = proto._onMessage;
const brokenFrames = new WeakMap<Client, { count: number; resetAt: number }>();
Object.defineProperty(CouncilRoom.prototype, "_onMessage", {
  value(this: CouncilRoom, client: CouncilClient, buffer: Buffer) {
    if (buffer && buffer[0] === Protocol.ROOM_DATA) {
      try {
        const it: Iterator = { offset: 1 };
        if (decode.stringCheck(buffer, it)) decode.string(buffer, it);
        else decode.number(buffer, it);
        if (buffer.byteLength > it.offset) unpack(buffer.subarray(it.offset));
      } catch {
        // Broken frames count against the same rate limit as any other message.
        const now = Date.now();
        const seen = brokenFrames.get(client) ?? { count: 0, resetAt: now + 1000 };
        if (now >= seen.resetAt) Object.assign(seen, { count: 0, resetAt: now + 1000 });
        seen.count += 1;
        brokenFrames.set(client, seen);
        if (seen.count > this.maxMessagesPerSecond) client.leave(CloseCode.WITH_ERROR, "too many messages");
        else client.send("error", protocolError("ERR_MALFORMED", "frame"));
        return;
      }
    }
    baseOnMessage.call(this, client, buffer);
  },
});
