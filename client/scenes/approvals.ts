/** Approvals: each pledging state's procedure as steps, and its last vote against the votes needed. */
import { COLORS } from "./base.ts";
import { StageScene } from "./base.ts";

export class ApprovalsScene extends StageScene {
  constructor() {
    super("approvals");
  }

  protected draw(w: number, h: number): void {
    const rows = this.vm.approvals;
    const g = this.g;
    if (rows.length === 0) {
      this.label(w / 2, h / 2, "—", 32, COLORS.muted);
      return;
    }
    const rowH = Math.min(110, (h - 20) / rows.length);
    const left = Math.min(90, w * 0.15);
    rows.forEach((r, i) => {
      const y = 10 + rowH * i + rowH / 2;
      this.flag(r.id, left / 2, y - rowH * 0.12, Math.min(48, left * 0.6), Math.min(32, left * 0.4));
      this.label(left / 2, y + rowH * 0.25, r.id, Math.max(12, rowH * 0.16));
      const stepsW = (w - left - 20) * 0.45;
      const n = r.steps.length;
      r.steps.forEach((step, j) => {
        const x = left + 10 + (n === 1 ? 0 : (stepsW * j) / (n - 1));
        if (j > 0) {
          const px = left + 10 + (stepsW * (j - 1)) / (n - 1);
          g.lineStyle(3, step.done ? COLORS.endorse : COLORS.none, 1);
          g.lineBetween(px, y, x, y);
        }
        g.fillStyle(step.failed ? COLORS.object : step.done ? COLORS.endorse : COLORS.none, 1);
        g.fillCircle(x, y, Math.max(6, rowH * 0.1));
      });
      if (r.needed > 0) {
        const bx = left + 30 + stepsW;
        const bw = w - bx - 16;
        const total = Math.max(r.seats, r.needed, r.yes + r.no, 1);
        const bh = Math.max(10, rowH * 0.22);
        g.fillStyle(COLORS.none, 1);
        g.fillRect(bx, y - bh / 2, bw, bh);
        g.fillStyle(r.yes >= r.needed ? COLORS.endorse : COLORS.object, 1);
        g.fillRect(bx, y - bh / 2, (bw * r.yes) / total, bh);
        const nx = bx + (bw * r.needed) / total;
        g.lineStyle(3, 0xffffff, 1);
        g.lineBetween(nx, y - bh, nx, y + bh);
        this.label(bx + bw / 2, y + bh * 1.5, `${r.yes}–${r.no} / ${r.needed}`, Math.max(12, rowH * 0.15));
      }
    });
  }
}
