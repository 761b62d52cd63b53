/** The table of leaders (consultations, lobby, projector): flags around an ellipse, who speaks, stances. */
import { COLORS, STANCE_COLORS, StageScene } from "./base.ts";

export abstract class TableScene extends StageScene {
  protected drawTable(w: number, h: number, lobby: boolean): void {
    const g = this.g;
    const seats = this.vm.seats;
    const cx = w / 2;
    const cy = h / 2;
    const rx = w * 0.36;
    const ry = h * 0.32;
    g.fillStyle(COLORS.table, 1);
    g.fillEllipse(cx, cy, rx * 1.5, ry * 1.4);
    g.lineStyle(3, COLORS.tableEdge, 1);
    g.strokeEllipse(cx, cy, rx * 1.5, ry * 1.4);
    const r = Math.max(16, Math.min(w, h) * (this.vm.large ? 0.09 : 0.075));
    const n = Math.max(1, seats.length);
    let support = 0;
    let object = 0;
    let aside = 0;
    seats.forEach((seat, i) => {
      const a = (i / n) * Math.PI * 2 - Math.PI / 2;
      const x = cx + Math.cos(a) * rx;
      const y = cy + Math.sin(a) * ry;
      if (seat.speaking) this.pulse(x, y, r * 1.15, COLORS.me);
      const ring = lobby
        ? seat.ready
          ? COLORS.endorse
          : COLORS.none
        : (STANCE_COLORS[seat.stanceKey] ?? COLORS.none);
      if (seat.stanceKey === "endorse" || seat.stanceKey === "support") support++;
      else if (seat.stanceKey === "object") object++;
      else if (seat.stanceKey === "standAside") aside++;
      g.fillStyle(0x0b1119, 1);
      g.fillCircle(x, y, r);
      g.lineStyle(Math.max(3, r * 0.14), ring, 1);
      g.strokeCircle(x, y, r);
      if (seat.isMe) {
        g.lineStyle(2, COLORS.me, 1);
        g.strokeCircle(x, y, r * 1.22);
      }
      this.flag(seat.id, x, y - r * 0.1, r * 1.1, r * 0.72);
      this.label(x, y + r * 0.55, seat.id, r * 0.36);
      if (seat.isHost) {
        g.fillStyle(COLORS.crisis, 1);
        g.fillTriangle(x + r * 0.7, y - r * 0.95, x + r * 1.05, y - r * 0.35, x + r * 0.35, y - r * 0.35);
      }
      if (seat.isChair) {
        g.fillStyle(0xffffff, 1);
        g.fillCircle(x - r * 0.8, y - r * 0.7, r * 0.16);
      }
      // Who holds the seat: a filled dot for a human, a square for a bot, a hollow dot for an open seat.
      const hx = x + r * 0.85;
      const hy = y + r * 0.75;
      if (seat.holder === "bot") {
        g.fillStyle(0x7aa2c8, 1);
        g.fillRect(hx - r * 0.15, hy - r * 0.15, r * 0.3, r * 0.3);
      } else if (seat.holder === "human" || seat.holder === "away") {
        g.fillStyle(seat.holder === "away" ? 0x9a6700 : 0xe8eef5, 1);
        g.fillCircle(hx, hy, r * 0.16);
      } else {
        g.lineStyle(2, 0x9fb0c3, 1);
        g.strokeCircle(hx, hy, r * 0.16);
      }
    });
    if (!lobby && seats.length > 0) {
      const size = Math.max(14, r * 0.45);
      this.label(cx, cy - size * 0.8, `✔ ${support}   ✖ ${object}   ○ ${aside}`, size);
    }
  }
}
