/**
 * The seats of a game room: a slot per seat (a leader per member state, its deputy seats), the seat
 * tokens that claim them, who holds each one now, and the grace period of a human who dropped.
 *
 * A seat's holder: `human` (a session holds it), `away` (its human dropped, or the server restarted,
 * and the grace period runs), `bot` (a configured bot seat nobody took, or after the briefing a
 * leader seat nobody holds), else `open`. The room's creator (its first join, or whoever holds the
 * seat it took, by its token) may hand the open seats to bots; a solo room lets nobody else join
 * until its creator invites.
 */
import { ServerError, type Delayed } from "@colyseus/core";
import {
  LIMITS,
  type CreateOptions,
  type JoinOptions,
  type SeatHolder,
} from "../../shared/protocol/index.ts";
import { deputySeats, type BotKind, type Seat } from "../../shared/rules/index.ts";
import type { SeatClaim } from "../storage/index.ts";
import { SeatInfo, type RoomState } from "../sync/schema.ts";
import { hashToken, newSeatToken } from "./open-game.ts";
import type { RoomHost } from "./room-host.ts";

export interface Claim {
  tokenHash: string;
  name: string;
}

export interface Slot {
  seat: Seat;
  leader: boolean;
  /** Configured as a bot seat (a human may still take it over). */
  botKind: BotKind | null;
  claim: Claim | null;
  /** The session holding the seat now. */
  sessionId: string | null;
  /** Dropped (or restarted) and within the grace period: the seat waits for its human. */
  away: boolean;
  awayTimer: Delayed | null;
}

type SeatingHost = Pick<RoomHost, "setTimeout" | "store" | "gameId" | "game">;
/** The synced seats (holder, name, bot) and secrets, which follow the slots. */
type SeatingSynced = Pick<RoomState, "seats" | "secrets">;

export interface SeatingHooks {
  /** A session lost its seat to a newer connection: it is let go. */
  evict(sessionId: string): void;
  /** A session's seat is gone (a campaign's next crisis has no such seat): it watches now. */
  watch(sessionId: string): void;
  /** An away seat's grace period ended: the seats changed, and a bot may play it now. */
  awayEnded(): void;
}

export interface SeatingConfig {
  graceSeconds: number;
  /** Leader seats played by a bot from the start, and the bot kind that plays an absent human's. */
  bots: CreateOptions["bots"];
  fallbackBot: BotKind | undefined;
  /** A classroom's table: seats are handed out by the classroom only, never taken by a join. */
  classroom: boolean;
  /** A solo room: only its creator joins (and comes back with its token) until it invites others. */
  solo: boolean;
  /** The hash of the token of the creator's seat (RoomOptions `creator`), if the room has a creator. */
  creatorHash: string | null;
  /** A fresh room's first join is its creator's: the token its seat gets. */
  creatorToken: string | null;
  /** The leader seats a join without a seat gets first, best first (a quick match's); none: slot order. */
  prefer?: () => readonly Seat[];
}

export class Seating {
  readonly config: SeatingConfig;
  /** A solo room's player has opened it to joins by code. */
  invited = false;
  private slots = new Map<Seat, Slot>();
  /** The creator's token, until its first join takes it; the session of a creator who only watches. */
  private creatorToken: string | null;
  private creatorSession: string | null = null;
  /** Seats a join is claiming (its claim is being stored): another join does not pick them meanwhile. */
  private readonly claiming = new Set<Seat>();
  private readonly host: SeatingHost;
  private readonly hooks: SeatingHooks;
  private readonly synced: SeatingSynced;

  constructor(host: SeatingHost, hooks: SeatingHooks, config: SeatingConfig, synced: SeatingSynced) {
    this.host = host;
    this.hooks = hooks;
    this.config = config;
    this.synced = synced;
    this.creatorToken = config.creatorToken;
  }

  get(seat: string): Slot | undefined {
    return this.slots.get(seat as Seat);
  }

  all(): Slot[] {
    return [...this.slots.values()];
  }

  /** The slot a session holds, if it holds it still. */
  heldBy(sessionId: string, seat: Seat | null): Slot | undefined {
    const slot = seat ? this.slots.get(seat) : undefined;
    return slot && slot.sessionId === sessionId ? slot : undefined;
  }

