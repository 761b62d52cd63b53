/**
 * The connection to the game server: create or join a council room, typed sends, the seat token kept
 * in localStorage (a reload or a dropped connection gets the seat back), and the decoded snapshot.
 */
import { Client, type Room } from "@colyseus/sdk";
import {
  ROOM_NAME,
  type ChatLine,
  type ClientMessage,
  type ClientMessageType,
  type CreateOptions,
  type JoinOptions,
  type ServerMessages,
} from "../../shared/protocol/index.ts";
import type { Action } from "../../shared/rules/index.ts";
import { snapshotOf, type Snapshot, type SyncedState } from "../view/snapshot.ts";
import { useFastStringDecoding } from "./schema-strings.ts";

useFastStringDecoding();

export type Status = "idle" | "connecting" | "online" | "reconnecting" | "lost";

/** What is kept in localStorage to return to a room after a reload. */
export interface SavedSession {
  code: string;
  token: string | null;
  seat: string | null;
  spectator: boolean;
  /** This client created the room (the server says so on every join). */
  creator?: boolean;
}

const SESSION_KEY = "unanimity.session";

export interface ConnectionEvents {
  snapshot(s: Snapshot): void;
  status(s: Status): void;
  error(e: ServerMessages["error"]): void;
  chat(lines: readonly ChatLine[]): void;
}

/** A failure to create or join, as a protocol code or a plain detail. */
export class JoinError extends Error {
  readonly code: string;
  constructor(code: string, detail: string) {
    super(detail);
    this.code = code;
  }
}

function storage(): Storage | null {
  try {
    // Absent outside a browser (a test under Node), whatever the DOM types say.
    return "localStorage" in globalThis ? globalThis.localStorage : null;
  } catch {
    return null;
  }
}

export function savedSession(): SavedSession | null {
  const raw = storage()?.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as SavedSession;
    return typeof s.code === "string" ? s : null;
  } catch {
    return null;
  }
}

function saveSession(s: SavedSession | null): void {
  const st = storage();
  if (!st) return;
  if (s) st.setItem(SESSION_KEY, JSON.stringify(s));
  else st.removeItem(SESSION_KEY);
}

function joinError(err: unknown): JoinError {
  const e = (err ?? {}) as { code?: number; message?: string };
  const message = String(e.message ?? err);
  const code = /ERR_[A-Z_]+/.exec(message)?.[0];
  if (code) return new JoinError(code, message);
  if (/not found|no rooms|invalid|locked/i.test(message) || e.code === 4212)
    return new JoinError("noRoom", message);
  if (/fetch|network|ECONNREFUSED|Failed/i.test(message)) return new JoinError("connect", message);
  return new JoinError("generic", message);
}

/** What a player decides on: the phase, the council round and the proposal on the table. */
function tableContext(s: Snapshot): string {
  return JSON.stringify([s.phase, s.view.round, s.view.proposal]);
}

export class Connection {
  private readonly client: Client;
  private room: Room | null = null;
  private listeners: Partial<ConnectionEvents> = {};
  private chatLines: ChatLine[] = [];
  private session: SavedSession | null = null;
  private leaving = false;
  private pending: { action: Action; context: string; retried: boolean } | null = null;
  snapshot: Snapshot | null = null;
  status: Status = "idle";

  constructor(endpoint: string) {
    this.client = new Client(endpoint);
  }

  on(handlers: Partial<ConnectionEvents>): void {
    this.listeners = { ...this.listeners, ...handlers };
  }

  get seat(): string | null {
    return this.session?.seat ?? null;
  }

  get code(): string | null {
    return this.session?.code ?? null;
  }

  get chat(): readonly ChatLine[] {
    return this.chatLines;
  }

  private setStatus(s: Status): void {
    this.status = s;
    this.listeners.status?.(s);
  }

  /** Creates a room and takes a seat in it (options of the room and of the join travel together). */
  async create(options: CreateOptions & JoinOptions): Promise<void> {
    await this.connect(() => this.client.create(ROOM_NAME, options), !!options.spectator);
  }

  /** "Play now": a quick match gathering strangers, or a new one (the matchmaker decides, server-side). */
  async quick(options: CreateOptions & JoinOptions): Promise<void> {
    await this.connect(() => this.client.joinOrCreate(ROOM_NAME, options), false);
  }

  async join(code: string, options: JoinOptions): Promise<void> {
    await this.connect(() => this.client.joinById(code.trim().toUpperCase(), options), !!options.spectator);
  }

