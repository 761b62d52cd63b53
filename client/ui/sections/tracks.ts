/**
 * The live tracks, on every screen of a game (not the menu): a one-line strip of the four public
 * tracks (gauge, value, last change), and on tap the details: each track's last change with its cause
 * and every state's domestic standing. Each gauge is a role=meter with its values and a translated
 * label. Rendered into the shell's own `#tracks` element, rebuilt only when what it shows changed.
 */
import type { Language } from "../../../shared/i18n/index.ts";
import { t, type GaugeVM, type TracksVM } from "../../view/models.ts";
import { h } from "../dom.ts";
import { flag, keyOf } from "../common.ts";
import type { StateId } from "../../../shared/rules/index.ts";

function meter(g: GaugeVM): HTMLElement {
  const pct = `${Math.round(g.value * 10)}%`;
  return h(
    "div",
    {
      class: `gauge level-${g.level}${g.mine ? " mine" : ""}`,
      role: "meter",
      "aria-valuemin": 0,
      "aria-valuemax": 10,
      "aria-valuenow": g.value,
      "aria-valuetext": g.valueText,
      "aria-label": g.label,
      "data-gauge": g.id,
      title: g.change ? `${g.label}: ${g.change}` : g.label,
    },
    g.id.startsWith("standing.")
      ? flag(g.id.slice("standing.".length) as StateId)
      : h("span", { class: `swatch track-${g.id}`, "aria-hidden": "true" }),
    h("span", { class: "name", "aria-hidden": "true" }, g.short),
    h("span", { class: "bar", "aria-hidden": "true" }, h("span", { class: "fill", style: `width:${pct}` })),
    h("span", { class: "value", "aria-hidden": "true" }, g.shown),
    g.delta ? h("span", { class: `delta ${g.direction ?? ""}`, "aria-hidden": "true" }, g.delta) : null,
  );
}

export interface TracksUi {
  open: boolean;
  toggle(): void;
}

export function renderTracks(el: HTMLElement, vm: TracksVM | null, lang: Language, ui: TracksUi): void {
  el.hidden = vm === null;
  if (!vm) {
    el.dataset.key = "";
    return;
  }
  const key = keyOf(lang, vm, ui.open);
  if (el.dataset.key === key) return;
  el.dataset.key = key;
  const hadFocus = document.activeElement?.id === "tracks-toggle";
  el.setAttribute("aria-label", vm.label);
  el.dataset.open = String(ui.open);
  el.replaceChildren(
    h(
      "div",
      { class: "strip" },
      h(
        "div",
        { class: "gauges" },
        vm.tracks.map((g) => meter(g)),
      ),
      vm.latest ? h("p", { class: "latest", id: "tracks-latest", title: vm.latest }, vm.latest) : null,
      h(
        "button",
        {
          type: "button",
          id: "tracks-toggle",
          class: "toggle",
          "aria-expanded": String(ui.open),
          "aria-controls": "tracks-detail",
          onclick: () => ui.toggle(),
        },
        t(lang, "ui.tracks.more"),
      ),
    ),
    h(
      "div",
      { id: "tracks-detail", class: "detail", hidden: !ui.open },
      h("p", { class: "muted hint" }, t(lang, "ui.tracks.hint")),
      h(
        "ul",
        { class: "changes" },
        vm.tracks.map((g) =>
          h(
            "li",
            { "data-gauge": g.id },
            h("span", { class: `swatch track-${g.id}`, "aria-hidden": "true" }),
            h("strong", {}, `${g.label} ${g.shown}/10`),
            " ",
            h("span", { class: g.change ? "cause" : "muted" }, g.change ?? t(lang, "ui.tracks.none")),
          ),
        ),
      ),
      h("h3", {}, t(lang, "ui.track.standing")),
      h(
        "ul",
        { class: "standing" },
        vm.standing.map((g) =>
          h(
            "li",
            {},
            meter(g),
            g.mine ? h("span", { class: "tag you" }, t(lang, "ui.tracks.you")) : null,
            g.change ? h("span", { class: "cause" }, g.change) : null,
          ),
        ),
      ),
    ),
  );
  if (hadFocus) document.getElementById("tracks-toggle")?.focus();
}
