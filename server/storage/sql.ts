/** The tables both adapters create; the SQL is plain enough for SQLite and PostgreSQL alike. */
export const SCHEMA_SQL = [
  `CREATE TABLE IF NOT EXISTS games (
    id TEXT PRIMARY KEY,
    scenario_id TEXT NOT NULL,
    seed TEXT NOT NULL,
    rules_version INTEGER NOT NULL,
    seats TEXT NOT NULL,
    carry TEXT,
    options TEXT NOT NULL,
    private INTEGER NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    finished_at BIGINT,
    result TEXT,
    actions INTEGER NOT NULL DEFAULT 0
  )`,
  `CREATE INDEX IF NOT EXISTS games_status ON games (status, updated_at)`,
  `CREATE TABLE IF NOT EXISTS actions (
    game_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    seat TEXT NOT NULL,
    action TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (game_id, idx)
  )`,
  `CREATE TABLE IF NOT EXISTS chat (
    game_id TEXT NOT NULL,
    from_seat TEXT NOT NULL,
    to_seat TEXT,
    text TEXT NOT NULL,
    at BIGINT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS chat_game ON chat (game_id, at)`,
  `CREATE TABLE IF NOT EXISTS seat_claims (
    game_id TEXT NOT NULL,
    seat TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (game_id, seat)
  )`,
];

export interface GameRow {
  id: string;
  scenario_id: string;
  seed: string;
  rules_version: number;
  seats: string;
  carry: string | null;
  options: string;
  private: number;
  status: string;
  created_at: number | string;
  updated_at: number | string;
  finished_at: number | string | null;
  result: string | null;
  actions: number;
}
