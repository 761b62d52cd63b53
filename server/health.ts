/**
 * `/healthz`: the process answers, and so do the services it cannot work without (the game store,
 * and Redis when several processes share it). A check that fails or takes longer than the timeout
 * makes the answer 503, so a container orchestrator or a proxy stops sending players here.
 */
export type Checks = Record<string, () => Promise<unknown>>;

export interface Health {
  ok: boolean;
  /** "ok", or why the check failed. */
  checks: Record<string, string>;
}

export async function checkHealth(checks: Checks, timeoutMs = 2000): Promise<Health> {
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]): Promise<[string, string]> => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([check(), timeout]);
        return [name, "ok"];
      } catch (err) {
        return [name, err instanceof Error ? err.message : String(err)];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { ok: results.every(([, r]) => r === "ok"), checks: Object.fromEntries(results) };
}
