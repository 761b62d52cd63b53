/**
 * `npm start`: the game server. Settings come from the environment (server/README.md lists them):
 * - PORT (default 2567) and HOST (default 0.0.0.0) to listen on;
 * - DATA_DIR (default data/): where the SQLite file lives, created on first start;
 * - DATABASE_URL: use PostgreSQL instead of SQLite (DATABASE_SCHEMA: a schema for the tables, default public);
 * - REDIS_URL: run as one of several processes (Colyseus's Redis presence and driver; REDIS_PREFIX
 *   before every key), each with its own PUBLIC_ADDRESS;
 * - ALLOWED_ORIGINS: comma-separated browser origins allowed to connect (default: all);
 * - ADMIN_KEY: enables /admin/* for requests that carry it;
 * - TRUST_PROXY: Express's "trust proxy" behind a proxy (e.g. 1), so per-address limits see clients;
 * - SCENARIO_DIR (default data/scenarios): extra scenario files a teacher adds;
 * - QUICK_MATCH_PLAYERS (default 3): people who start a "Play now" room before its wait ends.
 * Unfinished games come back under their room codes when the server starts again.
 */
import { createApp } from "./app.ts";

const env = process.env;
const port = Number(env.PORT ?? 2567);
const host = env.HOST ?? "0.0.0.0";
const dataDir = env.DATA_DIR ?? "data";
const quickMatchPlayers = Number(env.QUICK_MATCH_PLAYERS);
const list = (v: string | undefined) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

if (env.REDIS_URL && !env.PUBLIC_ADDRESS)
  console.warn("REDIS_URL without PUBLIC_ADDRESS: joins through another process will fail");

const app = await createApp({
  port,
  host,
  dataDir,
  ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
  ...(env.DATABASE_SCHEMA ? { pgSchema: env.DATABASE_SCHEMA } : {}),
  ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
  ...(env.REDIS_PREFIX ? { redisPrefix: env.REDIS_PREFIX } : {}),
  ...(env.PUBLIC_ADDRESS ? { publicAddress: env.PUBLIC_ADDRESS } : {}),
  allowedOrigins: list(env.ALLOWED_ORIGINS),
  ...(env.ADMIN_KEY ? { adminKey: env.ADMIN_KEY } : {}),
  ...(env.TRUST_PROXY ? { trustProxy: env.TRUST_PROXY } : {}),
  verbose: env.QUIET !== "1",
  ...(Number.isInteger(quickMatchPlayers) && quickMatchPlayers >= 1 && quickMatchPlayers <= 7
    ? { defaults: { quickMatchPlayers } }
    : {}),
});
console.log(
  `Unanimity server on http://${host}:${app.port} (store: ${app.store.kind}${app.store.kind === "sqlite" ? `, ${dataDir}` : ""}${env.REDIS_URL ? `, redis, process ${app.processId}` : ""})`,
);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    // Each room stores what it accepted before its clients are told to go; the games come back
    // on the next start, or in another process when their players join again.
    app
      .close()
      .catch((err: unknown) => console.error("shutdown:", err))
      .finally(() => process.exit(0));
  });
}
