/**
 * The server suites again, against the machine's PostgreSQL (127.0.0.1:5432, user postgres, db test,
 * or DATABASE_URL), in a schema of their own that is dropped afterwards.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openPostgresStore } from "../../server/storage/postgres.ts";
import { startServer, type TestServer } from "../server/helpers.ts";
import { gameSuite } from "../server/suites/game.ts";
import { inputSuite } from "../server/suites/input.ts";
import { reconnectSuite } from "../server/suites/reconnect.ts";
import { restartSuite } from "../server/suites/restart.ts";

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SCHEMA = `unanimity_test_${process.pid}_${Date.now()}`;

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ databaseUrl: DATABASE_URL, pgSchema: SCHEMA });
});
afterAll(async () => {
  await srv.close();
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  await db.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await db.query(`DROP SCHEMA IF EXISTS ${SCHEMA}_proc CASCADE`);
  await db.end();
});

describe("the PostgreSQL store", () => {
  test("the server uses it, and a duplicate action index is refused", async () => {
    expect(srv.app.store.kind).toBe("postgres");
    const store = await openPostgresStore({ connectionString: DATABASE_URL, schema: SCHEMA });
    try {
      await store.createGame({
        id: "PGT22",
        scenarioId: "armenia-2021-05",
        seed: "x",
        rulesVersion: 1,
        seats: {},
        options: { scenario: "armenia-2021-05" },
        createdAt: 1,
      });
      await store.appendAction("PGT22", 0, { seat: "AM", action: { type: "ready" }, at: 2 });
      await expect(
        store.appendAction("PGT22", 0, { seat: "RU", action: { type: "ready" }, at: 3 }),
      ).rejects.toThrow();
      const g = await store.getGame("PGT22");
      expect(g?.log).toEqual([{ seat: "AM", action: { type: "ready" }, at: 2 }]);
      expect(await store.unfinishedGames()).toContain("PGT22");
    } finally {
      await store.close();
    }
  });
});

gameSuite(() => srv);
inputSuite(() => srv);
reconnectSuite(() => srv);
restartSuite(() => ({ DATABASE_URL, DATABASE_SCHEMA: `${SCHEMA}_proc` }));
