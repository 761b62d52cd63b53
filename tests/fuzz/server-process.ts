/**
 * The fuzz run's server: `server/main.ts` in a process of its own on a free port and a fresh data
 * folder, so that a crash shows; a room fault it logs ("room CODE: …") counts as a crash.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

export interface FuzzServer {
  url: string;
  dataDir: string;
  /** Room faults the server logged. */
  faults(): number;
  died(): boolean;
  /** Stops the server (unless it died) and removes its data. */
  stop(): Promise<void>;
}

export async function startFuzzServer(details: string[]): Promise<FuzzServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "unanimity-fuzz-"));
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, ["server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      QUIET: "1",
      DATABASE_URL: "",
      REDIS_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let faults = 0;
  server.stderr?.on("data", (b: Buffer) => {
    for (const line of b.toString().split("\n")) {
      // A room fault (GameRoom.onUncaughtException, a failed queue job) is logged as "room CODE: …".
      if (/^room [A-Z0-9-]+: /.test(line)) {
        faults++;
        if (details.length < 20) details.push(`server: ${line.slice(0, 300)}`);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    server.stdout?.on("data", (b: Buffer) => {
      out += b.toString();
      if (out.includes("Unanimity server on")) resolve();
    });
    server.once("exit", () => reject(new Error(`server exited: ${out}`)));
  });
  let died = false;
  server.once("exit", () => (died = true));
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    faults: () => faults,
    died: () => died,
    async stop() {
      if (!died) {
        server.kill("SIGTERM");
        await new Promise((r) => server.once("exit", r));
      } else details.push("the server process died");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
