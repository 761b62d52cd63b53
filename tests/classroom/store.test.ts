/**
 * The session store when two server processes share one database: a save based on an old revision
 * is refused instead of overwriting the other's, and log entries from both keep one order.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { openSqliteClassStore } from "../../server/classroom/store.ts";

const dir = mkdtempSync(join(tmpdir(), "unanimity-class-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("two stores on one file: compare-and-set saves and one log order", async () => {
  const file = join(dir, "classroom.sqlite");
  const a = openSqliteClassStore(file);
  const b = openSqliteClassStore(file);
  try {
    await a.createSession({ code: "ABCDEF", keyHash: "h", data: '{"n":0}', createdAt: 1, updatedAt: 1 });
    expect((await b.getSession("ABCDEF"))?.rev).toBe(0);
    expect(await a.updateSession("ABCDEF", '{"n":1}', 0, 2)).toBe(true);
    // B still thinks it is at revision 0: refused, and A's save stands.
    expect(await b.updateSession("ABCDEF", '{"n":"lost"}', 0, 3)).toBe(false);
    expect(await b.getSession("ABCDEF")).toMatchObject({ data: '{"n":1}', rev: 1, keyHash: "h" });
    expect(await b.updateSession("ABCDEF", '{"n":2}', 1, 4)).toBe(true);
    expect(await a.recent(0)).toEqual(["ABCDEF"]);

    for (let i = 0; i < 6; i++)
      await (i % 2 ? a : b).appendLog("ABCDEF", {
        at: i,
        actor: i % 2 ? "a" : "b",
        command: { i },
        refused: null,
      });
    await a.appendLog("OTHER1", { at: 9, actor: "a", command: {}, refused: "ERR_X" });
    const log = await b.log("ABCDEF");
    expect(log.map((e) => (e.command as { i: number }).i)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await a.log("OTHER1")).toEqual([{ at: 9, actor: "a", command: {}, refused: "ERR_X" }]);
  } finally {
    await a.close();
    await b.close();
  }
});
