/**
 * Starts the load generator's worker threads (server-bench-clients.ts) for `npm run bench:server`
 * and `npm run loadtest`: worker w plays every table i with i % workers === w, reports its progress,
 * and resolves with what it measured.
 */
import { Worker } from "node:worker_threads";
import type { WorkerInput, WorkerResult } from "./server-bench-clients.ts";

/** The scenarios the tables play in turn. */
const BENCH_SCENARIOS = ["kazakhstan-2022-01", "armenia-2022-09", "armenia-2021-05", "armenia-2020-karabakh"];

/**
 * Short phases (seconds), so that games end and new ones begin within a run. The briefing is the
 * exception: it ends as soon as all six leaders are ready, that is once the table's clients have all
 * joined, and its timer only has to outlast a slow join; a short one let the game run on without
 * them when hundreds of tables joined at once.
 */
const BENCH_TIMERS = {
  briefing: 20,
  appeal: 3,
  bilateral: 3,
  consultations: 4,
  council: 3,
  approvals: 3,
  deployment: 3,
};

export type Progress = Map<number, { active: number; actions: number }>;

export function runClientWorkers(
  workers: number,
  rooms: number,
  input: Omit<WorkerInput, "tables" | "scenarios" | "timers">,
  log: (line: string) => void,
  progress: Progress,
): Promise<WorkerResult[]> {
  return Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const tables = Array.from({ length: rooms }, (_, i) => i).filter((i) => i % workers === w);
      const workerData: WorkerInput = { ...input, scenarios: BENCH_SCENARIOS, timers: BENCH_TIMERS, tables };
      const worker = new Worker(new URL("./server-bench-clients.ts", import.meta.url), { workerData });
      return new Promise<WorkerResult>((resolve, reject) => {
        worker.on(
          "message",
          (m: { log?: string; progress?: { active: number; actions: number }; result?: WorkerResult }) => {
            if (m.log) log(m.log);
            if (m.progress) progress.set(w, m.progress);
            if (m.result) resolve(m.result);
          },
        );
        worker.on("error", reject);
      });
    }),
  );
}
