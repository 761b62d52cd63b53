/**
 * The classroom pages (docs/game.md, "Modes"), DOM only: a student joins with the class code and a
 * name and plays their seat in the game client (student.ts); the facilitator opens a session, keeps
 * its key in this browser (and a recovery link), and runs every table from one dashboard
 * (facilitator.ts); the projector shows every table's public state (projector.ts).
 *
 * Routes (the address's hash): `` join or open; `#f/CODE` the dashboard (`#f/CODE/KEY`, the recovery
 * link, stores the key); `#s/CODE` a student's seat; `#show/CODE` the projector.
 */
import { facilitatorPage } from "./facilitator.ts";
import { landing } from "./landing.ts";
import { stopPolling } from "./page.ts";
import { projector } from "./projector.ts";
import { studentPage } from "./student.ts";

function route(): void {
  stopPolling();
  const [page, code, key] = location.hash.replace(/^#/, "").split("/");
  const classCode = (code ?? "").toUpperCase();
  if (page === "f" && classCode) facilitatorPage(classCode, key);
  else if (page === "s" && classCode) studentPage(classCode);
  else if (page === "show" && classCode) projector(classCode);
  else void landing();
}

window.addEventListener("hashchange", route);
route();
