/**
 * Classroom sessions on disk: one row per session (its state as JSON: settings, tables, roster, the
 * hash of the facilitator key) and an append-only log of every facilitator and student command, with
 * whether it was accepted. SQLite (a file beside the games' one) or PostgreSQL (the same database and
 * schema as the games), like the game store; the tables are the classroom's own.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import pg from "pg";

export interface ClassLogEntry {
  at: number;
  /** `facilitator`, `student:s3`, or `server`. */
  actor: string;
  command: unknown;
  /** null when accepted; the error code otherwise. */
  refused: string | null;
}

export interface StoredSession {
  code: string;
  keyHash: string;
  data: string;
  createdAt: number;
  updatedAt: number;
}

export interface ClassStore {
  readonly kind: "sqlite" | "postgres";
  saveSession(s: StoredSession): Promise<void>;
  getSession(code: string): Promise<StoredSession | undefined>;
  hasSession(code: string): Promise<boolean>;
  /** Codes of the sessions saved since `since` (ms), oldest first. */
  recent(since: number): Promise<string[]>;
  /** Appends the entry at `index` (= the number of entries before it). */
  appendLog(code: string, index: number, e: ClassLogEntry): Promise<void>;
  log(code: string): Promise<ClassLogEntry[]>;
  close(): Promise<void>;
}

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS class_sessions (
    code TEXT PRIMARY KEY,
    key_hash TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS class_log (
    code TEXT NOT NULL,
    idx INTEGER NOT NULL,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    command TEXT NOT NULL,
    refused TEXT,
    PRIMARY KEY (code, idx)
  )`,
];

interface SessionRow {
  code: string;
  key_hash: string;
  data: string;
  created_at: number | string;
  updated_at: number | string;
}
interface LogRow {
  at: number | string;
  actor: string;
  command: string;
  refused: string | null;
}

const sessionOf = (r: SessionRow): StoredSession => ({
  code: r.code,
  keyHash: r.key_hash,
  data: r.data,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});
const logOf = (r: LogRow): ClassLogEntry => ({
  at: Number(r.at),
  actor: r.actor,
  command: JSON.parse(r.command) as unknown,
  refused: r.refused,
});

const UPSERT = `INSERT INTO class_sessions (code, key_hash, data, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (code) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`;

export function openSqliteClassStore(file: string): ClassStore {
  if (file !== ":memory:") mkdirSync(join(file, ".."), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
  db.exec("PRAGMA busy_timeout = 5000");
  for (const sql of SCHEMA) db.exec(sql);
  const q = {
    upsert: db.prepare(UPSERT.replace(/\$\d/g, "?")),
    get: db.prepare(`SELECT * FROM class_sessions WHERE code = ?`),
    recent: db.prepare(`SELECT code FROM class_sessions WHERE updated_at >= ? ORDER BY created_at`),
    log: db.prepare(
      `INSERT INTO class_log (code, idx, at, actor, command, refused) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    logs: db.prepare(`SELECT at, actor, command, refused FROM class_log WHERE code = ? ORDER BY idx`),
  };
  return {
    kind: "sqlite",
    async saveSession(s) {
      q.upsert.run(s.code, s.keyHash, s.data, s.createdAt, s.updatedAt);
    },
    async getSession(code) {
      const row = q.get.get(code) as unknown as SessionRow | undefined;
      return row ? sessionOf(row) : undefined;
    },
    async hasSession(code) {
      return q.get.get(code) !== undefined;
    },
    async recent(since) {
      return (q.recent.all(since) as unknown as { code: string }[]).map((r) => r.code);
    },
    async appendLog(code, index, e) {
      q.log.run(code, index, e.at, e.actor, JSON.stringify(e.command), e.refused);
    },
    async log(code) {
      return (q.logs.all(code) as unknown as LogRow[]).map(logOf);
    },
    async close() {
      if (db.isOpen) db.close();
    },
  };
}

export async function openPostgresClassStore(connectionString: string, schema?: string): Promise<ClassStore> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`bad schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString,
    max: 2,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on("error", (err) => console.error("postgres pool error (classroom):", err.message));
  for (const sql of SCHEMA) await pool.query(sql);
  return {
    kind: "postgres",
    async saveSession(s) {
      await pool.query(UPSERT, [s.code, s.keyHash, s.data, s.createdAt, s.updatedAt]);
    },
    async getSession(code) {
      const row = (await pool.query<SessionRow>(`SELECT * FROM class_sessions WHERE code = $1`, [code]))
        .rows[0];
      return row ? sessionOf(row) : undefined;
    },
    async hasSession(code) {
      return (await pool.query(`SELECT 1 FROM class_sessions WHERE code = $1`, [code])).rowCount === 1;
    },
    async recent(since) {
      const r = await pool.query<{ code: string }>(
        `SELECT code FROM class_sessions WHERE updated_at >= $1 ORDER BY created_at`,
        [since],
      );
      return r.rows.map((x) => x.code);
    },
    async appendLog(code, index, e) {
      await pool.query(
        `INSERT INTO class_log (code, idx, at, actor, command, refused) VALUES ($1, $2, $3, $4, $5, $6)`,
        [code, index, e.at, e.actor, JSON.stringify(e.command), e.refused],
      );
    },
    async log(code) {
      const r = await pool.query<LogRow>(
        `SELECT at, actor, command, refused FROM class_log WHERE code = $1 ORDER BY idx`,
        [code],
      );
      return r.rows.map(logOf);
    },
    async close() {
      await pool.end();
    },
  };
}

export function openClassStore(config: {
  dataDir: string;
  databaseUrl?: string;
  pgSchema?: string;
}): Promise<ClassStore> | ClassStore {
  if (config.databaseUrl) return openPostgresClassStore(config.databaseUrl, config.pgSchema);
  return openSqliteClassStore(join(config.dataDir, "classroom.sqlite"));
}
