import { afterAll, beforeAll } from "vitest";
import { startServer, type TestServer } from "../server/helpers.ts";
import { sessionSuite } from "./suites/session.ts";

// SQLite in a temporary DATA_DIR (the default store).
let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ defaults: { thinkMs: 20, graceSeconds: 1 } });
});
afterAll(() => srv.close());

sessionSuite(() => srv);
