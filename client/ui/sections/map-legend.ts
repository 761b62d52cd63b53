/** The map's legend, in the DOM beside the stage: every mark the map draws, in the player's language. */
import type { Language } from "../../../shared/i18n/index.ts";
import { MAP_COLORS, cssColor, type MapColor } from "../../view/geo.ts";
import { t } from "../../view/models.ts";
import type { Sections } from "../dom.ts";
import { h } from "../dom.ts";

type Swatch = "dot" | "site" | "area" | "line" | "dash";

const ENTRIES: readonly { key: string; color: MapColor; swatch: Swatch; edge?: MapColor }[] = [
  { key: "crisis", color: "crisis", swatch: "dot" },
  { key: "site", color: "site", swatch: "site" },
  { key: "host", color: "host", swatch: "area", edge: "hostEdge" },
  { key: "member", color: "member", swatch: "area", edge: "memberEdge" },
  { key: "other", color: "other", swatch: "area", edge: "otherEdge" },
  { key: "capital", color: "capital", swatch: "dot" },
  { key: "moving", color: "moving", swatch: "dash" },
  { key: "arrived", color: "arrived", swatch: "line" },
  { key: "withdrawn", color: "withdrawn", swatch: "line" },
  { key: "bilateral", color: "bilateral", swatch: "line" },
];

export function mapLegendSection(sections: Sections, lang: Language): void {
  sections.section("map-legend", lang, () => [
    h(
      "ul",
      { id: "map-legend", class: "legend", "aria-label": t(lang, "ui.map.legend") },
      ENTRIES.map((e) => {
        const fill = cssColor(MAP_COLORS[e.color]);
        const edge = e.edge ? `;border-color:${cssColor(MAP_COLORS[e.edge])}` : "";
        return h(
          "li",
          { "data-legend": e.key },
          h("span", {
            class: `swatch swatch-${e.swatch}`,
            style: `--swatch:${fill}${edge}`,
            "aria-hidden": "true",
          }),
          t(lang, `ui.map.legend.${e.key}`),
        );
      }),
    ),
  ]);
}
