/**
 * Starts the load generator's worker threads (server-bench-clients.ts) for `npm run bench:server`
 * and `npm run loadtest`: worker w plays every table i with i % workers === w, reports its progress,
 * and resolves with what it measured.
 */
import { Worker } from "node:worker_threads";
import type { WorkerInput, WorkerResult } from "./server-bench-clients.ts";

export type Progress = Map<number, { active: number; actions: number }>;

export function runClientWorkers(
  workers: number,
  rooms: number,
  input: Omit<WorkerInput, "tables">,
  log: (line: string) => void,
  progress: Progress,
): Promise<WorkerResult[]> {
  return Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const tables = Array.from({ length: rooms }, (_, i) => i).filter((i) => i % workers === w);
      const workerData: WorkerInput = { ...input, tables };
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
