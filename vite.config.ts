// The client build: client/ → dist/client/, served by the server at `/`. Phaser is loaded by a dynamic
// import, so it lands in its own chunk and the first paint needs only the small DOM layer.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: "client",
  base: "./",
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
