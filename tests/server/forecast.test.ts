/**
 * The forecast over the network: a human leader in consultations, with a bot holding the proposer's
 * and the chair's seat, finds in its own secret how that bot would answer what it might say; the
 * client's snapshot hands it to the coach and keeps it out of the rules' private view.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { snapshotOf, type SyncedState } from "../../client/view/snapshot.ts";
import { decoded, startServer, until, type TestServer } from "./helpers.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());

test("a human leader's secret carries the forecast of the proposer's bot in consultations", async () => {
  const by = await srv.create({
    scenario: "kazakhstan-2022-01",
    seed: "forecast",
    bots: { RU: "historical", KZ: "historical", AM: "historical", KG: "historical", TJ: "historical" },
    timers: { briefing: 1, appeal: 5, consultations: 60 },
    thinkMs: 20,
    seat: "BY",
    name: "Lukashenko",
  });
  const forecasts = () => decoded(by).secrets.BY?.forecasts as { by: string; stance: string }[] | undefined;
  await until(() => (forecasts()?.length ?? 0) > 0, 20_000, "a forecast in Belarus's secret");
  const d = decoded(by);
  expect(d.phase).toBe("consultations");
  expect(new Set(forecasts()?.map((f) => f.by))).toEqual(new Set(["AM"]));
  expect(forecasts()?.some((f) => f.stance === "object")).toBe(true);
  // Only its own secret reached this client.
  expect(Object.keys(d.secrets)).toEqual(["BY"]);
  const state: unknown = by.state;
  const snap = snapshotOf(state as SyncedState, "BY");
  expect(snap?.forecasts.length).toBe(forecasts()?.length);
  expect(snap?.view.private && "forecasts" in snap.view.private).toBe(false);
});
