/**
 * View-models: everything a scene or a DOM panel shows, computed from a `Snapshot` and a language.
 * Pure functions (no DOM, no Phaser, no clock but the `now` passed in), unit-tested without a browser.
 * The client holds no rules: what is enabled comes from the seat's legal actions, and the reason shown
 * for a disabled input from the code the server's rules give. One module per topic; this one gathers them.
 */
export * from "./text.ts";
export * from "./actions.ts";
export * from "./router.ts";
export * from "./table.ts";
export * from "./timeline.ts";
export * from "./approvals.ts";
export * from "./map.ts";
export * from "./debrief.ts";
export * from "./stage.ts";
export * from "./forms.ts";
export * from "./waiting.ts";
export * from "./negotiation.ts";
export * from "./requests.ts";
export * from "./campaign.ts";
export * from "./guide.ts";
export * from "./lobby.ts";
export { myState } from "./snapshot.ts";
export * from "./tracks.ts";
export * from "./turn.ts";
