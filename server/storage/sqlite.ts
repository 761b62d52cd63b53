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

/**
 * The store's interface is asynchronous and node:sqlite is synchronous: each method runs its work at
 * once and hands back the promise, a throw becoming a rejection as it would in an `async` method.
 */
function settled<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(work());
  });
}

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
    createGame(g: NewGame) {
      return settled(() => {
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
      });
    },
    appendAction(id: string, index: number, e: StoredAction) {
      return settled(() => {
        db.exec("BEGIN");
        try {
          q.insertAction.run(id, index, e.seat, JSON.stringify(e.action), e.at);
          q.touch.run(e.at, id);
          db.exec("COMMIT");
        } catch (err) {
          db.exec("ROLLBACK");
          throw err;
        }
      });
    },
    appendChat(id: string, c: StoredChat) {
      return settled(() => {
        q.insertChat.run(id, c.from, c.to, c.text, c.at);
      });
    },
    claimSeat(id: string, c: SeatClaim) {
      return settled(() => {
        q.claim.run(id, c.seat, c.tokenHash, c.name);
      });
    },
    finishGame(id, result, at) {
      return settled(() => {
        q.finish.run(JSON.stringify(result), at, at, id);
      });
    },
    getGame(id) {
      return settled(() => {
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
      });
    },
    hasGame(id) {
      return settled(() => q.game.get(id) !== undefined);
    },
    listGames({ status, limit = 50 }) {
      return settled(() => {
        const rows = (status ? q.listStatus.all(status, limit) : q.list.all(limit)) as unknown as GameRow[];
        return rows.map(summaryOf);
      });
    },
    unfinishedGames() {
      return settled(() => (q.unfinished.all() as unknown as { id: string }[]).map((r) => r.id));
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
    ping() {
      return settled(() => {
        db.prepare("SELECT 1").get();
      });
    },
    close() {
      return settled(() => {
        if (db.isOpen) db.close();
      });
    },
  };
}
