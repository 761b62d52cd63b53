/**
 * A game room's chat: lines to the table or privately between two leaders, a rate limit per seat,
 * and mutes per reader. Chat has its own queue: lines are stored, then delivered, in the order they
 * came, without waiting for the game's actions.
 */
import {
  LIMITS,
  type ChatLine,
  type ClientMessage,
  type ProtocolErrorCode,
} from "../../shared/protocol/index.ts";
import type { Seat } from "../../shared/rules/index.ts";
import type { RoomHost } from "./room-host.ts";

/** Who reads: the seat a client holds (null for a spectator) and the seats it muted. */
export interface Reader {
  seat: Seat | null;
  muted: ReadonlySet<string>;
}

/** A private line reaches its two leaders only; a muted seat's lines do not reach who muted it. */
export function mayRead(reader: Reader, line: ChatLine): boolean {
  if (line.to !== null && reader.seat !== line.from && reader.seat !== line.to) return false;
  return reader.seat === line.from || !reader.muted.has(line.from);
}

type ChatHost = Pick<RoomHost, "store" | "gameId" | "fault">;

export interface ChatHooks {
  /** Sends a stored line to every client that may read it. */
  deliver(line: ChatLine): void;
  isLeader(seat: Seat): boolean;
}

export class Chat {
  private readonly times = new Map<Seat, number[]>();
  private queue: Promise<void> = Promise.resolve();
  private readonly host: ChatHost;
  private readonly hooks: ChatHooks;
  private readonly lines: ChatLine[];

  constructor(host: ChatHost, hooks: ChatHooks, lines: ChatLine[]) {
    this.host = host;
    this.hooks = hooks;
    this.lines = lines;
  }

  /** Lines so far (the classroom's dashboard shows the volume). */
  get count(): number {
    return this.lines.length;
  }

  /** What is being stored now (shutting down waits for it). */
  get pending(): Promise<void> {
    return this.queue;
  }

  /** The lines a reader may read, the latest `LIMITS.chatHistory` of them. */
  historyFor(reader: Reader): ChatLine[] {
    return this.lines.filter((line) => mayRead(reader, line)).slice(-LIMITS.chatHistory);
  }

  /**
   * Takes a seat's line: stored, then delivered. `refuse` hears why it was not taken (a private line
   * not between two leaders, the seat's rate limit) or could not be stored.
   */
  post(seat: Seat, message: ClientMessage<"chat">, refuse: (code: ProtocolErrorCode) => void): void {
    const { text, to } = message;
    if (to !== undefined && (!this.hooks.isLeader(seat) || !this.hooks.isLeader(to) || to === seat)) {
      refuse("ERR_NOT_A_LEADER");
      return;
    }
    const now = Date.now();
    const times = (this.times.get(seat) ?? []).filter((at) => now - at < LIMITS.chatWindowMs);
    if (times.length >= LIMITS.chatPerWindow) {
      refuse("ERR_RATE_LIMITED");
      return;
    }
    times.push(now);
    this.times.set(seat, times);
    const line: ChatLine = { from: seat, to: to ?? null, text, at: now };
    this.queue = this.queue
      .then(() => this.host.store().appendChat(this.host.gameId(), line))
      .then(() => {
        this.lines.push(line);
        this.hooks.deliver(line);
      })
      .catch((err: unknown) => {
        this.host.fault("could not store chat:", err);
        refuse("ERR_STORAGE");
      });
  }
}
