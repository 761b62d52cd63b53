/**
 * `npm start`: the game server. Settings come from the environment:
 * - PORT (default 2567) and HOST (default 0.0.0.0) to listen on;
 * - DATA_DIR (default data/): where the SQLite file lives, created on first start;
 * - DATABASE_URL: use PostgreSQL instead of SQLite (DATABASE_SCHEMA: a schema for the tables, default public);
 * - SCENARIO_DIR (default data/scenarios): extra scenario files a teacher adds.
 * Unfinished games come back under their room codes when the server starts again.
 */
import { createApp } from "./app.ts";

const port = Number(process.env.PORT ?? 2567);
const host = process.env.HOST ?? "0.0.0.0";
const dataDir = process.env.DATA_DIR ?? "data";

const app = await createApp({
  port,
  host,
  dataDir,
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  ...(process.env.DATABASE_SCHEMA ? { pgSchema: process.env.DATABASE_SCHEMA } : {}),
  verbose: process.env.QUIET !== "1",
});
console.log(
  `Unanimity server on http://${host}:${app.port} (store: ${app.store.kind}${app.store.kind === "sqlite" ? `, ${dataDir}` : ""})`,
);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    // Every accepted action is already stored; the rooms come back on the next start.
    app.close().finally(() => process.exit(0));
  });
}
