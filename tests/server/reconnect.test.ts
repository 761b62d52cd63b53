import { afterAll, beforeAll } from "vitest";
import { startServer, type TestServer } from "./helpers.ts";
import { reconnectSuite } from "./suites/reconnect.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());

reconnectSuite(() => srv);
