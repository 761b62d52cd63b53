/**
 * The game room: one game of one scenario (or a campaign's crises in turn), a thin shell around the
 * rules. It parses every message with the shared schemas, calls `apply`, stores each accepted action
 * before anyone sees its result, and projects the new state (public fields for all, private ones into
 * each seat's StateView). One queue takes every change (clients, bots, timers, the classroom), so
 * actions are applied one at a time in the order they are logged. The parts it composes get callbacks
 * (room-host.ts, parts.ts), never the room; server/README.md lists them.
 */
import { CloseCode, matchMaker, Room, ServerError } from "@colyseus/core";
import type { RoomException, RoomMethodName } from "@colyseus/core";
import * as protocol from "../../shared/protocol/index.ts";
import type { ClientMessage, ClientMessageType, ProtocolErrorCode } from "../../shared/protocol/index.ts";
import { ActionSchema, apply, outcomeOf } from "../../shared/rules/index.ts";
import type { Action, GameState, LoggedAction, Message, Seat } from "../../shared/rules/index.ts";
import type { SeatClaim } from "../storage/index.ts";
import { RoomState } from "../sync/schema.ts";
import type { GameClient, RoomMeta } from "./clients.ts";
import { guardFrames } from "./frame-guard.ts";
import { recordActionMs } from "./metrics.ts";
import { openGame, type RoomOptions } from "./open-game.ts";
import { assembleParts, settle, stopTimers, type Parts, type PartsHooks } from "./parts.ts";
import type { RoomHost } from "./room-host.ts";
import { roomServices } from "./services.ts";
import type { TableHandler, TableReply, TableRequest } from "./table-port.ts";
import { handleTableRequest } from "./table-requests.ts";

type Handlers = Record<ClientMessageType, (client: GameClient, payload: unknown) => void>;

