/**
 * A student's page: their status, and their seat played in the game client (framed below it), framed
 * again whenever the facilitator hands them a new seat token.
 */
import type { StudentSelf } from "../../shared/protocol/classroom.ts";
import { h } from "../ui/dom.ts";
import { api } from "./api.ts";
import { every, get, main, put, studentOf, tr } from "./page.ts";

function statusText(me: StudentSelf): string {
  if (me.status === "removed") return tr("class.student.removed");
  if (me.status === "waiting") return tr("class.student.waiting");
  if (!me.table || !me.seat) return tr("class.student.unseated");
  const seated = tr("class.student.seated", { table: me.table.index + 1, seat: me.seat });
  return `${me.name}: ${seated}${me.bot ? ` — ${tr("class.student.bot")}` : ""}`;
}

export function studentPage(code: string): void {
  const token = get(studentOf(code));
  if (!token) {
    location.hash = "";
    return;
  }
  const status = h("p", { id: "class-student-status", class: "class-card", role: "status" });
  const frame = h("iframe", { class: "class-seat-frame", title: tr("class.title"), hidden: true });
  main.replaceChildren(status, frame);
  let seatToken: string | null = null;
  every(2000, async () => {
    const answer = await api<StudentSelf>(`/${code}/me`, { token });
    if (!answer.ok) return void (status.textContent = tr("class.error", { code: answer.error }));
    const me = answer.body;
    status.textContent = statusText(me);
    if (me.seatToken === seatToken) return;
    seatToken = me.seatToken;
    if (seatToken && me.table) {
      // The game client resumes its saved session: this seat, with the token just handed out.
      put(
        "unanimity.session",
        JSON.stringify({ code: me.table.code, token: seatToken, seat: me.seat, spectator: false }),
      );
      frame.src = `/?class=${encodeURIComponent(code)}&t=${Date.now()}`;
      frame.hidden = false;
    } else {
      frame.removeAttribute("src");
      frame.hidden = true;
    }
  });
}
