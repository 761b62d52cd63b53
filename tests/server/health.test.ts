/** `/healthz`'s checks: every one must answer "ok" in time, or the answer is not ok. */
import { describe, expect, test } from "vitest";
import { checkHealth } from "../../server/health.ts";

describe("checkHealth", () => {
  test("all answering: ok", async () => {
    expect(
      await checkHealth({ store: () => Promise.resolve(1), redis: () => Promise.resolve("PONG") }),
    ).toEqual({
      ok: true,
      checks: { store: "ok", redis: "ok" },
    });
  });

  test("a failing check says why, and the whole is not ok", async () => {
    const health = await checkHealth({
      store: () => Promise.resolve(1),
      redis: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:6379")),
    });
    expect(health.ok).toBe(false);
    expect(health.checks).toEqual({ store: "ok", redis: "connect ECONNREFUSED 127.0.0.1:6379" });
  });

  test("a check that never answers times out", async () => {
    const health = await checkHealth({ store: () => new Promise(() => undefined) }, 50);
    expect(health).toEqual({ ok: false, checks: { store: "no answer in 50 ms" } });
  });
});
