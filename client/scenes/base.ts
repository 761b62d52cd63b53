/** The base of every stage scene: redraws its picture from the latest `StageData` on update and resize. */
import Phaser from "phaser";
import type { StateId } from "../../shared/rules/index.ts";
import { FLAGS } from "../view/geo.ts";
import type { StageData } from "./types.ts";

export const COLORS = {
  bg: 0x0f1720,
  table: 0x1b2838,
  tableEdge: 0x2d4157,
  text: "#e8eef5",
  muted: "#9fb0c3",
  endorse: 0x3fb950,
  object: 0xf85149,
  standAside: 0x8b949e,
  none: 0x30363d,
  me: 0xf2cc60,
  crisis: 0xff5a4f,
  land: 0x16222f,
  grid: 0x22344a,
} as const;

export const STANCE_COLORS: Record<string, number> = {
  endorse: COLORS.endorse,
  support: COLORS.endorse,
  object: COLORS.object,
  standAside: COLORS.standAside,
};

export const EMPTY: StageData = {
  phase: null,
  seats: [],
  map: null,
  approvals: [],
  tracks: [],
  large: false,
};

export abstract class StageScene extends Phaser.Scene {
  protected vm: StageData = EMPTY;
  protected g!: Phaser.GameObjects.Graphics;
  /** Objects made by the last draw (labels, pulses), removed before the next. */
  private made: Phaser.GameObjects.GameObject[] = [];
  /** Between `create` and shutdown: a redraw (from data that loaded late) has a scene to draw in. */
  private alive = false;

  init(data: unknown): void {
    if (data && typeof data === "object" && "seats" in data) this.vm = data as StageData;
  }

  /** Device pixels per CSS pixel: the stage's canvas is that much larger than its box (index.ts). */
  protected get dpr(): number {
    return 1 / this.scale.zoom;
  }

  create(): void {
    // Draw in CSS pixels; the camera's zoom maps them onto the canvas's device pixels (crisp on HiDPI).
    this.cameras.main.setOrigin(0, 0).setZoom(this.dpr);
    this.g = this.add.graphics();
    const onVm = (d: StageData) => {
      this.vm = d;
      this.redraw();
    };
    this.events.on("vm", onVm);
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize);
    this.alive = true;
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.alive = false;
      this.events.off("vm", onVm);
      this.scale.off(Phaser.Scale.Events.RESIZE, this.onResize);
      this.clearMade();
    });
    this.redraw();
  }

  private clearMade(): void {
    for (const o of this.made) {
      this.tweens.killTweensOf(o);
      o.destroy();
    }
    this.made = [];
  }

  /** The resize listener: one function, so that shutdown removes the very one `create` added. */
  private readonly onResize = (): void => {
    this.cameras.main.setZoom(this.dpr);
    this.redraw();
  };

  /** Called by listeners `create` adds after it made `g` (and removes at shutdown), or once data loads. */
  protected redraw(): void {
    // Not `sys.isActive()`: that is false during `create`, whose own first draw would be skipped.
    if (!this.alive) return;
    this.g.clear();
    this.clearMade();
    this.draw(this.scale.width / this.dpr, this.scale.height / this.dpr);
  }

  protected abstract draw(w: number, h: number): void;

  protected keep<T extends Phaser.GameObjects.GameObject>(o: T): T {
    this.made.push(o);
    return o;
  }

  protected label(
    x: number,
    y: number,
    text: string,
    size: number,
    color: string = COLORS.text,
  ): Phaser.GameObjects.Text {
    const t = this.add.text(x, y, text, {
      fontFamily: "system-ui, sans-serif",
      fontSize: `${Math.round(size)}px`,
      color,
      resolution: this.dpr,
    });
    t.setOrigin(0.5, 0.5);
    return this.keep(t);
  }

  /** A flag, centred at x, y. */
  protected flag(id: StateId, x: number, y: number, w: number, h: number): void {
    const f = FLAGS[id];
    const total = f.stripes.reduce((n, s) => n + s.weight, 0);
    let top = y - h / 2;
    for (const s of f.stripes) {
      const sh = (s.weight / total) * h;
      this.g.fillStyle(s.color, 1);
      this.g.fillRect(x - w / 2, top, w, sh);
      top += sh;
    }
    if (f.emblem !== undefined) {
      this.g.fillStyle(f.emblem, 1);
      this.g.fillCircle(x, y, h * 0.22);
    }
    this.g.lineStyle(1, 0x000000, 0.4);
    this.g.strokeRect(x - w / 2, y - h / 2, w, h);
  }

  /** A soft pulsing ring (the crisis, the leader speaking). */
  protected pulse(x: number, y: number, r: number, color: number): void {
    const c = this.keep(this.add.circle(x, y, r, color, 0.35));
    this.tweens.add({ targets: c, scale: 1.6, alpha: 0, duration: 1200, repeat: -1, ease: "Sine.easeOut" });
  }
}
