/**
 * A game room's listing in the matchmaker (the lobby, `GET /api/rooms`): the scenario now played, its
 * title, the phase and the leader seats still open. Kept up to date as they change.
 */
import type { RoomMeta } from "./clients.ts";
import type { RoomHost } from "./room-host.ts";
import type { Seating } from "./seating.ts";

export interface ListingHooks {
  meta(): RoomMeta;
  setMeta(meta: RoomMeta): Promise<unknown>;
}

export class Listing {
  private readonly host: Pick<RoomHost, "game">;
  private readonly hooks: ListingHooks;
  private readonly seating: Pick<Seating, "openSeats">;

  constructor(host: Pick<RoomHost, "game">, hooks: ListingHooks, seating: Pick<Seating, "openSeats">) {
    this.host = host;
    this.hooks = hooks;
    this.seating = seating;
  }

  /** The listing a room opens with. */
  first(): RoomMeta {
    const { scenario, phase } = this.host.game();
    return { scenarioId: scenario.id, title: scenario.title.en, phase, openSeats: this.seating.openSeats() };
  }

  /** Seats changed hands: listed again if the number of open seats changed. */
  seatsChanged(): void {
    if (this.hooks.meta().openSeats !== this.seating.openSeats()) void this.update();
  }

  /** A campaign's next crisis: its seats, then its scenario and title, then its phase and open seats. */
  newCrisis(): void {
    this.seatsChanged();
    const { scenario } = this.host.game();
    const meta = { ...this.hooks.meta(), scenarioId: scenario.id, title: scenario.title.en };
    void this.hooks.setMeta(meta).then(() => this.update());
  }

  /** Lists the phase and the open seats as they are now. */
  async update(): Promise<void> {
    const meta = { ...this.hooks.meta(), phase: this.host.game().phase, openSeats: this.seating.openSeats() };
    await this.hooks.setMeta(meta).catch(() => undefined);
  }
}
