import { afterAll, beforeAll } from "vitest";
import { startServer, type TestServer } from "./helpers.ts";
import { gameSuite } from "./suites/game.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());

gameSuite(() => srv);
