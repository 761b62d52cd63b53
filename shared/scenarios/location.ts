/**
 * Where a crisis is (docs/game.md, "Map"): the place the map marks, the sites around it, and the
 * country whose internationally recognised borders hold them. Latitude and longitude in degrees
 * (WGS 84, north and east positive), so a teacher can copy them from any atlas.
 */
import { z } from "zod";
import { STATE_IDS } from "../rules/vocabulary.ts";

/**
 * The countries a crisis may lie in, by ISO 3166-1 alpha-2 code: the members (whose ids are their
 * codes) and their neighbours. The map's test checks the location against that country's borders.
 */
export const LOCATION_COUNTRIES = [
  ...STATE_IDS,
  "AZ",
  "GE",
  "TM",
  "AF",
  "CN",
  "IR",
  "MN",
  "UA",
  "TR",
] as const;
export type LocationCountry = (typeof LOCATION_COUNTRIES)[number];

const name = z.strictObject({ en: z.string().min(1).max(80), ru: z.string().min(1).max(80) });

export const PlaceSchema = z.strictObject({
  name,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type Place = z.infer<typeof PlaceSchema>;

export const LocationSchema = z.strictObject(
  {
    name,
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    /**
     * The country the place lies in, when it is not the host's own territory (Nagorno-Karabakh lies
     * in Azerbaijan's recognised borders, though Armenia is the member that asks). Defaults to the host.
     */
    country: z.enum(LOCATION_COUNTRIES).optional(),
    /** Named places of the crisis (an airport, a border village), drawn beside the location. */
    sites: z.array(PlaceSchema).max(8),
  },
  {
    error: (issue) =>
      issue.input === undefined
        ? "a scenario needs its crisis location: { name: { en, ru }, lat, lon, sites: [] }"
        : undefined,
  },
);
export type Location = z.infer<typeof LocationSchema>;

/** The country whose borders hold a scenario's location. */
export function locationCountry(s: {
  host: string;
  location: { country?: LocationCountry | undefined };
}): string {
  return s.location.country ?? s.host;
}