  /**
   * The seats of the game now played: a leader per member state, its deputies. Slots of seats that
   * stay (a campaign's next crisis) keep their holders; the holders of seats that go watch.
   */
  rebuild(): void {
    const game = this.host.game();
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
    for (const id of game.scenario.members) {
      keep(id, true, this.config.bots?.[id] ?? null);
      for (const deputy of deputySeats(game, id)) keep(deputy, false, null);
    }
    for (const gone of old.values()) {
      this.clearAway(gone);
      if (gone.sessionId) this.hooks.watch(gone.sessionId);
      this.synced.seats.delete(gone.seat);
      this.synced.secrets.delete(gone.seat);
    }
    for (const { seat } of this.slots.values())
      if (!this.synced.seats.has(seat)) this.synced.seats.set(seat, new SeatInfo());
  }

  /** Writes each seat's holder, name and bot into the synced seats (only what changed). */
  sync(): void {
    for (const slot of this.slots.values()) {
      const info = this.synced.seats.get(slot.seat);
      if (!info) continue;
      const holder = this.holderOf(slot);
      const name = slot.claim?.name ?? "";
      const bot = holder === "bot" ? (this.botOf(slot.seat) ?? "") : "";
      if (info.holder !== holder) info.holder = holder;
      if (info.name !== name) info.name = name;
      if (info.bot !== bot) info.bot = bot;
    }
  }

  /** After a restart, each stored seat's human gets the grace period to come back before a bot plays it. */
  restoreClaims(claims: readonly SeatClaim[]): void {
    for (const { seat, tokenHash, name } of claims) {
      const slot = this.get(seat);
      if (!slot) continue;
      slot.claim = { tokenHash, name };
      this.markAway(slot);
    }
  }

  /**
   * A join's seat: the one its token claims (a newer connection takes it from an older one), the one
   * asked for, or a free leader seat (a seat nobody configured first, then a bot's); none for a
   * spectator. Throws the refusal the client gets. A fresh claim comes with a new token.
   */
  async join(
    options: JoinOptions,
    sessionId: string,
  ): Promise<{ slot: Slot | undefined; token: string | null }> {
    let token: string | null = null;
    let slot: Slot | undefined;
    // The first join of a fresh room is its creator's (the matchmaker reserved it with the room).
    const creatorToken = this.creatorToken;
    this.creatorToken = null;
    if (this.config.solo && !this.invited && !creatorToken && !options.seatToken)
      throw new ServerError(403, "ERR_SOLO_ROOM");
    if (options.seatToken) {
      const hash = hashToken(options.seatToken);
      slot = this.all().find((candidate) => candidate.claim?.tokenHash === hash);
      if (!slot) throw new ServerError(403, "ERR_BAD_TOKEN");
      token = options.seatToken;
      this.evict(slot);
    } else if (this.config.classroom && options.seat) {
      throw new ServerError(403, "ERR_CLASSROOM_SEAT");
    } else if (!options.spectator && !this.config.classroom) {
      if (options.seat) {
        slot = this.get(options.seat);
        if (!slot) throw new ServerError(404, "ERR_NO_SUCH_SEAT");
        if (slot.sessionId || slot.away) throw new ServerError(409, "ERR_SEAT_TAKEN");
      } else slot = this.freeSeat();
      if (slot) {
        token = creatorToken ?? newSeatToken();
        const claim = { tokenHash: hashToken(token), name: options.name || slot.seat };
        this.claiming.add(slot.seat);
        try {
          await this.storeClaim({ seat: slot.seat, ...claim });
        } finally {
          this.claiming.delete(slot.seat);
        }
        // A seat can be claimed by two joins racing; the later one finds it taken.
        if (slot.sessionId || slot.away) throw new ServerError(409, "ERR_SEAT_TAKEN");
        slot.claim = claim;
      }
    }
    if (slot) {
      if (options.name && slot.claim) slot.claim.name = options.name;
      this.clearAway(slot);
      slot.sessionId = sessionId;
    } else if (creatorToken) this.creatorSession = sessionId;
    return { slot, token };
  }

  /**
   * The leader seat a join without a seat gets: one nobody holds or is claiming; the first in the
   * preferred order when there is one, else a seat nobody claimed before and no bot was set for
   * first, then a bot's, then any free one.
   */
  private freeSeat(): Slot | undefined {
    const order = this.config.prefer?.() ?? [];
    const rank = (slot: Slot) => (order.includes(slot.seat) ? order.indexOf(slot.seat) : order.length);
    const free = this.all()
      .filter((open) => !open.sessionId && !open.away && open.leader && !this.claiming.has(open.seat))
      .sort((a, b) => rank(a) - rank(b));
    // A preferred order (a quick match's) wins: a stranger who left gave the seat up.
    if (this.config.prefer) return free[0];
    const unclaimed = free.filter((open) => !open.claim);
    return unclaimed.find((open) => !open.botKind) ?? unclaimed[0] ?? free[0];
  }

