/**
 * A browser test file's fixtures: the real server serving the built client on 127.0.0.1, with the
 * room defaults the file asks for, and Debian's Chromium; started before the file's tests and closed
 * after them, in reverse order, also when a later start failed.
 */
import { afterAll, beforeAll } from "vitest";
import type { AppConfig } from "../../server/app.ts";
import { startServer, type TestServer } from "../server/helpers.ts";
import { CLIENT_DIR, launch, type Chromium } from "./browser.ts";

export interface BrowserSuite {
  readonly srv: TestServer;
  readonly chromium: Chromium;
}

export function browserSuite(defaults: NonNullable<AppConfig["defaults"]>): BrowserSuite {
  let srv: TestServer | null = null;
  let chromium: Chromium | null = null;
  const started: { close(): Promise<void> }[] = [];
  beforeAll(async () => {
    srv = await startServer({ clientDir: CLIENT_DIR, defaults });
    started.push(srv);
    chromium = await launch();
    started.push(chromium);
  });
  afterAll(async () => {
    for (const one of started.reverse()) await one.close();
  });
  const ready = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`the suite's ${what} has not started`);
    return value;
  };
  return {
    get srv() {
      return ready(srv, "server");
    },
    get chromium() {
      return ready(chromium, "browser");
    },
  };
}