export class GameRoom
  extends Room<{ state: RoomState; metadata: RoomMeta; client: GameClient }>
  implements TableHandler
{
  override state = new RoomState();
  /** Patches go out right after each change, not on a fixed tick: the game is turn-based. */
  override patchRate: number | null = null;
  /** An unfinished game keeps its room (bots and timers finish it) until it ends. */
  override autoDispose = false;
  override maxMessagesPerSecond: number = protocol.LIMITS.messagesPerSecond;

  private game!: GameState;
  private log: LoggedAction[] = [];
  private options!: RoomOptions;
  private parts!: Parts;
  private queue: Promise<void> = Promise.resolve();
  private finished = false;
  /** Shutting down: actions are refused (they would not reach the store before the room goes). */
  private stopping = false;

  /** Every client message type and its handler; each parses its payload with `parse`. */
  private readonly handlers = {
    action: (client, payload) => this.onAction(client, payload),
    chat: (client, payload) => {
      const seat = client.userData?.seat;
      if (!seat) {
        this.refuse(client, "ERR_SPECTATOR", "chat");
        return;
      }
      const message = this.parse(client, "chat", payload);
      if (message) this.parts.chat.post(seat, message, (code) => this.refuse(client, code, "chat"));
    },
    mute: (client, payload) => {
      const message = this.parse(client, "mute", payload);
      if (!message) return;
      if (!this.parts.seating.get(message.seat)) {
        this.refuse(client, "ERR_NO_SUCH_SEAT", "mute");
        return;
      }
      if (message.muted) client.userData?.muted.add(message.seat);
      else client.userData?.muted.delete(message.seat);
    },
    // Solo practice: its player (or the one human of a room) may pause the room clock and the bots,
    // and resume with the time that was left (docs/game.md, "Modes"). At a classroom table only the
    // facilitator pauses.
    pause: (client, payload) => {
      const seat = client.userData?.seat ?? null;
      if (!seat) {
        this.refuse(client, "ERR_SPECTATOR", "pause");
        return;
      }
      const message = this.parse(client, "pause", payload);
      if (!message) return;
      const { seating } = this.parts;
      const solo = this.options.solo ? seating.isCreator(client.sessionId, seat) : seating.claimed() <= 1;
      // Strangers' rooms are never paused by one of them (nor held once gathered).
      if (!solo || this.options.classSession || this.options.quickMatch) {
        this.refuse(client, "ERR_NOT_SOLO", "pause");
        return;
      }
      void this.enqueue(() => this.parts.clock.setPaused(message.paused));
    },
    fillSeats: (client, payload) => {
      const message = this.creatorsMessage(client, "fillSeats", payload);
      if (!message) return;
      if (this.game.ended) {
        this.refuse(client, "ERR_GAME_OVER", "fillSeats");
        return;
      }
      const kind = message.bot ?? this.options.fallbackBot ?? "historical";
      if (this.parts.seating.fill(kind) === 0) this.refuse(client, "ERR_NOTHING_TO_DO", "fillSeats");
      else this.seatsChanged(true);
    },
    // A solo room opens to joins by code (still unlisted) when its player invites.
    invite: (client, payload) => {
      if (!this.creatorsMessage(client, "invite", payload)) return;
      if (!this.options.solo || this.parts.seating.invited) {
        this.refuse(client, "ERR_NOTHING_TO_DO", "invite");
        return;
      }
      this.parts.seating.invited = true;
      this.state.invited = true;
      this.broadcastPatch();
    },
  } satisfies Handlers;

  /** What the parts may ask of the room. */
  private readonly host: RoomHost = {
    setTimeout: (callback, ms) => this.clock.setTimeout(callback, ms),
    enqueue: (job) => void this.enqueue(job),
    game: () => this.game,
    finished: () => this.finished,
    commit: (seat, action, next) => this.commit(seat, action, next),
    broadcast: () => this.broadcastPatch(),
    store: () => roomServices().store,
    scenario: (id) => roomServices().scenarios.get(id),
    gameId: () => this.parts.campaign.gameId,
    warn: (message) => console.warn(`room ${this.roomId}: ${message}`),
    fault: (message, err) => console.error(`room ${this.roomId}: ${message}`, err),
  };

  override async onCreate(raw: unknown): Promise<void> {
    const opened = await openGame(raw, roomServices(), async (code) => {
      return (await matchMaker.query({ roomId: code })).length > 0;
    });
    const { options, game } = opened;
    this.options = options;
    this.roomId = opened.code;
    this.parts = assembleParts(this.host, this.partsHooks(), opened, this.state);
    Object.assign(this.state, { code: this.roomId, spectators: 0, deadline: 0 });
    Object.assign(this.state, { crisis: opened.crisis + 1, crises: opened.crises.length });
    Object.assign(this.state, { solo: options.solo === true, invited: false });
    this.play(game, opened.log, opened.claims);
    this.metadata = this.parts.listing.first();
    if (options.private) await this.setPrivate(true);
    for (const type of protocol.CLIENT_MESSAGE_TYPES)
      this.onMessage(type, (client, payload) => this.handlers[type](client, payload));
    this.onMessage("*", (client, type) =>
      this.refuse(client, "ERR_UNKNOWN_MESSAGE", String(type), { type: String(type).slice(0, 40) }),
    );
    if (game.ended) {
      this.finish();
      return;
    }
    this.parts.clock.arm();
    this.parts.bots.schedule();
    // A classroom table comes back from a restart paused; its classroom resumes it if it ran.
    if (opened.restored && opened.classSession) this.parts.clock.setPaused(true);
    // A quick match holds its clock until its strangers are in (server/rooms/quick-match.ts).
    this.parts.quick.open();
    this.metadata = this.parts.listing.first();
  }

  /** What the parts may ask of the room besides `host`: its clients, its listing, the next crisis. */
  private partsHooks(): PartsHooks {
    return {
      code: () => this.roomId,
      client: (sessionId) => this.clients.get(sessionId),
      clients: () => this.clients,
      seatsChanged: (bots) => this.seatsChanged(bots),
      meta: () => this.metadata,
      setMeta: (meta) => this.setMetadata(meta),
      begin: (game) => {
        this.play(game, [], []);
        this.parts.listing.newCrisis();
        this.parts.clock.arm();
        this.broadcastPatch();
        this.parts.bots.schedule();
      },
    };
  }

  /** Plays a game (the room's first, or a campaign's next crisis): its seats and its projection. */
  private play(game: GameState, log: LoggedAction[], claims: readonly SeatClaim[]): void {
    this.game = game;
    this.log = log;
    this.parts.bots.reset();
    this.parts.seating.rebuild();
    this.parts.seating.restoreClaims(claims);
    this.show(game);
    this.parts.seating.sync();
  }

  /** The classroom's one entry point (server/classroom, through the matchmaker; no client reaches it). */
  handleTableRequest<R extends TableRequest>(request: R): Promise<TableReply<R>> {
    return handleTableRequest(request, this.parts.table);
  }

  /**
   * The process is stopping (SIGTERM): no new timer or bot move starts, what is queued is stored,
   * and only then are the clients told to go. The record stays unfinished, so the game comes back
   * (here after a restart, or in another process) when its players join its code again.
   */
  override onBeforeShutdown(): void {
    // Colyseus does not wait for this: it waits for the room to be gone, which `disconnect` ends.
    void this.storeAndLeave();
  }

  private async storeAndLeave(): Promise<void> {
    this.stopping = true;
    stopTimers(this.parts);
    this.parts.seating.clearAll();
    await settle(() => [this.queue, this.parts.chat.pending]);
    await this.disconnect(CloseCode.SERVER_SHUTDOWN);
  }

  /** A bug in a handler is logged; it never takes the process (and every other room) down. */
  override onUncaughtException(err: RoomException, method: RoomMethodName): void {
    // A refused join (a taken seat, a bad token) is an answer to the client, not a fault.
    if (err.cause instanceof ServerError && err.cause.code < 500) return;
    console.error(`room ${this.roomId}: ${method}:`, err.cause ?? err);
  }

  override onJoin(client: GameClient, raw: unknown): Promise<void> {
    return this.parts.sessions.join(client, raw);
  }

  override onDrop(client: GameClient): void {
    this.parts.sessions.setAway(client, true);
    // Not awaited: when the grace period ends the reconnection is rejected and Colyseus calls onLeave.
    this.allowReconnection(client, this.parts.seating.config.graceSeconds).catch(() => undefined);
  }

  override onReconnect(client: GameClient): void {
    this.parts.sessions.setAway(client, false);
  }

  override onLeave(client: GameClient): void {
    this.parts.sessions.leave(client);
  }

  /** Seats changed hands: the synced seats and listing, a patch, and (with `bots`) the bots asked to play. */
  private seatsChanged(bots: boolean): void {
    this.parts.seating.sync();
    this.parts.turns.update();
    this.parts.quick.seatsChanged();
    this.parts.listing.seatsChanged();
    this.broadcastPatch();
    if (bots) this.parts.bots.schedule();
  }

  private refuse(client: GameClient, code: ProtocolErrorCode, to: string, params?: Message["params"]): void {
    client.send("error", protocol.protocolError(code, to, params));
  }

  /** A message only the room's creator may send, parsed; from anyone else it is refused. */
  private creatorsMessage<T extends "fillSeats" | "invite">(client: GameClient, type: T, payload: unknown) {
    const message = this.parse(client, type, payload);
    if (!message) return undefined;
    if (this.parts.seating.isCreator(client.sessionId, client.userData?.seat ?? null)) return message;
    this.refuse(client, "ERR_NOT_CREATOR", type);
    return undefined;
  }

  /** A client message parsed with its schema; one that does not parse is answered with an error. */
  private parse<T extends ClientMessageType>(client: GameClient, type: T, payload: unknown) {
    const parsed = protocol.ClientMessages[type].safeParse(payload);
    if (parsed.success) return parsed.data as ClientMessage<T>;
    // An action message whose action does not parse is an invalid action, not a malformed message.
    const action = (payload as { action?: unknown } | null)?.action;
    const invalid = type === "action" && !ActionSchema.safeParse(action).success;
    const detail = (parsed.error.issues[0]?.message ?? "").slice(0, 200);
    this.refuse(client, invalid ? "ERR_INVALID_ACTION" : "ERR_MALFORMED", type, { detail });
    return undefined;
  }

  private onAction(client: GameClient, payload: unknown): void {
    const seat = client.userData?.seat;
    if (!seat) {
      this.refuse(client, "ERR_SPECTATOR", "action");
      return;
    }
    if (this.parts.clock.paused) {
      this.refuse(client, "ERR_PAUSED", "action");
      return;
    }
    if (this.stopping) {
      this.refuse(client, "ERR_STORAGE", "action");
      return;
    }
    const message = this.parse(client, "action", payload);
    if (!message) return;
    const received = performance.now();
    void this.enqueue(async () => {
      if (!this.parts.sessions.slotOf(client)) {
        this.refuse(client, "ERR_NOT_YOUR_ROLE", "action");
        return;
      }
      const { version } = this.game;
      if (message.v !== version) {
        this.refuse(client, "ERR_STALE_VERSION", "action", { version });
        return;
      }
      const result = apply(this.game, seat, message.action);
      if (!result.ok) {
        const error = { code: result.error.code, message: result.error.message, to: "action" };
        client.send("error", error satisfies protocol.ServerMessages["error"]);
        return;
      }
      try {
        await this.commit(seat, message.action, result.state);
        recordActionMs(performance.now() - received);
      } catch (err) {
        console.error(`room ${this.roomId}: could not store an action:`, err);
        this.refuse(client, "ERR_STORAGE", "action");
      }
    });
  }

  private enqueue(job: () => Promise<void> | void): Promise<void> {
    if (this.stopping) return this.queue;
    this.queue = this.queue.then(job).catch((err: unknown) => console.error(`room ${this.roomId}:`, err));
    return this.queue;
  }

  /** Stores the accepted action, and only then makes it the room's state and sends it out. */
  private async commit(seat: Seat, action: Action, next: GameState): Promise<void> {
    const at = Date.now();
    const { store } = roomServices();
    const gameId = this.parts.campaign.gameId;
    await store.appendAction(gameId, this.log.length, { seat, action, at });
    const phaseBefore = this.game.phase;
    this.log.push({ seat, action });
    this.show(next);
    if (next.phase !== phaseBefore) {
      this.parts.seating.sync();
      void this.parts.listing.update();
    }
    if (next.ended) {
      // The result is on record before anyone sees the debrief.
      await store.finishGame(gameId, outcomeOf(next), at);
      if (!(await this.parts.campaign.ended(next))) this.finish();
      this.broadcastPatch();
      return;
    }
    if (next.phase !== phaseBefore || action.type === "timerExpired") this.parts.clock.arm();
    this.broadcastPatch();
    this.parts.bots.schedule();
  }

  /** Makes `game` the room's state, projected for all and into each held seat's secret. */
  private show(game: GameState): void {
    this.game = game;
    this.parts.sessions.project(game);
    this.parts.turns.update();
  }

  private finish(): void {
    this.finished = true;
    stopTimers(this.parts);
    this.state.deadline = 0;
    this.autoDispose = true;
  }

  /** For tests and tools: the room's log as the store has it (tests compare the two). */
  get actionLog(): readonly LoggedAction[] {
    return this.log;
  }
}

guardFrames(GameRoom);
