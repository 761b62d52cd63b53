/**
 * Builds the server: the store, the game room, the HTTP API and the built client. `main.ts`
 * calls it with the environment's settings; tests call it with their own (127.0.0.1, a free port,
 * a temporary data folder).
 */
import { timingSafeEqual } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineRoom, defineServer, matchMaker, type Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express from "express";
import { GameIdSchema, LIMITS, ROOM_NAME } from "../shared/protocol/index.ts";
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
import { checkHealth } from "./health.ts";
import { GameRoom } from "./rooms/game-room.ts";
import { actionStats } from "./rooms/metrics.ts";
import { DEFAULT_TIMERS, setRoomServices, type RoomDefaults } from "./rooms/services.ts";
import { openClassroom } from "./classroom/index.ts";
import { openStore, type GameStatus, type GameStore, type StoredGame } from "./storage/index.ts";

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

function keyMatches(expected: string, given: unknown): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

const DEFAULT_CLIENT_DIR = fileURLToPath(new URL("../dist/client/", import.meta.url));

/** A game record without what no client may see: the seed, secret ballots, private chat, seat tokens. */
/**
 * A logged action as anyone may see it: a deputy's ballot stays secret, and a facilitator's secret
 * instruction to one leader stays secret until the game is over (the debrief reveals it).
 */
function publicEntry(e: StoredGame["log"][number], finished: boolean): StoredGame["log"][number] | object {
  if (e.action.type === "deputyVote") return { seat: e.seat, action: { type: "deputyVote" }, at: e.at };
  if (e.action.type === "inject" && e.action.to && !finished) {
    return { seat: e.seat, action: { type: "inject", to: e.action.to }, at: e.at };
  }
  return e;
}

export function publicRecord(g: StoredGame) {
  return {
    id: g.id,
    scenarioId: g.scenarioId,
    rulesVersion: g.rulesVersion,
    status: g.status,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
    finishedAt: g.finishedAt,
    seats: g.seats,
    players: g.claims.map((c) => ({ seat: c.seat, name: c.name })),
    log: g.log.map((e) => publicEntry(e, g.status === "finished")),
    chat: g.chat.filter((c) => c.to === null),
    result: g.result,
  };
}

