/** Picks the store: PostgreSQL when DATABASE_URL is set, otherwise SQLite in DATA_DIR. */
import { join } from "node:path";
import { openPostgresStore } from "./postgres.ts";
import { openSqliteStore } from "./sqlite.ts";
import type { GameStore } from "./types.ts";

export type { GameStore } from "./types.ts";
export * from "./types.ts";

export interface StoreConfig {
  databaseUrl?: string;
  /** PostgreSQL schema for the tables (tests use their own). */
  pgSchema?: string;
  dataDir: string;
}

export async function openStore({ databaseUrl, pgSchema, dataDir }: StoreConfig): Promise<GameStore> {
  if (databaseUrl)
    return openPostgresStore({ connectionString: databaseUrl, ...(pgSchema ? { schema: pgSchema } : {}) });
  return openSqliteStore(join(dataDir, "unanimity.sqlite"));
}