  /** Whether a session is the room's creator: the session that created it, or its seat's holder now. */
  isCreator(sessionId: string, seat: Seat | null): boolean {
    if (this.creatorSession === sessionId) return true;
    const hash = this.heldBy(sessionId, seat)?.claim?.tokenHash;
    return hash !== undefined && hash === this.config.creatorHash;
  }

  /** Hands every open leader seat to a bot of this kind; returns how many seats it filled. */
  fill(kind: BotKind): number {
    let filled = 0;
    for (const slot of this.slots.values()) {
      if (!slot.leader || this.holderOf(slot) !== "open") continue;
      slot.botKind = kind;
      filled++;
    }
    return filled;
  }

  /** Hands a seat to a classroom's student: a new token, stored like any claim; whoever held it loses it. */
  async assign(seat: string, name: string): Promise<string | null> {
    const slot = this.get(seat);
    if (!slot) return null;
    const token = newSeatToken();
    const claim = { tokenHash: hashToken(token), name: name.slice(0, LIMITS.nameLength) };
    await this.storeClaim({ seat: slot.seat, ...claim });
    this.evict(slot);
    this.clearAway(slot);
    slot.claim = claim;
    return token;
  }

  /** Renames the human who claimed a seat. */
  async rename(seat: string, name: string): Promise<boolean> {
    const slot = this.get(seat);
    if (!slot?.claim) return false;
    slot.claim = { ...slot.claim, name: name.slice(0, LIMITS.nameLength) };
    await this.storeClaim({ seat: slot.seat, ...slot.claim });
    return true;
  }

  /** Takes a seat from its human: the stored claim gets a hash no token has, so the old token no longer returns it. */
  async release(seat: string): Promise<boolean> {
    const slot = this.get(seat);
    if (!slot) return false;
    const claim = { tokenHash: `released:${newSeatToken(9)}`, name: "" };
    await this.storeClaim({ seat: slot.seat, ...claim });
    this.evict(slot);
    this.clearAway(slot);
    slot.claim = null;
    return true;
  }

  /** Its session dropped (the room allows a reconnection for the grace period), or came back. */
  setAway(slot: Slot, away: boolean): void {
    slot.away = away;
  }

  leave(slot: Slot): void {
    slot.sessionId = null;
    this.clearAway(slot);
  }

  /** The bot kind playing a seat now, or null: a human holds it or waits for it, or nobody plays it yet. */
  botOf(seat: string): BotKind | null {
    const slot = this.get(seat);
    if (!slot?.leader || slot.sessionId || slot.away) return null;
    if (slot.botKind === null && this.host.game().phase === "briefing") return null;
    return slot.botKind ?? this.config.fallbackBot ?? "historical";
  }

  holderOf(slot: Slot): SeatHolder {
    if (slot.away) return "away";
    if (slot.sessionId) return "human";
    return this.botOf(slot.seat) ? "bot" : "open";
  }

  /** Leader seats nobody holds or waits for (the lobby lists them). */
  openSeats(): number {
    return this.all().filter((slot) => slot.leader && !slot.sessionId && !slot.away).length;
  }

  /** Leader seats, and those a person holds (or is away from, within the grace period) and a bot plays. */
  counts(): { seats: number; people: number; bots: number } {
    const leaders = this.all().filter((slot) => slot.leader);
    const holders = leaders.map((slot) => this.holderOf(slot));
    return {
      seats: leaders.length,
      people: holders.filter((h) => h === "human" || h === "away").length,
      bots: holders.filter((h) => h === "bot").length,
    };
  }

  /** Seats a human has claimed. */
  claimed(): number {
    return this.all().filter((slot) => slot.claim).length;
  }

  clearAll(): void {
    for (const slot of this.slots.values()) this.clearAway(slot);
  }

  private storeClaim(claim: SeatClaim): Promise<void> {
    return this.host.store().claimSeat(this.host.gameId(), claim);
  }

  private evict(slot: Slot): void {
    if (!slot.sessionId) return;
    const sessionId = slot.sessionId;
    slot.sessionId = null;
    this.hooks.evict(sessionId);
  }

  private markAway(slot: Slot): void {
    this.clearAway(slot);
    slot.away = true;
    slot.awayTimer = this.host.setTimeout(() => {
      slot.away = false;
      slot.awayTimer = null;
      this.hooks.awayEnded();
    }, this.config.graceSeconds * 1000);
  }

  private clearAway(slot: Slot): void {
    slot.away = false;
    slot.awayTimer?.clear();
    slot.awayTimer = null;
  }
}