/** `true`/`false`, a hop count, or addresses and subnets, as Express understands them. */
export function trustProxyValue(v: string): boolean | number | string {
  if (v === "true" || v === "false") return v === "true";
  return /^\d+$/.test(v) ? Number(v) : v;
}

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
      timers: { ...DEFAULT_TIMERS, ...config.defaults?.timers },
      thinkMs: config.defaults?.thinkMs ?? 1200,
      graceSeconds: config.defaults?.graceSeconds ?? 60,
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
    rooms: { [ROOM_NAME]: defineRoom(GameRoom) },
    greet: false,
    gracefullyShutdown: false,
    ...(redis ? { presence: redis.presence, driver: redis.driver } : {}),
    ...(config.publicAddress ? { publicAddress: config.publicAddress } : {}),
    // A new room is made in the process that got the request (the proxy spreads requests over the
    // processes). Colyseus would otherwise ask the least busy process over Redis, and a room's
    // creation (a write to PostgreSQL) under load can outlast that request's 2 s timeout: the asker
    // then makes the room itself, and the other process's copy is left without players.
    selectProcessIdToCreateRoom: async () => matchMaker.processId,
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
      if (config.trustProxy) app.set("trust proxy", trustProxyValue(config.trustProxy));
      // Pages a browser may call from elsewhere only from an allowed origin.
      app.use((req, res, next) => {
        if (originAllowed(allowedOrigins, req.headers.origin)) return next();
        res.status(403).json({ error: "ERR_ORIGIN" });
      });
      app.get("/healthz", async (_req, res) => {
        const health = await checkHealth({
          store: () => store.ping(),
          ...(redis ? { redis: () => redis.ping() } : {}),
        });
        res.status(health.ok ? 200 : 503).json({
          ...health,
          store: store.kind,
          presence: redis ? "redis" : "local",
          rooms: matchMaker.stats.local.roomCount,
          actions: actionStats(),
        });
      });
      app.get("/api/scenarios", (_req, res) => {
        res.json(
          [...scenarios.values()].map((s) => ({
            id: s.id,
            title: s.title,
            date: s.date,
            members: s.members,
            host: s.host,
            chair: s.chair,
            sources: s.sources,
          })),
        );
      });
      app.get("/api/rooms", async (_req, res) => {
        const rooms = await matchMaker.query({ name: ROOM_NAME, private: false });
        res.json(
          rooms
            .filter((r) => !r.unlisted)
            .map((r) => ({ code: r.roomId, clients: r.clients, ...r.metadata })),
        );
      });
      // A room by its code, whichever process holds it (the lobby's join box, a facilitator's list).
      app.get("/api/rooms/:code", async (req, res) => {
        const code = GameIdSchema.safeParse(req.params.code);
        if (!code.success || code.data.includes("-")) {
          res.status(404).json({ error: "ERR_NOT_FOUND" });
          return;
        }
        const room = await liveRoom(code.data);
        if (room) {
          res.json({ code: room.roomId, live: true, clients: room.clients, ...room.metadata });
          return;
        }
        const game = await store.getGame(code.data);
        if (!game) {
          res.status(404).json({ error: "ERR_NOT_FOUND" });
          return;
        }
        // An unfinished game with no live room comes back when a player joins its code.
        res.json({ code: game.id, live: false, status: game.status, scenarioId: game.scenarioId });
      });
      if (config.adminKey) {
        const adminKey = config.adminKey;
        app.use("/admin", (req, res, next) => {
          const bearer = req.headers.authorization?.replace(/^Bearer /, "");
          if (keyMatches(adminKey, req.headers["x-admin-key"]) || keyMatches(adminKey, bearer)) return next();
          res.status(401).json({ error: "ERR_ADMIN_KEY" });
        });
        // Every room of every process, private ones too: the monitor (and later the facilitator).
        app.get("/admin/rooms", async (_req, res) => {
          const rooms = await matchMaker.query({ name: ROOM_NAME });
          res.json(
            rooms.map((r) => ({
              code: r.roomId,
              processId: r.processId,
              publicAddress: r.publicAddress ?? null,
              clients: r.clients,
              private: r.private,
              ...r.metadata,
            })),
          );
        });
        app.get("/admin/stats", async (_req, res) => {
          res.json({
            processId: matchMaker.processId,
            rooms: matchMaker.stats.local.roomCount,
            ccu: matchMaker.stats.local.ccu,
            memoryMb: Math.round(process.memoryUsage().rss / 1e6),
            heapMb: Math.round(process.memoryUsage().heapUsed / 1e6),
            // Timers and handles alive now: with no room left they return to their count at start.
            timers: process.getActiveResourcesInfo().filter((r) => r === "Timeout").length,
            resources: process.getActiveResourcesInfo().length,
            actions: actionStats(),
          });
        });
      }
      app.get("/api/games", async (req, res) => {
        const status =
          req.query.status === "active" || req.query.status === "finished"
            ? (req.query.status as GameStatus)
            : undefined;
        const limit = Math.min(200, Math.max(1, Number(req.query.limit) || 50));
        const games = await store.listGames({ ...(status ? { status } : {}), limit });
        res.json(games.filter((g) => !g.private));
      });
      app.get("/api/games/:id", async (req, res) => {
        const code = GameIdSchema.safeParse(req.params.id);
        const game = code.success ? await store.getGame(code.data) : undefined;
        if (!game) {
          res.status(404).json({ error: "ERR_NOT_FOUND" });
          return;
        }
        res.json(publicRecord(game));
      });
      app.use("/api/class", classroom.router);
      if (existsSync(clientDir)) app.use("/", express.static(clientDir));
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
