// Builds the client once before the browser tests (vite build → dist/client).
import { buildClient } from "./browser.ts";

export default function setup(): void {
  buildClient();
}
