/**
 * Builds the server: the store, the game room, the classroom, the HTTP routes (`http.ts`). `main.ts`
 * calls it with the environment's settings; tests call it with their own (127.0.0.1, a free port,
 * a temporary data folder).
 */
import { fileURLToPath } from "node:url";
import { defineRoom, defineServer, matchMaker, type Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { LIMITS, ROOM_NAME } from "../shared/protocol/index.ts";
import type { Scenario } from "../shared/scenarios/schema.ts";
import {
  ensureRoom,
  errorText,
  hookMatchmaking,
  liveRoom,
  originAllowed,
  redisServices,
  roomCodeOf,
} from "./cluster.ts";
import { loadAllScenarios } from "./content/scenario-files.ts";
import { mountRoutes } from "./http.ts";
import { GameRoom } from "./rooms/game-room.ts";
import { DEFAULT_TIMERS, setRoomServices, timersOver, type RoomDefaults } from "./rooms/services.ts";
import { openClassroom } from "./classroom/index.ts";
import { openStore, type GameStore } from "./storage/index.ts";

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** PostgreSQL schema for the tables; tests use their own. */
  pgSchema?: string;
  defaults?: Partial<RoomDefaults>;
  /** Where the built client is; served at `/` when it exists. */
  clientDir?: string;
  /** Print Colyseus's banner and each restored room. */
  verbose?: boolean;
  /** Scale-out: Colyseus's presence and matchmaking driver on this Redis. */
  redisUrl?: string;
  /** Before every Redis key (default `unanimity:`); tests use their own. */
  redisPrefix?: string;
  /**
   * The address clients reach this very process at (`host:port`, or `host/path` behind a proxy).
   * Required with Redis: a seat reserved in one process is claimed by connecting to the room's own.
   */
  publicAddress?: string;
  /** Browser origins allowed to open a WebSocket (empty: all). */
  allowedOrigins?: readonly string[];
  /** The key for `/admin/*`; without one those routes do not exist. */
  adminKey?: string;
  /**
   * Express's `trust proxy` (e.g. `1` behind one proxy): the client's address then comes from
   * X-Forwarded-For, so per-address limits count students, not the proxy.
   */
  trustProxy?: string;
}

export interface App {
  server: Server;
  store: GameStore;
  port: number;
  /** Games that were unfinished at start and came back as rooms. */
  restored: string[];
  /** Colyseus's id of this process (rooms' listings name it). */
  processId: string;
  close(): Promise<void>;
}

const DEFAULT_CLIENT_DIR = fileURLToPath(new URL("../dist/client/", import.meta.url));

export async function createApp(config: AppConfig): Promise<App> {
  const lib = loadAllScenarios();
  for (const e of lib.errors) console.warn(`scenario not loaded: ${e}`);
  const scenarios: Map<string, Scenario> = lib.scenarios;
  const store = await openStore({
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    ...(config.pgSchema ? { pgSchema: config.pgSchema } : {}),
  });
  setRoomServices({
    store,
    scenarios,
    defaults: {
      timers: timersOver(DEFAULT_TIMERS, config.defaults?.timers),
      // A person reads each bot move before the next one (docs/game.md, "Turn discipline and pace").
      thinkMs: config.defaults?.thinkMs ?? 2500,
      deliberationSeconds: config.defaults?.deliberationSeconds ?? 60,
      graceSeconds: config.defaults?.graceSeconds ?? 60,
      quickMatchPlayers: config.defaults?.quickMatchPlayers ?? 3,
      quickWaitSeconds: config.defaults?.quickWaitSeconds ?? 30,
    },
  });
  // Classroom sessions (server/classroom): their own tables in the same database.
  const classroom = await openClassroom({
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    ...(config.pgSchema ? { pgSchema: config.pgSchema } : {}),
    games: store,
    scenarios,
  });
  const clientDir = config.clientDir ?? DEFAULT_CLIENT_DIR;
  const restored: string[] = [];
  const redis = config.redisUrl
    ? redisServices(config.redisUrl, config.redisPrefix ?? "unanimity:")
    : undefined;
  const allowedOrigins = config.allowedOrigins ?? [];
  hookMatchmaking({
    origins: allowedOrigins,
    // A classroom table brought back here (its process died) carries on if its class was running it.
    restore: (code) => ensureRoom(store, code, (c) => classroom.rooms.tableRestored(c)),
  });

  const server = defineServer({
    transport: new WebSocketTransport({
      maxPayload: LIMITS.maxFrameBytes,
      verifyClient: (info: { origin?: string }) => originAllowed(allowedOrigins, info.origin || undefined),
    }),
    // "Play now" is `joinOrCreate(ROOM_NAME, { quickMatch: true })`: it finds a room whose listing
    // still says `quickMatch: true` (gathering strangers), or makes one (server/rooms/quick-match.ts).
    rooms: { [ROOM_NAME]: defineRoom(GameRoom).filterBy(["quickMatch"]) },
    greet: false,
    gracefullyShutdown: false,
    ...(redis ? { presence: redis.presence, driver: redis.driver } : {}),
    ...(config.publicAddress ? { publicAddress: config.publicAddress } : {}),
    // A new room is made in the process that got the request (the proxy spreads requests over the
    // processes). Colyseus would otherwise ask the least busy process over Redis, and a room's
    // creation (a write to PostgreSQL) under load can outlast that request's 2 s timeout: the asker
    // then makes the room itself, and the other process's copy is left without players.
    selectProcessIdToCreateRoom: () => Promise.resolve(matchMaker.processId),
    beforeListen: async () => {
      await matchMaker.onReady;
      // Unfinished games that no live process holds come back here; with several processes
      // starting at once, the lock in ensureRoom gives each game to one of them.
      for (const id of await store.unfinishedGames()) {
        try {
          const code = roomCodeOf(id);
          if (await liveRoom(code)) continue;
          const room = await ensureRoom(store, code);
          if (room?.processId === matchMaker.processId) restored.push(id);
        } catch (err) {
          console.error(`game ${id} could not be restored:`, errorText(err));
        }
      }
      if (config.verbose && restored.length)
        console.log(`restored ${restored.length} unfinished game(s): ${restored.join(", ")}`);
    },
    express: (app) => {
      mountRoutes(app, {
        store,
        scenarios,
        redis,
        allowedOrigins,
        classRouter: classroom.router,
        clientDir,
        adminKey: config.adminKey,
        trustProxy: config.trustProxy,
      });
    },
  });

  await server.listen(config.port, config.host);
  const address = server.transport.server?.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  await classroom.restore();

  return {
    server,
    store,
    port,
    restored,
    processId: matchMaker.processId,
    async close() {
      hookMatchmaking({ origins: [] });
      // Each room first finishes storing what it accepted (GameRoom.onBeforeShutdown).
      await server.gracefullyShutdown(false);
      await redis?.close();
      await classroom.close();
      await store.close();
    },
  };
}
