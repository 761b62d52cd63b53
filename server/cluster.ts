/**
 * Running on several processes: Colyseus's Redis presence and matchmaking driver (REDIS_URL) share
 * the room listings, and the game records in PostgreSQL (DATABASE_URL) let any process restore a
 * game whose process died. A join by room code for a game that has an unfinished record but no live
 * room restores it (by replaying its log) in the process that received the join, under a lock that
 * every process respects, so two processes never restore the same game.
 */
import { matchMaker, ServerError, type IRoomCache } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { Redis } from "ioredis";
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH, ROOM_NAME } from "../shared/protocol/index.ts";
import { RESTORE_KEY } from "./rooms/open-game.ts";
import type { GameStore } from "./storage/index.ts";

export interface RedisServices {
  presence: RedisPresence;
  driver: RedisDriver;
  /** Throws when Redis does not answer (for `/healthz`). */
  ping(): Promise<void>;
  /** Closes the connections the presence and driver opened. */
  close(): Promise<void>;
}

/**
 * The Redis presence and driver. `prefix` goes before every key (tests use their own and delete
 * them afterwards); pub/sub channels are process and room ids, unique anyway.
 */
export function redisServices(url: string, prefix: string): RedisServices {
  const options = { keyPrefix: prefix, maxRetriesPerRequest: 3 };
  const pub = new Redis(url, options);
  const driverClient = new Redis(url, options);
  const presence = new RedisPresence(pub);
  const driver = new RedisDriver(driverClient);
  return {
    presence,
    driver,
    async ping() {
      await pub.ping();
    },
    close() {
      // Only connections still open: Colyseus's shutdown may have closed some already.
      for (const c of [pub, driverClient]) if (c.status !== "end") c.disconnect();
      // Asks both of the presence's connections to quit (it does not wait for them).
      presence.shutdown();
      return Promise.resolve();
    },
  };
}

/** A live room's listing, after making sure its process still answers (a dead one's rooms are removed). */
export async function liveRoom(code: string): Promise<IRoomCache | undefined> {
  // One key lookup (HGET with Redis), not a scan of every listing: this runs on every join by code.
  // The drivers' typing says a room is always found; they answer `undefined` when none is.
  const room = (await matchMaker.driver.findOne({ roomId: code })) as IRoomCache | undefined;
  if (!room) return undefined;
  if (room.processId === matchMaker.processId) return room;
  // A live process is subscribed to its own channel; a dead one's subscription went with its
  // connection. This never mistakes a busy process for a dead one (a health check that times out
  // under load would sweep a live process's rooms from the listing).
  if ((await matchMaker.presence.channels(`p:${room.processId}`)).length > 0) return room;
  // Gone: the health check confirms it and sweeps its rooms from the listing.
  if (await matchMaker.healthCheckProcessId(room.processId)) return room;
  return undefined;
}

const ROOM_CODE = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);

/** The room code a stored game is played under: a campaign's later games are `CODE-2`, `CODE-3`… */
export const roomCodeOf = (gameId: string) => gameId.split("-")[0] as string;

/** The unfinished game now played under a room code (a campaign's latest part), if any. */
async function unfinishedGameOf(store: GameStore, code: string): Promise<string | undefined> {
  const ids = (await store.unfinishedGames()).filter((id) => roomCodeOf(id) === code);
  return ids.sort((a, b) => partOf(a) - partOf(b)).at(-1);
}
const partOf = (id: string) => Number(id.split("-")[1] ?? 1);

/**
 * Makes sure the room `code` is live somewhere: returns it, or restores its unfinished game here from
 * the record. Undefined when there is no such room code or its games are over.
 */
export async function ensureRoom(
  store: GameStore,
  code: string,
  /** Told of a game this call brought back (a classroom table resumes if its class ran it). */
  onRestored?: (code: string) => Promise<void>,
): Promise<IRoomCache | undefined> {
  if (!ROOM_CODE.test(code)) return undefined;
  const live = await liveRoom(code);
  if (live) return live;
  if (!(await unfinishedGameOf(store, code))) return undefined;
  return store.withLock(`restore:${code}`, async () => {
    // Another process may have restored it while this one waited for the lock.
    const again = await liveRoom(code);
    if (again) return again;
    const id = await unfinishedGameOf(store, code);
    if (!id) return undefined;
    // Created in this process (never sent to another: the restore key is this process's own).
    const room = await matchMaker.handleCreateRoom(ROOM_NAME, { restore: id, key: RESTORE_KEY });
    await onRestored?.(code).catch((err: unknown) =>
      console.error(`game ${code}: after restore:`, errorText(err)),
    );
    return room;
  });
}

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export interface MatchmakingHooks {
  /** The browser origins allowed (empty: all), as for WebSockets. */
  origins: readonly string[];
  /** Makes sure the room a `joinById` names is live (restoring its game if need be). */
  restore?: (code: string) => Promise<unknown>;
}

let hooks: MatchmakingHooks = { origins: [] };
let hooked = false;

/**
 * What this server adds to Colyseus's matchmaking HTTP routes (`/matchmake/…`, served before Express
 * sees the request; the controller is the one place every such request goes through):
 * - the `Origin` allow-list: a page on another site can neither reserve a seat for its visitor nor
 *   read the answer (CORS names an allowed origin only);
 * - before a `joinById`, the room is restored here if its game is unfinished and no process holds
 *   it, so a player whose process died gets the game back by joining its code again with their token.
 */
export function hookMatchmaking(next: MatchmakingHooks): void {
  hooks = next;
  if (hooked) return;
  hooked = true;
  const controller = matchMaker.controller;
  const invoke = controller.invokeMethod.bind(controller);
  controller.invokeMethod = async (method, roomName, clientOptions, authOptions) => {
    const origin = authOptions?.headers.get("origin") ?? undefined;
    if (!originAllowed(hooks.origins, origin)) throw new ServerError(403, "ERR_ORIGIN");
    if (method === "joinById" && hooks.restore && typeof roomName === "string") {
      try {
        await hooks.restore(roomName);
      } catch (err) {
        console.error(`game ${roomName.slice(0, 20)} could not be restored:`, errorText(err));
      }
    }
    const answer: unknown = await invoke(method, roomName, clientOptions, authOptions);
    return answer;
  };
  const cors = controller.getCorsHeaders.bind(controller);
  controller.getCorsHeaders = (headers: Headers) => {
    const origin = headers.get("origin") ?? undefined;
    if (originAllowed(hooks.origins, origin)) return cors(headers);
    return { "Access-Control-Allow-Origin": hooks.origins[0] as string };
  };
}

/**
 * The WebSocket `Origin` allow-list: empty allows every origin. A connection without an `Origin`
 * header (not a browser: a bot, a test, the load generator) is let in, since only browsers send one
 * and only browsers can be tricked into connecting from another site.
 */
export function originAllowed(allowed: readonly string[], origin: string | undefined): boolean {
  if (allowed.length === 0 || origin === undefined) return true;
  return allowed.includes(origin);
}
