/**
 * The classroom suites against the machine's PostgreSQL (TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test): the sessions and their log in the PostgreSQL adapter,
 * and a session continued after a restart; in schemas of their own, dropped afterwards.
 */
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startServer, type TestServer } from "../server/helpers.ts";
import { restartSuite } from "../classroom/suites/restart.ts";
import { sessionSuite } from "../classroom/suites/session.ts";

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SCHEMA = `unanimity_class_${process.pid}_${Date.now()}`;

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({
    databaseUrl: DATABASE_URL,
    pgSchema: SCHEMA,
    defaults: { thinkMs: 20, graceSeconds: 1 },
  });
});
afterAll(async () => {
  await srv.close();
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  for (const s of [SCHEMA, `${SCHEMA}_proc`]) await db.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await db.end();
});

test("the classroom's tables are in the PostgreSQL schema", async () => {
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    const r = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name LIKE 'class_%'`,
      [SCHEMA],
    );
    expect(r.rows.map((x) => x.table_name).sort()).toEqual(["class_log", "class_sessions"]);
  } finally {
    await db.end();
  }
});

sessionSuite(() => srv);
restartSuite(() => ({ DATABASE_URL, DATABASE_SCHEMA: `${SCHEMA}_proc` }));
