/**
 * The default store: one SQLite file (node:sqlite, built into Node 24; no native addon). WAL mode
 * with `synchronous = NORMAL` keeps every committed write through a `kill -9` of the process.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { gameOf, summaryOf } from "./rows.ts";
import { SCHEMA_SQL, type GameRow } from "./sql.ts";
import type { GameStore, NewGame, SeatClaim, StoredAction, StoredChat } from "./types.ts";

export function openSqliteStore(file: string): GameStore {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
  db.exec("PRAGMA busy_timeout = 5000");
  for (const sql of SCHEMA_SQL) db.exec(sql);

  const q = {
    insertGame: db.prepare(
      `INSERT INTO games (id, scenario_id, seed, rules_version, seats, carry, options, private, status, created_at, updated_at, actions)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, 0)`,
    ),
    insertAction: db.prepare(`INSERT INTO actions (game_id, idx, seat, action, at) VALUES (?, ?, ?, ?, ?)`),
    touch: db.prepare(`UPDATE games SET updated_at = ?, actions = actions + 1 WHERE id = ?`),
    insertChat: db.prepare(`INSERT INTO chat (game_id, from_seat, to_seat, text, at) VALUES (?, ?, ?, ?, ?)`),
    claim: db.prepare(
      `INSERT INTO seat_claims (game_id, seat, token_hash, name) VALUES (?, ?, ?, ?)
       ON CONFLICT (game_id, seat) DO UPDATE SET token_hash = excluded.token_hash, name = excluded.name`,
    ),
    finish: db.prepare(
      `UPDATE games SET status = 'finished', result = ?, finished_at = ?, updated_at = ? WHERE id = ?`,
    ),
    game: db.prepare(`SELECT * FROM games WHERE id = ?`),
    actions: db.prepare(`SELECT seat, action, at FROM actions WHERE game_id = ? ORDER BY idx`),
    chat: db.prepare(`SELECT from_seat, to_seat, text, at FROM chat WHERE game_id = ? ORDER BY at, rowid`),
    claims: db.prepare(`SELECT seat, token_hash, name FROM seat_claims WHERE game_id = ?`),
    unfinished: db.prepare(`SELECT id FROM games WHERE status = 'active' ORDER BY created_at`),
    list: db.prepare(`SELECT * FROM games ORDER BY updated_at DESC LIMIT ?`),
    listStatus: db.prepare(`SELECT * FROM games WHERE status = ? ORDER BY updated_at DESC LIMIT ?`),
  };

  const locks = new Map<string, Promise<void>>();
  return {
    kind: "sqlite",
    async createGame(g: NewGame) {
      q.insertGame.run(
        g.id,
        g.scenarioId,
        g.seed,
        g.rulesVersion,
        JSON.stringify(g.seats),
        g.carry ? JSON.stringify(g.carry) : null,
        JSON.stringify(g.options),
        g.options.private ? 1 : 0,
        g.createdAt,
        g.createdAt,
      );
    },
    async appendAction(id: string, index: number, e: StoredAction) {
      db.exec("BEGIN");
      try {
        q.insertAction.run(id, index, e.seat, JSON.stringify(e.action), e.at);
        q.touch.run(e.at, id);
        db.exec("COMMIT");
      } catch (err) {
        db.exec("ROLLBACK");
        throw err;
      }
    },
    async appendChat(id: string, c: StoredChat) {
      q.insertChat.run(id, c.from, c.to, c.text, c.at);
    },
    async claimSeat(id: string, c: SeatClaim) {
      q.claim.run(id, c.seat, c.tokenHash, c.name);
    },
    async finishGame(id, result, at) {
      q.finish.run(JSON.stringify(result), at, at, id);
    },
    async getGame(id) {
      const row = q.game.get(id) as unknown as GameRow | undefined;
      if (!row) return undefined;
      return gameOf(
        row,
        q.actions.all(id) as unknown as { seat: string; action: string; at: number }[],
        q.chat.all(id) as unknown as {
          from_seat: string;
          to_seat: string | null;
          text: string;
          at: number;
        }[],
        q.claims.all(id) as unknown as { seat: string; token_hash: string; name: string }[],
      );
    },
    async hasGame(id) {
      return q.game.get(id) !== undefined;
    },
    async listGames({ status, limit = 50 }) {
      const rows = (status ? q.listStatus.all(status, limit) : q.list.all(limit)) as unknown as GameRow[];
      return rows.map(summaryOf);
    },
    async unfinishedGames() {
      return (q.unfinished.all() as unknown as { id: string }[]).map((r) => r.id);
    },
    async withLock(key, fn) {
      // One process owns a SQLite file: a chain of promises per key is lock enough.
      const before = locks.get(key) ?? Promise.resolve();
      const run = before.then(fn, fn);
      const tail = run.then(
        () => undefined,
        () => undefined,
      );
      locks.set(key, tail);
      try {
        return await run;
      } finally {
        if (locks.get(key) === tail) locks.delete(key);
      }
    },
    async ping() {
      db.prepare("SELECT 1").get();
    },
    async close() {
      if (db.isOpen) db.close();
    },
  };
}
