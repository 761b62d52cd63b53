/** A few DOM helpers: element building, keyed sections that rebuild only when their data changed. */

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Builds an element: attributes (`on…` are listeners, `true` is a bare attribute) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "value" && "value" in el) (el as HTMLInputElement).value = String(v);
    else if (k === "checked" && "checked" in el) (el as HTMLInputElement).checked = v === true;
    else if (k === "class") el.className = String(v);
    else if (k === "id") el.id = String(v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  if (tag === "select") choose(el as HTMLSelectElement);
  return el;
}

/**
 * Makes the option marked `selected` the select's value. Browsers do it themselves; happy-dom, which
 * the DOM tests run on, can pick another option when several were appended at once.
 */
export function choose(select: HTMLSelectElement): void {
  const marked = [...select.options].find((option) => option.hasAttribute("selected"));
  if (marked) select.value = marked.value;
}

/** Options of a <select>, with one selected. */
export function options(list: { value: string; label: string }[], selected?: string): HTMLOptionElement[] {
  return list.map((o) => h("option", { value: o.value, selected: o.value === selected }, o.label));
}

/**
 * Sections of a panel, each rebuilt only when its key (the data it shows) changed, so typing in a
 * form or reading a list is not disturbed by unrelated updates. Focus survives a rebuild by id.
 */
export class Sections {
  private readonly root: HTMLElement;
  private seen = new Set<string>();

  constructor(root: HTMLElement) {
    this.root = root;
  }

  begin(): void {
    this.seen = new Set();
  }

  section(id: string, key: string, build: () => Child[], attrs: Attrs = {}): void {
    this.seen.add(id);
    let el = this.find(id);
    const index = this.seen.size - 1;
    if (!el) {
      el = h("section", { ...attrs, "data-section": id });
      el.dataset.key = "\u0000";
    }
    if (this.root.children[index] !== el) this.root.insertBefore(el, this.root.children[index] ?? null);
    if (el.dataset.key === key) return;
    const active = document.activeElement;
    const focusId = active && el.contains(active) ? active.id : "";
    el.replaceChildren(...(build().filter(Boolean) as Node[]));
    for (const [k, v] of Object.entries(attrs)) if (typeof v === "string") el.setAttribute(k, v);
    el.dataset.key = key;
    if (focusId) document.getElementById(focusId)?.focus();
  }

  /** The root's child section with this id (a scan of the children: a selector per call is slow). */
  private find(id: string): HTMLElement | null {
    for (const child of this.root.children)
      if (child instanceof HTMLElement && child.dataset.section === id) return child;
    return null;
  }

  end(): void {
    for (const el of [...this.root.children])
      if (el instanceof HTMLElement && !this.seen.has(el.dataset.section ?? "")) el.remove();
  }

  clear(): void {
    this.root.replaceChildren();
  }
}
