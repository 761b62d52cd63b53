/** The map's borders, cut from world-atlas's countries-50m at build time (vite.config.ts, client/view/region.ts). */
declare module "virtual:region-atlas" {
  const topology: import("./view/region.ts").RegionTopology;
  export default topology;
}
