/**
 * The server's own view of its speed: how long each accepted action took from the moment its message
 * (or timer) was taken up to the moment its patch was sent, over the last few thousand actions.
 * `GET /healthz` reports it; the server benchmark compares it with what clients see.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";

const SIZE = 4096;
/** How late the event loop runs (every room waits when it does). */
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const samples = new Float64Array(SIZE);
let count = 0;

export function recordActionMs(ms: number): void {
  samples[count % SIZE] = ms;
  count += 1;
}

export function actionStats(): {
  count: number;
  p50Ms: number;
  p99Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
} {
  const n = Math.min(count, SIZE);
  const loopDelayP99Ms = Number((loop.percentile(99) / 1e6).toFixed(1));
  const loopDelayMaxMs = Number((loop.max / 1e6).toFixed(1));
  if (n === 0) return { count, p50Ms: 0, p99Ms: 0, loopDelayP99Ms, loopDelayMaxMs };
  const sorted = Array.from(samples.subarray(0, n)).sort((a, b) => a - b);
  const at = (p: number) => Number((sorted[Math.min(n - 1, Math.floor(p * n))] ?? 0).toFixed(2));
  return { count, p50Ms: at(0.5), p99Ms: at(0.99), loopDelayP99Ms, loopDelayMaxMs };
}
