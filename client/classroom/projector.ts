/** The projector: every table's public state, for the whole class to see (the facilitator's key opens it). */
import type { TableSummary } from "../../shared/protocol/classroom.ts";
import { h } from "../ui/dom.ts";
import { api } from "./api.ts";
import { every, get, keyOf, main, nav, showError } from "./page.ts";
import { projectorCard } from "./tables.ts";

export function projector(code: string): void {
  const key = get(keyOf(code));
  if (!key) {
    location.hash = "";
    return;
  }
  document.body.classList.add("class-projector");
  nav.replaceChildren();
  every(2000, async () => {
    const answer = await api<TableSummary[]>(`/${code}/dashboard`, { token: key });
    if (!answer.ok) {
      showError(answer.error);
      return;
    }
    main.replaceChildren(
      h("div", { class: "class-code" }, code),
      h("div", { class: "class-tables" }, ...answer.body.map(projectorCard)),
    );
  });
}
