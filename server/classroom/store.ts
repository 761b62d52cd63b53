/**
 * Classroom sessions on disk: one row per session (its state as JSON: settings, tables, roster, the
 * hash of the facilitator key) and an append-only log of every facilitator and student command, with
 * whether it was accepted. Each save names the revision it started from and fails if another save
 * (another server process) came first, so processes sharing the database never overwrite each other. SQLite (a file beside the games' one) or PostgreSQL (the same database and
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
  /** Bumped by every save. */
  rev: number;
}

export interface ClassStore {
  readonly kind: "sqlite" | "postgres";
  createSession(s: Omit<StoredSession, "rev">): Promise<void>;
  /** Saves `data` if the stored revision is still `rev`; false when another save came first. */
  updateSession(code: string, data: string, rev: number, at: number): Promise<boolean>;
  getSession(code: string): Promise<StoredSession | undefined>;
  hasSession(code: string): Promise<boolean>;
  /** Codes of the sessions saved since `since` (ms), oldest first. */
  recent(since: number): Promise<string[]>;
  /** Appends the entry after the session's last one. */
  appendLog(code: string, e: ClassLogEntry): Promise<void>;
  log(code: string): Promise<ClassLogEntry[]>;
  close(): Promise<void>;
}

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS class_sessions (
    code TEXT PRIMARY KEY,
    key_hash TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 0
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
  rev: number | string;
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
  rev: Number(r.rev),
});
const logOf = (r: LogRow): ClassLogEntry => ({
  at: Number(r.at),
  actor: r.actor,
  command: JSON.parse(r.command) as unknown,
  refused: r.refused,
});

const INSERT = `INSERT INTO class_sessions (code, key_hash, data, created_at, updated_at, rev) VALUES ($1, $2, $3, $4, $5, 0)`;
const UPDATE = `UPDATE class_sessions SET data = $1, updated_at = $2, rev = rev + 1 WHERE code = $3 AND rev = $4`;
/** The next index is taken in the same statement; two processes racing for it collide on the key and retry. */
const APPEND = `INSERT INTO class_log (code, idx, at, actor, command, refused)
  SELECT $1, COALESCE(MAX(idx) + 1, 0), $2, $3, $4, $5 FROM class_log WHERE code = $6`;

async function retrying(append: () => Promise<void>): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await append();
      return;
    } catch (err) {
      if (i >= 4) throw err;
    }
  }
}

/**
 * What SQLite answers at once, as the promise the store's interface returns: a throw (a taken code,
 * a locked database) becomes its rejection, as it would be in an `async` method.
 */
function settled<T>(run: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(run());
  });
}

export function openSqliteClassStore(file: string): ClassStore {
  if (file !== ":memory:") mkdirSync(join(file, ".."), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
  db.exec("PRAGMA busy_timeout = 5000");
  for (const sql of SCHEMA) db.exec(sql);
  const q = {
    insert: db.prepare(INSERT.replace(/\$\d/g, "?")),
    update: db.prepare(UPDATE.replace(/\$\d/g, "?")),
    append: db.prepare(APPEND.replace(/\$\d/g, "?")),
    get: db.prepare(`SELECT * FROM class_sessions WHERE code = ?`),
    recent: db.prepare(`SELECT code FROM class_sessions WHERE updated_at >= ? ORDER BY created_at`),
    logs: db.prepare(`SELECT at, actor, command, refused FROM class_log WHERE code = ? ORDER BY idx`),
  };
  return {
    kind: "sqlite",
    createSession: (s) =>
      settled(() => {
        q.insert.run(s.code, s.keyHash, s.data, s.createdAt, s.updatedAt);
      }),
    updateSession: (code, data, rev, at) =>
      settled(() => Number(q.update.run(data, at, code, rev).changes) === 1),
    getSession: (code) =>
      settled(() => {
        const row = q.get.get(code) as unknown as SessionRow | undefined;
        return row ? sessionOf(row) : undefined;
      }),
    hasSession: (code) => settled(() => q.get.get(code) !== undefined),
    recent: (since) =>
      settled(() => (q.recent.all(since) as unknown as { code: string }[]).map((r) => r.code)),
    appendLog: (code, e) =>
      retrying(() =>
        settled(() => {
          q.append.run(code, e.at, e.actor, JSON.stringify(e.command), e.refused, code);
        }),
      ),
    log: (code) => settled(() => (q.logs.all(code) as unknown as LogRow[]).map(logOf)),
    close: () =>
      settled(() => {
        if (db.isOpen) db.close();
      }),
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
    async createSession(s) {
      await pool.query(INSERT, [s.code, s.keyHash, s.data, s.createdAt, s.updatedAt]);
    },
    async updateSession(code, data, rev, at) {
      return (await pool.query(UPDATE, [data, at, code, rev])).rowCount === 1;
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
    async appendLog(code, e) {
      await retrying(async () => {
        await pool.query(APPEND, [code, e.at, e.actor, JSON.stringify(e.command), e.refused, code]);
      });
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
