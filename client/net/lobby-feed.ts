/**
 * The public rooms for the menu's lobby: `GET /api/rooms`, parsed with the shared schema, asked again
 * every few seconds while the menu is shown and the page visible (one small request per client; the
 * server answers from the matchmaker's listing). A failure shows as "offline" and is retried.
 */
import { LobbyListSchema, type LobbyRoom } from "../../shared/protocol/index.ts";

export type LobbyList = readonly LobbyRoom[] | "loading" | "offline";

export const LOBBY_POLL_MS = 4000;

export class LobbyFeed {
  list: LobbyList = "loading";
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private inFlight = false;
  private readonly onChange: (list: LobbyList) => void;

  constructor(onChange: (list: LobbyList) => void) {
    this.onChange = onChange;
  }

  /** Starts polling (at once); nothing if it already runs. */
  start(): void {
    if (this.running) return;
    this.running = true;
    // A request still out from before a stop carries on the beat when it returns.
    if (!this.inFlight) void this.poll();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Asks now (after a join failed, say), then on the usual beat; nothing while a request is out. */
  refresh(): void {
    if (!this.running || this.inFlight) return;
    if (this.timer) clearTimeout(this.timer);
    void this.poll();
  }

  private async poll(): Promise<void> {
    this.timer = null;
    this.inFlight = true;
    const next = document.visibilityState === "hidden" ? this.list : await fetchRooms();
    this.inFlight = false;
    if (!this.isRunning()) return;
    if (JSON.stringify(next) !== JSON.stringify(this.list)) {
      this.list = next;
      this.onChange(next);
    }
    this.timer = setTimeout(() => void this.poll(), LOBBY_POLL_MS);
  }

  /** Read again after an await: `stop` may have run meanwhile. */
  private isRunning(): boolean {
    return this.running;
  }
}

async function fetchRooms(): Promise<LobbyList> {
  try {
    const res = await fetch("/api/rooms", { cache: "no-store" });
    if (!res.ok) return "offline";
    const parsed = LobbyListSchema.safeParse(await res.json());
    return parsed.success ? parsed.data : "offline";
  } catch {
    return "offline";
  }
}
