// The client build: client/ → dist/client/, served by the server at `/`. Phaser is loaded by a dynamic
// import, so it lands in its own chunk and the first paint needs only the small DOM layer.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Topology } from "topojson-specification";
import { defineConfig, type Plugin } from "vite";
import { regionTopology } from "./client/view/region.ts";

/**
 * The map's borders as the module `virtual:region-atlas`: the region cut from world-atlas's
 * countries-50m at build time (client/view/region.ts). The stage imports it lazily, so it is a chunk
 * of its own that the first paint does not wait for (and that `npm run bench:client` weighs apart).
 */
function regionAtlas(): Plugin {
  const id = "virtual:region-atlas";
  const resolved = `\0${id}`;
  return {
    name: "region-atlas",
    resolveId: (source) => (source === id ? resolved : null),
    load(source) {
      if (source !== resolved) return null;
      const file = fileURLToPath(new URL("node_modules/world-atlas/countries-50m.json", import.meta.url));
      const world = JSON.parse(readFileSync(file, "utf8")) as Topology;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(regionTopology(world)))});`;
    },
  };
}

export default defineConfig({
  root: "client",
  base: "./",
  plugins: [regionAtlas()],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
    // Two pages: the game (index.html) and the classroom (classroom.html, DOM only).
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL("client/index.html", import.meta.url)),
        classroom: fileURLToPath(new URL("client/classroom.html", import.meta.url)),
      },
    },
  },
  server: {
    proxy: {
      "/api": "http://localhost:2567",
      "/matchmake": { target: "http://localhost:2567", ws: true },
    },
  },
});
