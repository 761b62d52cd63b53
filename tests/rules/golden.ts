/**
 * Golden game records: real games played by seeded bots, stored with a digest of their final state.
 * `npm run golden` rewrites them — only when a rule change is meant to change outcomes (then bump
 * RULES_VERSION). The replay test checks that replaying each record gives the same final state.
 */
import { createHash } from "node:crypto";
import type { GameRecord, GameState } from "../../shared/rules/index.ts";

export const GOLDEN_DIR = new URL("./golden/", import.meta.url);

export interface Golden {
  record: GameRecord;
  expected: { version: number; phase: string; clock: number; endReason: string | null; digest: string };
}

/** A digest of everything in the state but the (shared, frozen) scenario. */
export function digest(s: GameState): string {
  const { scenario, ...rest } = s;
  return createHash("sha256").update(scenario.id).update(JSON.stringify(rest)).digest("hex");
}

export function expectedOf(s: GameState): Golden["expected"] {
  return {
    version: s.version,
    phase: s.phase,
    clock: s.clock,
    endReason: s.ended?.reason ?? null,
    digest: digest(s),
  };
}
