/**
 * Assembles a game room's parts from the game it opened, and wires them to each other. The room
 * supplies the callbacks (`RoomHost`, `PartsHooks`); no part sees the room.
 */
import type { GameState } from "../../shared/rules/index.ts";
import type { RoomState } from "../sync/schema.ts";
import { BotScheduler } from "./bots.ts";
import { CampaignRun } from "./campaign-run.ts";
import { Chat } from "./chat.ts";
import { PhaseClock } from "./clock.ts";
import type { OpenedGame } from "./open-game.ts";
import type { RoomHost } from "./room-host.ts";
import { Listing, type ListingHooks } from "./listing.ts";
import { QuickMatch, quickSeatOrder } from "./quick-match.ts";
import { Seating } from "./seating.ts";
import { Sessions, type SessionHooks } from "./sessions.ts";
import type { TableContext } from "./table-requests.ts";
import { Turns } from "./turns.ts";

export interface Parts {
  seating: Seating;
  clock: PhaseClock;
  bots: BotScheduler;
  turns: Turns;
  chat: Chat;
  sessions: Sessions;
  listing: Listing;
  campaign: CampaignRun;
  table: TableContext;
  quick: QuickMatch;
}

export interface PartsHooks extends SessionHooks, ListingHooks {
  /** A campaign's next crisis begins with its fresh game. */
  begin(game: GameState): void;
}

export function assembleParts(
  host: RoomHost,
  hooks: PartsHooks,
  opened: OpenedGame,
  synced: RoomState,
): Parts {
  const { graceSeconds, options, classSession } = opened;
  const seatingHooks = {
    evict: (sessionId: string) => sessions.evict(sessionId),
    watch: (sessionId: string) => sessions.watch(sessionId),
    awayEnded: () => hooks.seatsChanged(true),
  };
  const seating = new Seating(
    host,
    seatingHooks,
    {
      graceSeconds,
      bots: options.bots,
      fallbackBot: options.fallbackBot,
      classroom: !!classSession,
      solo: options.solo === true,
      creatorHash: options.creator ?? null,
      creatorToken: opened.creatorToken,
      // Strangers in a quick match get the seats with the most to decide first, one each.
      ...(opened.quick ? { prefer: () => quickSeatOrder(host.game().scenario) } : {}),
    },
    synced,
  );
  const clock: PhaseClock = new PhaseClock(
    host,
    synced,
    { bots: { stop: () => bots.stop(), schedule: () => bots.schedule() } },
    opened.timers,
  );
  const turns = new Turns(
    host,
    {
      holder: (seat) => {
        const slot = seating.get(seat);
        return slot ? seating.holderOf(slot) : "open";
      },
      unclaimed: () => seating.claimed() === 0,
      now: () => clock.runningMs(),
    },
    opened.deliberationSeconds,
    synced,
  );
  const bots = new BotScheduler(
    host,
    {
      paused: () => clock.paused,
      botOf: (seat) => seating.botOf(seat),
      holdMs: () => turns.holdMs(),
      windowLeftMs: () => turns.windowLeftMs(),
      deliberationOver: () => turns.deliberationOver(),
      waiting: () => turns.waiting(),
      holding: (held) => turns.setHolding(held),
      expire: () => clock.expire(),
    },
    opened.thinkMs,
  );
  const isLeader = (seat: string) => seating.get(seat)?.leader === true;
  const chat = new Chat(host, { deliver: (line) => sessions.deliver(line), isLeader }, opened.chat);
  const sessions: Sessions = new Sessions(host, hooks, { seating, chat }, synced);
  const position = { code: opened.code, crisis: opened.crisis, crises: opened.crises, carry: opened.carry };
  const campaign = new CampaignRun(
    host,
    {
      claims: () => seating.all().flatMap((slot) => (slot.claim ? [{ seat: slot.seat, ...slot.claim }] : [])),
      pause: () => {
        clock.clear();
        bots.stop();
      },
      begin: (game) => {
        hooks.begin(game);
      },
    },
    synced,
    options,
    { position, gameId: opened.gameId },
  );
  const table: TableContext = {
    host,
    seating,
    clock,
    place: () => ({
      code: hooks.code(),
      gameId: campaign.gameId,
      crisis: campaign.position.crisis,
      crises: campaign.position.crises.length,
      deadline: synced.deadline,
      chatLines: chat.count,
    }),
    seatsChanged: (bots) => {
      hooks.seatsChanged(bots);
    },
  };
  const quick = new QuickMatch(
    host,
    {
      people: () => seating.counts().people,
      setPaused: (paused) => clock.setPaused(paused),
      fill: () => seating.fill(options.fallbackBot ?? "historical"),
      changed: () => hooks.seatsChanged(true),
    },
    synced,
    opened.quick,
  );
  const listing = new Listing(host, hooks, { seating, quick, language: options.language ?? null });
  return { seating, clock, bots, turns, chat, sessions, listing, campaign, table, quick };
}

/** Stops the parts' timers: the phase clock, the bots, a campaign's pause (the room finished or stops). */
export function stopTimers({ clock, bots, campaign, quick }: Parts): void {
  quick.clear();
  campaign.clear();
  clock.clear();
  bots.stop();
}

/** Waits for queued work; work queued meanwhile is waited for too, up to a few rounds. */
export async function settle(pending: () => Promise<void>[], rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    const before = pending();
    await Promise.all(before);
    if (pending().every((queue, index) => queue === before[index])) return;
  }
}