  /** Returns to the room saved before a reload; false when there is none or it is gone. */
  async resume(): Promise<boolean> {
    const s = savedSession();
    if (!s) return false;
    try {
      await this.join(s.code, s.spectator || !s.token ? { spectator: true } : { seatToken: s.token });
      return true;
    } catch {
      saveSession(null);
      return false;
    }
  }

  private async connect(open: () => Promise<Room>, spectator: boolean): Promise<void> {
    await this.leave();
    this.setStatus("connecting");
    let room: Room;
    try {
      room = await open();
    } catch (err) {
      this.setStatus("idle");
      throw joinError(err);
    }
    this.attach(room, spectator);
    await new Promise<void>((resolve) => {
      const check = () => (this.session ? resolve() : setTimeout(check, 10));
      check();
    });
    this.setStatus("online");
  }

  private attach(room: Room, spectator: boolean): void {
    this.room = room;
    this.leaving = false;
    this.chatLines = [];
    room.onMessage("seat", (m: ServerMessages["seat"]) => {
      this.session = {
        code: m.code,
        seat: m.seat,
        token: m.token ?? this.session?.token ?? null,
        spectator: spectator || m.seat === null,
        creator: m.creator,
      };
      saveSession(this.session);
      this.emitSnapshot();
    });
    room.onMessage("chatHistory", (lines: ServerMessages["chatHistory"]) => {
      this.chatLines = [...lines];
      this.listeners.chat?.(this.chatLines);
    });
    room.onMessage("chat", (line: ServerMessages["chat"]) => {
      this.chatLines = [...this.chatLines, line].slice(-200);
      this.listeners.chat?.(this.chatLines);
    });
    room.onMessage("error", (e: ServerMessages["error"]) => this.onError(e));
    room.onStateChange(() => this.emitSnapshot());
    room.onDrop(() => this.setStatus("reconnecting"));
    room.onReconnect(() => this.setStatus("online"));
    room.onLeave(() => {
      if (this.room !== room) return;
      this.room = null;
      if (this.leaving) return;
      // The SDK gave up (or the server restarted): come back with the seat token.
      this.setStatus("reconnecting");
      void this.rejoin();
    });
  }

  private async rejoin(attempt = 0): Promise<void> {
    const s = this.session;
    if (!s || this.leaving) return;
    try {
      const room = await this.client.joinById(
        s.code,
        s.spectator || !s.token ? { spectator: true } : { seatToken: s.token },
      );
      this.attach(room, s.spectator);
      this.setStatus("online");
    } catch {
      if (attempt < 10) setTimeout(() => void this.rejoin(attempt + 1), 1000);
      else this.setStatus("lost");
    }
  }

  private emitSnapshot(): void {
    const state = this.room?.state as SyncedState | undefined;
    if (!state || !this.session) return;
    const snap = snapshotOf(state, this.session.seat, this.session.creator === true);
    if (!snap) return;
    this.snapshot = snap;
    this.listeners.snapshot?.(snap);
  }

  send<T extends ClientMessageType>(type: T, payload: ClientMessage<T>): void {
    this.room?.send(type, payload);
  }

  /** An action of the rules, stamped with the state version this client saw. */
  act(action: Action): void {
    if (!this.snapshot) return;
    this.pending = { action, context: tableContext(this.snapshot), retried: false };
    this.send("action", { v: this.snapshot.version, action });
  }

  /**
   * The server refused an action as stale (a bot or another player moved first). If what the player
   * was looking at has not changed (same phase, round and proposal) and the action is still
   * legal, it is sent once more at the new version; otherwise the refusal is shown.
   */
  private onError(e: ServerMessages["error"]): void {
    const p = this.pending;
    const now = this.snapshot;
    if (
      e.code === "ERR_STALE_VERSION" &&
      e.to === "action" &&
      p &&
      !p.retried &&
      now &&
      tableContext(now) === p.context &&
      now.legal.some((l) => l.type === p.action.type)
    ) {
      p.retried = true;
      this.send("action", { v: now.version, action: p.action });
      return;
    }
    this.listeners.error?.(e);
  }

  async leave(): Promise<void> {
    const room = this.room;
    this.leaving = true;
    this.room = null;
    this.snapshot = null;
    this.session = null;
    saveSession(null);
    if (room) await room.leave(true).catch(() => undefined);
    this.setStatus("idle");
  }
}
