/**
 * The HTTP side of the server, on Colyseus's Express app: the origin check, `/healthz`, the public
 * API (scenarios, rooms, game records), the key-guarded `/admin/*`, the classroom's `/api/class`,
 * and the built client. `app.ts` wires the process (store, rooms, matchmaking) and mounts these.
 */
import { timingSafeEqual } from "node:crypto";
import { existsSync } from "node:fs";
import { matchMaker } from "@colyseus/core";
import express, { type Application, type Router } from "express";
import { GameIdSchema, ROOM_NAME } from "../shared/protocol/index.ts";
import type { Scenario } from "../shared/scenarios/schema.ts";
import { liveRoom, originAllowed, type RedisServices } from "./cluster.ts";
import { checkHealth } from "./health.ts";
import type { RoomMeta } from "./rooms/clients.ts";
import { actionStats } from "./rooms/metrics.ts";
import type { GameStore, StoredGame } from "./storage/index.ts";

export interface RoutesConfig {
  store: GameStore;
  scenarios: Map<string, Scenario>;
  redis: RedisServices | undefined;
  /** Browser origins allowed (empty: all). */
  allowedOrigins: readonly string[];
  /** The classroom's router, mounted at `/api/class`. */
  classRouter: Router;
  /** Served at `/` when it exists. */
  clientDir: string;
  adminKey?: string | undefined;
  trustProxy?: string | undefined;
}

function keyMatches(expected: string, given: unknown): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

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

/** A game record without what no client may see: the seed, secret ballots, private chat, seat tokens. */
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

/**
 * A listing's metadata, as any process wrote it (with Redis, another process's listing): the game
 * room's `RoomMeta`, or nothing for a room that has not set it yet.
 */
const metaOf = (metadata: unknown) => metadata as RoomMeta | undefined;

function adminRoutes(app: Application, adminKey: string): void {
  app.use("/admin", (req, res, next) => {
    const bearer = req.headers.authorization?.replace(/^Bearer /, "");
    if (keyMatches(adminKey, req.headers["x-admin-key"]) || keyMatches(adminKey, bearer)) {
      next();
      return;
    }
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
        ...metaOf(r.metadata),
      })),
    );
  });
  app.get("/admin/stats", (_req, res) => {
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

export function mountRoutes(app: Application, config: RoutesConfig): void {
  const { store, scenarios, redis, allowedOrigins } = config;
  if (config.trustProxy) app.set("trust proxy", trustProxyValue(config.trustProxy));
  // Pages a browser may call from elsewhere only from an allowed origin.
  app.use((req, res, next) => {
    if (originAllowed(allowedOrigins, req.headers.origin)) {
      next();
      return;
    }
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
      [...scenarios.values()].map((scenario) => ({
        id: scenario.id,
        title: scenario.title,
        date: scenario.date,
        members: scenario.members,
        host: scenario.host,
        chair: scenario.chair,
        sources: scenario.sources,
      })),
    );
  });
  app.get("/api/rooms", async (_req, res) => {
    const rooms = await matchMaker.query({ name: ROOM_NAME, private: false });
    res.json(
      rooms
        .filter((r) => !r.unlisted)
        .map((r) => ({ code: r.roomId, clients: r.clients, ...metaOf(r.metadata) })),
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
      res.json({ code: room.roomId, live: true, clients: room.clients, ...metaOf(room.metadata) });
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
  if (config.adminKey) adminRoutes(app, config.adminKey);
  app.get("/api/games", async (req, res) => {
    const status =
      req.query.status === "active" || req.query.status === "finished" ? req.query.status : undefined;
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
  app.use("/api/class", config.classRouter);
  if (existsSync(config.clientDir)) app.use("/", express.static(config.clientDir));
}
