/** The PostgreSQL store, chosen when DATABASE_URL is set. Same tables as SQLite, in one schema. */
import pg from "pg";
import { gameOf, summaryOf } from "./rows.ts";
import { SCHEMA_SQL, type GameRow } from "./sql.ts";
import type { GameStore } from "./types.ts";

export interface PostgresOptions {
  connectionString: string;
  /** A PostgreSQL schema to keep the tables in (created if missing); default `public`. */
  schema?: string;
}

export async function openPostgresStore({ connectionString, schema }: PostgresOptions): Promise<GameStore> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`bad schema name: ${schema}`);
  if (schema) {
    const setup = new pg.Client({ connectionString });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A dropped connection must not take the server down; the next query reconnects.
  pool.on("error", (err) => console.error("postgres pool error:", err.message));
  const query = <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    pool.query<R>(sql, params);
  for (const sql of SCHEMA_SQL) await query(sql);

  return {
    kind: "postgres",
    async createGame(g) {
      await query(
        `INSERT INTO games (id, scenario_id, seed, rules_version, seats, carry, options, private, status, created_at, updated_at, actions)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9, $9, 0)`,
        [
          g.id,
          g.scenarioId,
          g.seed,
          g.rulesVersion,
          JSON.stringify(g.seats),
          g.carry ? JSON.stringify(g.carry) : null,
          JSON.stringify(g.options),
          g.options.private ? 1 : 0,
          g.createdAt,
        ],
      );
    },
    async appendAction(id, index, e) {
      // One statement, so the action and the game's counter commit together.
      await query(
        `WITH ins AS (INSERT INTO actions (game_id, idx, seat, action, at) VALUES ($1, $2, $3, $4, $5) RETURNING game_id)
         UPDATE games SET updated_at = $5, actions = actions + 1 WHERE id = (SELECT game_id FROM ins)`,
        [id, index, e.seat, JSON.stringify(e.action), e.at],
      );
    },
    async appendChat(id, c) {
      await query(`INSERT INTO chat (game_id, from_seat, to_seat, text, at) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        c.from,
        c.to,
        c.text,
        c.at,
      ]);
    },
    async claimSeat(id, c) {
      await query(
        `INSERT INTO seat_claims (game_id, seat, token_hash, name) VALUES ($1, $2, $3, $4)
         ON CONFLICT (game_id, seat) DO UPDATE SET token_hash = excluded.token_hash, name = excluded.name`,
        [id, c.seat, c.tokenHash, c.name],
      );
    },
    async finishGame(id, result, at) {
      await query(
        `UPDATE games SET status = 'finished', result = $1, finished_at = $2, updated_at = $2 WHERE id = $3`,
        [JSON.stringify(result), at, id],
      );
    },
    async getGame(id) {
      const row = (await query<GameRow>(`SELECT * FROM games WHERE id = $1`, [id])).rows[0];
      if (!row) return undefined;
      const [actions, chat, claims] = await Promise.all([
        query<{ seat: string; action: string; at: string }>(
          `SELECT seat, action, at FROM actions WHERE game_id = $1 ORDER BY idx`,
          [id],
        ),
        query<{ from_seat: string; to_seat: string | null; text: string; at: string }>(
          `SELECT from_seat, to_seat, text, at FROM chat WHERE game_id = $1 ORDER BY at`,
          [id],
        ),
        query<{ seat: string; token_hash: string; name: string }>(
          `SELECT seat, token_hash, name FROM seat_claims WHERE game_id = $1`,
          [id],
        ),
      ]);
      return gameOf(row, actions.rows, chat.rows, claims.rows);
    },
    async hasGame(id) {
      return (await query(`SELECT 1 FROM games WHERE id = $1`, [id])).rowCount === 1;
    },
    async listGames({ status, limit = 50 }) {
      const r = status
        ? await query<GameRow>(`SELECT * FROM games WHERE status = $1 ORDER BY updated_at DESC LIMIT $2`, [
            status,
            limit,
          ])
        : await query<GameRow>(`SELECT * FROM games ORDER BY updated_at DESC LIMIT $1`, [limit]);
      return r.rows.map(summaryOf);
    },
    async unfinishedGames() {
      return (
        await query<{ id: string }>(`SELECT id FROM games WHERE status = 'active' ORDER BY created_at`)
      ).rows.map((r) => r.id);
    },
    async withLock(key, fn) {
      // A session-level advisory lock on a connection of its own, keyed by schema and name, so
      // test schemas on one database never block each other.
      const conn = await pool.connect();
      const name = `${schema ?? "public"}:${key}`;
      try {
        await conn.query(`SELECT pg_advisory_lock(hashtext($1))`, [name]);
        try {
          return await fn();
        } finally {
          await conn.query(`SELECT pg_advisory_unlock(hashtext($1))`, [name]);
        }
      } finally {
        conn.release();
      }
    },
    async ping() {
      await pool.query("SELECT 1");
    },
    async close() {
      await pool.end();
    },
  };
}
