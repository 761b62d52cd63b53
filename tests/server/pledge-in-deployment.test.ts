/**
 * Issue 10's fix over the network: Russia, a human seat in Kazakhstan 2022, pledges its contingent;
 * the bots' approvals open the deployment before Russia has sent its pledge to its procedure; Russia
 * submits during deployment (the server lists it as legal there), and its contingent goes and arrives.
 */
import type { Room } from "@colyseus/sdk";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createBot } from "../../shared/bots/index.ts";
import type { Action } from "../../shared/rules/index.ts";
import { boxOf, decoded, startServer, until, type TestServer } from "./helpers.ts";
import { seatViewOf } from "./players.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());

interface Contingent {
  state: string;
  troops: number;
  arrivesAtHour: number;
  withdrawn: boolean;
}

const hasState = (room: Room) => !!(room.state as { seats?: unknown } | undefined)?.seats;

test("a human's pledge still open when deployment begins is submitted in deployment, sent, and arrives", async () => {
  const ru = await srv.create({
    scenario: "kazakhstan-2022-01",
    seed: "pledge-in-deployment",
    bots: { KZ: "historical", BY: "historical", AM: "historical", KG: "historical", TJ: "historical" },
    // Short phases up to the vote; long approvals and deployment clocks, so only the bots' own
    // submissions open the deployment and the clock never settles Russia's pledge for it.
    timers: {
      briefing: 1,
      appeal: 2,
      bilateral: 2,
      consultations: 20,
      council: 20,
      approvals: 600,
      deployment: 600,
    },
    thinkMs: 40,
    seat: "RU",
    name: "Putin",
  });
  const box = boxOf(ru);
  // Russia plays as the historical bot would, except that it holds its approval during the approvals.
  const bot = createBot("historical", "client:RU");
  let lastVersion = -1;
  const sent: { phase: string; action: Action }[] = [];
  ru.onStateChange(() => {
    if (!hasState(ru)) return;
    const d = decoded(ru);
    if (d.version === lastVersion || d.phase === "deployment" || d.phase === "debrief") return;
    const own = seatViewOf(d, "RU");
    if (!own || own.legal.length === 0) return;
    const action = bot.act(own.view, own.legal);
    if (!action || action.type === "submitApproval") return;
    lastVersion = d.version;
    sent.push({ phase: d.phase, action });
    ru.send("action", { v: d.version, action });
  });

  await until(() => hasState(ru) && decoded(ru).phase === "deployment", 30_000, "the deployment");
  const atDeployment = decoded(ru);
  expect(sent.some((s) => s.action.type === "pledge" && s.action.troops > 0)).toBe(true);
  expect(sent.some((s) => s.action.type === "submitApproval")).toBe(false);
  const approvals = atDeployment.pub.approvals as Record<string, { status: string; troops: number }>;
  expect(approvals.RU?.status).toBe("pending");
  const pledged = approvals.RU?.troops ?? 0;
  expect(pledged).toBeGreaterThan(0);

  // The server offers the submission in deployment, and Russia sends it.
  const own = seatViewOf(atDeployment, "RU");
  expect(own?.legal.map((l) => l.type)).toContain("submitApproval");
  ru.send("action", { v: atDeployment.version, action: { type: "submitApproval" } });

  const contingent = () =>
    ((decoded(ru).pub.contingents ?? []) as Contingent[]).find((c) => c.state === "RU" && !c.withdrawn);
  await until(() => contingent() !== undefined, 10_000, "Russia's contingent to be sent");
  expect(contingent()?.troops).toBe(pledged);
  const arrives = contingent()?.arrivesAtHour ?? Infinity;
  // The host's mission days move the clock; the contingent arrives while the mission runs.
  await until(() => (decoded(ru).pub.clock as number) >= arrives, 20_000, "Russia's contingent to arrive");
  expect(contingent()?.withdrawn ?? false).toBe(false);
  // A move racing a bot's may arrive stale (the client retries); nothing else is refused.
  expect(box.errors.filter((e) => e.code !== "ERR_STALE_VERSION")).toEqual([]);
  await ru.leave();
});
