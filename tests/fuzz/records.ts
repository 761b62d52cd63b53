/**
 * What the fuzzed rooms hold after the run: each stored log holds no action of the fuzzing seat that
 * it never validly sent (besides the moves the room's bot made for it while it was away), replays,
 * and is what a client that only watched sees.
 */
import { join } from "node:path";
import type { Room } from "@colyseus/sdk";
import { replay } from "../../shared/rules/index.ts";
import { loadAllScenarios } from "../../server/content/scenario-files.ts";
import { openSqliteStore } from "../../server/storage/sqlite.ts";
import { decoded } from "../server/helpers.ts";
import type { Fuzzer } from "./messages.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface RecordsSeen {
  /** The fuzzing seat holders, one per fuzzed room, and each room's watcher in the same order. */
  holders: Fuzzer[];
  watchers: Room[];
  validSent: Map<string, Set<string>>;
  /** Per room, the versions at which the room's own bot held the fuzzing seat. */
  botVersions: Map<string, Set<number>>;
}

export async function checkRecords(
  dataDir: string,
  seat: string,
  seen: RecordsSeen,
  details: string[],
): Promise<{ wrong: number; acceptedFromFuzz: number }> {
  let wrong = 0;
  let acceptedFromFuzz = 0;
  const store = openSqliteStore(join(dataDir, "unanimity.sqlite"));
  const scenarios = loadAllScenarios().scenarios;
  for (const [i, f] of seen.holders.entries()) {
    const game = await store.getGame(f.code);
    const watcher = seen.watchers[i] as Room;
    if (!game) {
      wrong++;
      details.push(`${f.code}: no record`);
      continue;
    }
    const sentSet = seen.validSent.get(f.code) ?? new Set();
    const botTurns = seen.botVersions.get(f.code) ?? new Set();
    for (const [index, e] of game.log.entries()) {
      if (e.seat !== seat) continue;
      // While the fuzzer was cut off, the room's bot played the seat (until a moment after it came
      // back): the action was taken on a state in which the seat's holder was the bot.
      if (botTurns.has(index) || f.away.some((a) => e.at >= a.from && e.at <= a.to + 1000)) continue;
      acceptedFromFuzz++;
      if (!sentSet.has(JSON.stringify(e.action))) {
        wrong++;
        details.push(
          `${f.code}: ${seat} logged ${JSON.stringify(e.action).slice(0, 200)} it never validly sent`,
        );
      }
    }
    const r = replay(
      {
        rulesVersion: game.rulesVersion,
        scenarioId: game.scenarioId,
        seed: game.seed,
        seats: game.seats,
        log: game.log,
      },
      (id) => scenarios.get(id),
    );
    if (!r.ok) {
      wrong++;
      details.push(`${f.code}: the log does not replay at ${r.index}: ${r.error.code}`);
      continue;
    }
    // The watcher (who only watched) sees exactly the stored game, give or take the last patch.
    const deadline = Date.now() + 3000;
    while (decoded(watcher).version !== game.log.length && Date.now() < deadline) await sleep(20);
    const latest = await store.getGame(f.code);
    const d = decoded(watcher);
    if (
      !latest ||
      d.version !== latest.log.length ||
      (latest.log.length === game.log.length && d.phase !== r.state.phase)
    ) {
      wrong++;
      details.push(
        `${f.code}: watcher at ${d.version}/${d.phase}, record at ${latest?.log.length}/${r.state.phase}`,
      );
    }
  }
  await store.close();
  return { wrong, acceptedFromFuzz };
}
