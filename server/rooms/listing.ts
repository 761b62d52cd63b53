/**
 * A game room's listing in the matchmaker (the lobby, `GET /api/rooms`): the scenario now played, its
 * title, the phase, the leader seats (open, held by people, played by bots), the creator's language,
 * and whether it gathers strangers for "Play now" (the matchmaker's filter). Kept up to date as they
 * change.
 */
import type { RoomMeta } from "./clients.ts";
import type { RoomHost } from "./room-host.ts";
import type { Seating } from "./seating.ts";

export interface ListingHooks {
  meta(): RoomMeta;
  setMeta(meta: RoomMeta): Promise<unknown>;
}

/** What the listing reads of the room's other parts. */
export interface ListingSources {
  seating: Pick<Seating, "openSeats" | "counts">;
  quick: { readonly gathering: boolean; readonly startsAt: number };
  language: RoomMeta["language"];
}

type Live = Pick<RoomMeta, "phase" | "openSeats" | "seats" | "people" | "bots" | "quickMatch" | "startsAt">;
const LIVE_KEYS = ["phase", "openSeats", "seats", "people", "bots", "quickMatch", "startsAt"] as const;

export class Listing {
  private readonly host: Pick<RoomHost, "game">;
  private readonly hooks: ListingHooks;
  private readonly sources: ListingSources;

  constructor(host: Pick<RoomHost, "game">, hooks: ListingHooks, sources: ListingSources) {
    this.host = host;
    this.hooks = hooks;
    this.sources = sources;
  }

  /** The listing a room opens with. */
  first(): RoomMeta {
    const { scenario } = this.host.game();
    return {
      scenarioId: scenario.id,
      title: scenario.title.en,
      language: this.sources.language,
      ...this.live(),
    };
  }

  /** Seats changed hands (or a quick match began): listed again if what the lobby shows changed. */
  seatsChanged(): void {
    const meta = this.hooks.meta();
    const now = this.live();
    if (LIVE_KEYS.some((key) => meta[key] !== now[key])) void this.update();
  }

  /** A campaign's next crisis: its seats, then its scenario and title, then its phase and open seats. */
  newCrisis(): void {
    this.seatsChanged();
    const { scenario } = this.host.game();
    const meta = { ...this.hooks.meta(), scenarioId: scenario.id, title: scenario.title.en };
    void this.hooks.setMeta(meta).then(() => this.update());
  }

  /** Lists the phase, the seats and the quick match as they are now. */
  async update(): Promise<void> {
    await this.hooks.setMeta({ ...this.hooks.meta(), ...this.live() }).catch(() => undefined);
  }

  private live(): Live {
    const { seating, quick } = this.sources;
    return {
      phase: this.host.game().phase,
      openSeats: seating.openSeats(),
      ...seating.counts(),
      quickMatch: quick.gathering,
      startsAt: quick.startsAt,
    };
  }
}
