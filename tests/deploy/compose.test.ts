/**
 * The deployment files, checked without a Docker engine: the compose file parses and has two or
 * more server processes (each its own PUBLIC_ADDRESS, routed by the proxy to that very process),
 * Redis, PostgreSQL on a volume and a proxy; every variable it sets is one the server reads and the
 * README documents; the Dockerfile is multi-stage, runs as non-root and checks /healthz.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";

const ROOT = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), "utf8");

interface Service {
  build?: unknown;
  image?: string;
  environment?: Record<string, string>;
  depends_on?: unknown;
  volumes?: string[];
  ports?: string[];
  healthcheck?: unknown;
  stop_grace_period?: string;
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const compose = parse(read("docker-compose.yml"), { merge: true }) as Compose;
const services = compose.services;
const servers = Object.entries(services).filter(([, s]) => s.build !== undefined);
/** `${NAME:-default}` → default, as compose does when NAME is unset. */
const resolved = (v: string) => v.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, "$1");

describe("docker-compose.yml", () => {
  test("two or more server processes, Redis, PostgreSQL with a volume, and a proxy", () => {
    expect(servers.length).toBeGreaterThanOrEqual(2);
    const images = Object.values(services).map((s) => s.image ?? "");
    expect(images.some((i) => i.startsWith("redis"))).toBe(true);
    const pg = Object.values(services).find((s) => s.image?.startsWith("postgres"));
    const pgVolume = pg?.volumes?.[0]?.split(":")[0] ?? "";
    expect(pgVolume).not.toBe("");
    expect(Object.keys(compose.volumes ?? {})).toContain(pgVolume);
    const proxy = Object.values(services).find((s) => s.image?.startsWith("nginx"));
    expect(proxy?.ports?.length).toBeGreaterThan(0);
    expect(proxy?.volumes?.some((v) => v.startsWith("./deploy/nginx.conf:"))).toBe(true);
  });

  test("each server process has Redis, PostgreSQL and its own public address, which the proxy routes to it", () => {
    const nginx = read("deploy/nginx.conf");
    const addresses = new Set<string>();
    for (const [name, s] of servers) {
      const env = s.environment ?? {};
      expect(env.REDIS_URL).toMatch(/^redis:\/\/redis:/);
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      const address = resolved(env.PUBLIC_ADDRESS ?? "");
      expect(address).toMatch(/^[^/]+\/[a-z0-9]+$/);
      addresses.add(address);
      // The path of its public address leads to this very service.
      const path = address.slice(address.indexOf("/"));
      const block = new RegExp(`location ${path}/ \\{[^}]*proxy_pass http://${name}:${env.PORT}/;`);
      expect(nginx).toMatch(block);
      expect(s.stop_grace_period).toBeDefined();
    }
    expect(addresses.size).toBe(servers.length);
    // WebSocket upgrades pass through the proxy.
    expect(nginx).toContain("proxy_set_header Upgrade $http_upgrade;");
  });

  test("every variable set for the server is one it reads, and one the README documents", () => {
    const main = read("server/main.ts");
    const readme = read("server/README.md");
    const names = new Set(servers.flatMap(([, s]) => Object.keys(s.environment ?? {})));
    for (const n of ["REDIS_URL", "DATABASE_URL", "PUBLIC_ADDRESS", "ALLOWED_ORIGINS", "ADMIN_KEY"])
      expect(names).toContain(n);
    for (const name of names) {
      expect(main, `server/main.ts reads ${name}`).toMatch(new RegExp(`env\\.${name}\\b`));
      expect(readme, `server/README.md documents ${name}`).toContain(`\`${name}\``);
    }
  });
});

describe("Dockerfile", () => {
  const docker = read("Dockerfile");
  test("multi-stage, non-root, a health check on /healthz, the server as its command", () => {
    expect(docker.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(docker).toMatch(/^FROM node:24[^\n]* AS build$/m);
    expect(docker).toMatch(/COPY --from=build /);
    const user = docker.match(/^USER (\S+)$/m)?.[1];
    expect(user).toBeDefined();
    expect(user).not.toBe("root");
    expect(docker).toMatch(/^HEALTHCHECK [^\n]*\\\n[^\n]*\/healthz/m);
    expect(docker).toContain('CMD ["node", "server/main.ts"]');
    expect(docker).toContain("--omit=dev");
  });
  test(".dockerignore keeps local state out of the image", () => {
    const ignore = read(".dockerignore").split("\n");
    for (const p of ["node_modules", "data", ".git"]) expect(ignore).toContain(p);
  });
});
