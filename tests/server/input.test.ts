import { afterAll, beforeAll } from "vitest";
import { startServer, type TestServer } from "./helpers.ts";
import { inputSuite } from "./suites/input.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());

inputSuite(() => srv);
