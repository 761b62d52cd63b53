/**
 * A game room's clients: the seat each one holds or that it watches (the synced spectator count), a
 * held seat's secret in its client's StateView, what a client hears when it joins (its seat and
 * token, the chat it may read), and the seat's holder as its client drops, comes back or leaves.
 */
import { CloseCode, ServerError } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { JoinOptionsSchema, type ChatLine, type ServerMessages } from "../../shared/protocol/index.ts";
import { forecastReactions } from "../../shared/bots/forecast.ts";
import { projectPublic, projectSecret } from "../sync/project.ts";
import type { GameState } from "../../shared/rules/index.ts";
import type { RoomState } from "../sync/schema.ts";
import { mayRead, type Chat } from "./chat.ts";
import { readerOf, type GameClient } from "./clients.ts";
import type { RoomHost } from "./room-host.ts";
import type { Seating, Slot } from "./seating.ts";

export interface SessionHooks {
  /** The room code. */
  code(): string;
  client(sessionId: string): GameClient | undefined;
  clients(): Iterable<GameClient>;
  /** Seats changed hands: the synced seats, a patch, and (with `bots`) the bots asked to play. */
  seatsChanged(bots: boolean): void;
}

export class Sessions {
  private readonly host: Pick<RoomHost, "game" | "broadcast">;
  private readonly hooks: SessionHooks;
  private readonly seating: Seating;
  private readonly chat: Chat;
  private readonly synced: RoomState;

  constructor(
    host: Pick<RoomHost, "game" | "broadcast">,
    hooks: SessionHooks,
    parts: { seating: Seating; chat: Chat },
    synced: RoomState,
  ) {
    this.host = host;
    this.hooks = hooks;
    this.seating = parts.seating;
    this.chat = parts.chat;
    this.synced = synced;
  }

  /** A join: a seat (see `Seating.join`) or a spectator's place; throws the refusal the client gets. */
  async join(client: GameClient, raw: unknown): Promise<void> {
    const parsed = JoinOptionsSchema.safeParse(raw ?? {});
    if (!parsed.success)
      throw new ServerError(400, `bad join options: ${parsed.error.issues[0]?.message ?? ""}`);
    client.userData = { seat: null, watching: false, muted: new Set() };
    client.view = new StateView();
    const { slot, token } = await this.seating.join(parsed.data, client.sessionId);
    if (slot) {
      client.userData.seat = slot.seat;
      client.view.add(projectSecret(this.synced, this.host.game(), slot.seat));
    } else {
      client.userData.watching = true;
      this.synced.spectators += 1;
    }
    const creator = this.seating.isCreator(client.sessionId, slot?.seat ?? null);
    const seat = { seat: slot?.seat ?? null, token, code: this.hooks.code(), creator };
    client.send("seat", seat satisfies ServerMessages["seat"]);
    client.send("chatHistory", this.chat.historyFor(readerOf(client)));
    this.hooks.seatsChanged(true);
  }

  /** The client's connection dropped (it may reconnect within the grace period) or came back. */
  setAway(client: GameClient, away: boolean): void {
    const slot = this.slotOf(client);
    if (!slot) return;
    this.seating.setAway(slot, away);
    this.hooks.seatsChanged(false);
  }

  leave(client: GameClient): void {
    const slot = this.slotOf(client);
    if (slot) {
      this.seating.leave(slot);
      this.hooks.seatsChanged(true);
    } else if (client.userData?.watching) {
      client.userData.watching = false;
      this.synced.spectators -= 1;
      this.host.broadcast();
    }
  }

  /** The slot the client holds, if it holds it still (a newer connection may have taken it). */
  slotOf(client: GameClient): Slot | undefined {
    return this.seating.heldBy(client.sessionId, client.userData?.seat ?? null);
  }

  /** A seat's token came with a newer connection: the old one loses the seat and is let go. */
  evict(sessionId: string): void {
    const old = this.hooks.client(sessionId);
    if (old?.userData) old.userData.seat = null;
    old?.leave(CloseCode.CONSENTED, "seat taken by a newer connection");
  }

  /** The client's seat is gone (a campaign's next crisis has no such seat): it watches now. */
  watch(sessionId: string): void {
    const client = this.hooks.client(sessionId);
    if (!client?.userData) return;
    client.userData.seat = null;
    client.userData.watching = true;
    this.synced.spectators += 1;
  }

  /** Projects the game for all, and into the secret of each seat a client holds. */
  project(game: GameState): void {
    projectPublic(this.synced, game);
    for (const slot of this.seating.all())
      if (this.synced.secrets.has(slot.seat))
        projectSecret(this.synced, game, slot.seat, this.forecast(game, slot));
  }

  /** A human leader's forecast of how the bots would answer what it might say (docs/game.md, "Bots"). */
  private forecast(game: GameState, slot: Slot): { forecasts?: unknown } {
    if (!slot.leader || this.seating.holderOf(slot) !== "human") return {};
    const forecasts = forecastReactions(game, slot.seat, (seat) => this.seating.botOf(seat));
    return forecasts.length > 0 ? { forecasts } : {};
  }

  /** Sends a stored chat line to every client that may read it. */
  deliver(line: ChatLine): void {
    for (const client of this.hooks.clients()) if (mayRead(readerOf(client), line)) client.send("chat", line);
  }
}
