/**
 * A real server process killed with SIGKILL mid-game and started again: the unfinished game comes
 * back under the same room code, rebuilt by replay; its players rejoin their seats with their seat
 * tokens; no accepted action is lost, and the game goes on to the debrief with the same log.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { describe, expect, test } from "vitest";
import { decoded, track, boxOf, until } from "../helpers.ts";
import { playSeat } from "../players.ts";
import { briefsOf, privacyCheck } from "./game.ts";
import { ROOM_NAME } from "../../../shared/protocol/index.ts";

const ROOT = new URL("../../../", import.meta.url).pathname;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

export async function startProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env, HOST: "127.0.0.1", QUIET: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (b: Buffer) => (out += b.toString()));
  child.stderr.on("data", (b: Buffer) => (out += b.toString()));
  await until(
    () => out.includes("Unanimity server on") || child.exitCode !== null,
    20_000,
    "the server process to start",
  );
  if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
  return child;
}

export function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

interface PublicLog {
  status: string;
  log: { seat: string; action: { type: string } }[];
}

const hasState = (r: Room) => !!(r.state as { seats?: unknown } | undefined)?.seats;

export function restartSuite(env: () => Record<string, string>): void {
  describe("a server killed with SIGKILL and started again", () => {
    test("the unfinished game comes back under its code; players rejoin their seats; the log goes on unchanged", async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "unanimity-restart-"));
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const procEnv = { ...env(), PORT: String(port), DATA_DIR: dataDir };
      let child = await startProcess(procEnv);
      const seed = "seed-SECRET-kill";
      const others = briefsOf("kazakhstan-2022-01");
      try {
        const timers = {
          briefing: 0.5,
          appeal: 1,
          bilateral: 1,
          consultations: 1.5,
          council: 1,
          approvals: 1,
          deployment: 1,
        };
        const kz = track(
          await new Client(url).create(ROOM_NAME, {
            scenario: "kazakhstan-2022-01",
            seed,
            bots: { BY: "historical", AM: "historical", KG: "historical", TJ: "historical" },
            timers,
            thinkMs: 30,
            deliberationSeconds: 0,
            graceSeconds: 20,
            seat: "KZ",
          }),
        );
        const code = kz.roomId;
        const ru = track(await new Client(url).joinById(code, { seat: "RU" }));
        await until(() => boxOf(kz).seat !== null && boxOf(ru).seat !== null && hasState(kz) && hasState(ru));
        const tokens = { KZ: boxOf(kz).seat?.token, RU: boxOf(ru).seat?.token };
        for (const r of [kz, ru]) r.reconnection.enabled = false;
        const p1 = [playSeat(kz, "KZ"), playSeat(ru, "RU")];
        await until(
          () => hasState(kz) && ["consultations", "council", "approvals"].includes(decoded(kz).phase),
          20_000,
          "the game to be under way",
        );
        const seen = Math.max(decoded(kz).version, decoded(ru).version);
        const before = (await (await fetch(`${url}/api/games/${code}`)).json()) as PublicLog;

        await kill9(child);
        for (const p of p1) p.stop();
        child = await startProcess(procEnv);

        const after = (await (await fetch(`${url}/api/games/${code}`)).json()) as PublicLog;
        expect(after.status).toBe("active");
        // Nothing a client saw, nor anything stored before the kill, is lost.
        expect(after.log.length).toBeGreaterThanOrEqual(Math.max(seen, before.log.length));
        expect(after.log.slice(0, before.log.length)).toEqual(before.log);

        const kz2 = track(await new Client(url).joinById(code, { seatToken: tokens.KZ }));
        const ru2 = track(await new Client(url).joinById(code, { seatToken: tokens.RU }));
        const spec = track(await new Client(url).joinById(code, { spectator: true }));
        await until(() => [kz2, ru2, spec].every(hasState), 5000, "the rejoined state");
        expect(boxOf(kz2).seat?.seat).toBe("KZ");
        expect(boxOf(ru2).seat?.seat).toBe("RU");
        // The room's creator is still known by its seat's token (its hash is stored with the game).
        expect(boxOf(kz2).seat?.creator).toBe(true);
        expect(boxOf(ru2).seat?.creator).toBe(false);
        expect(decoded(kz2).version).toBeGreaterThanOrEqual(after.log.length);
        expect(Object.keys(decoded(kz2).secrets)).toEqual(["KZ"]);
        expect(Object.keys(decoded(ru2).secrets)).toEqual(["RU"]);
        expect(decoded(spec).seats.KZ?.holder).toBe("human");
        const p2 = [
          playSeat(kz2, "KZ", "historical", privacyCheck("KZ", others, seed)),
          playSeat(ru2, "RU", "historical", privacyCheck("RU", others, seed)),
        ];
        await until(
          () => hasState(spec) && decoded(spec).debrief !== null,
          40_000,
          "the debrief after the restart",
        );
        for (const p of p2) p.stop();

        const final = (await (await fetch(`${url}/api/games/${code}`)).json()) as PublicLog;
        expect(final.status).toBe("finished");
        expect(final.log.slice(0, after.log.length)).toEqual(after.log);
        expect(final.log.length).toBe(decoded(spec).version);
        await Promise.all([kz2.leave(), ru2.leave(), spec.leave()]);
      } finally {
        if (child.exitCode === null) await kill9(child);
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
