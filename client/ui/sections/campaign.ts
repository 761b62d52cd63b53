/** A campaign in the panel: "crisis N of M", what carried over and why, the wait, the summary. */
import type { Sections } from "../dom.ts";
import { h } from "../dom.ts";
import { campaignVM, countdown, t } from "../../view/models.ts";
import { heading, keyOf, type ScreenCtx } from "../common.ts";

/** Elements that count down to a wall-clock time (`data-countdown`); the app ticks them. */
export function tickCountdowns(root: ParentNode, now: number): void {
  for (const el of root.querySelectorAll<HTMLElement>("[data-countdown]")) {
    const text = countdown(Number(el.dataset.countdown), now);
    const line = (el.dataset.template ?? "{time}").replace("{time}", text);
    if (el.textContent !== line) el.textContent = line;
  }
}

export function campaignSection(sections: Sections, ctx: ScreenCtx, where: "briefing" | "debrief"): void {
  const lang = ctx.lang;
  const vm = campaignVM(ctx.snap, lang);
  if (!vm) return;
  sections.section(`campaign-${where}`, keyOf(lang, vm), () => {
    const out: HTMLElement[] = [h("p", { class: "campaign-crisis", id: "campaign-crisis" }, vm.heading)];
    if (where === "briefing" && vm.carried.length > 0)
      out.push(
        heading(t(lang, "ui.campaign.carried.title"), "h3"),
        h(
          "ul",
          { id: "campaign-carried" },
          vm.carried.map((line) => h("li", {}, line)),
        ),
      );
    if (where === "debrief" && vm.nextAt !== null) {
      const template = t(lang, "ui.campaign.next", { time: "{time}" });
      const next = h(
        "p",
        { id: "campaign-next", "data-countdown": vm.nextAt, "data-template": template, role: "timer" },
        template.replace("{time}", countdown(vm.nextAt, Date.now())),
      );
      out.push(next);
    }
    if (where === "debrief" && vm.summary)
      out.push(
        heading(t(lang, "ui.campaign.summary.title"), "h3"),
        h(
          "ol",
          { id: "campaign-summary" },
          vm.summary.map((line) => h("li", {}, line)),
        ),
      );
    return out;
  });
}
