/**
 * compose.yaml (the production layout) against the code it runs: every service's command calls a
 * package.json script that runs the right program, its port is the one the process listens on, each variable
 * it sets is one the code reads, its health check asks a path the code serves, and the proxy's upstreams
 * are the services and ports above. No Docker needed: it reads the files.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";

const root = new URL("../..", import.meta.url).pathname;
const read = (path: string) => readFileSync(join(root, path), "utf8");

type Service = {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas: string | number };
  ports?: string[];
  configs?: { source: string; target: string }[];
};
// Compose applies YAML merge keys (`<<: *app`).
const compose = parse(read("compose.yaml"), { merge: true }) as {
  services: Record<string, Service>;
  configs: Record<string, { file: string }>;
};
const services = compose.services;
const caddyfile = read(compose.configs.caddyfile!.file);
const ponderDist = join(root, "indexer/node_modules/ponder/dist/esm");

/** Every source file under `dir` (TypeScript and JavaScript), for finding the variables the code reads. */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (["node_modules", "generated", "test"].includes(name) || name.startsWith(".")) continue;
    if (statSync(join(root, path)).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|tsx|js|mjs)$/.test(name)) out.push(path);
  }
  return out;
}
/** The code each kind of service runs: ours, and Ponder's own (it reads PORT and the telemetry switch). */
const code = {
  indexer: [...sources("indexer"), "indexer/package.json", join(relative(root, ponderDist), "internal/options.js")],
  web: sources("web"),
};
const reads = (kind: keyof typeof code, name: string) =>
  code[kind].some((file) => new RegExp(`\\b${name}\\b`).test(read(file)));

/** `pnpm --dir <package> <script> [args]`: the package, its script's text and the arguments. */
function pnpmScript(service: Service) {
  const [pnpm, dirFlag, dir, script, ...args] = service.command ?? [];
  assert.equal(pnpm, "pnpm");
  assert.equal(dirFlag, "--dir");
  const pkg = JSON.parse(read(`${dir}/package.json`)) as { scripts: Record<string, string> };
  const text = pkg.scripts[script!];
  assert.ok(text, `${dir}/package.json has a "${script}" script`);
  return { dir: dir!, text, args };
}

/** The URL a `node scripts/deploy/healthcheck.ts <url>` health check asks. */
function healthUrl(service: Service): URL {
  const [cmd, node, script, url] = service.healthcheck?.test ?? [];
  assert.deepEqual([cmd, node, script], ["CMD", "node", "scripts/deploy/healthcheck.ts"]);
  assert.ok(existsSync(join(root, script!)));
  return new URL(url!);
}

/** The upstream service and port of the Caddyfile's site on `listener` (e.g. ":80"). */
function upstreamOf(listener: string): { service: string; port: number } {
  const site = caddyfile.split(/\n(?=\S)/).find((block) => block.startsWith(`${listener} {`));
  assert.ok(site, `the Caddyfile has a site ${listener}`);
  const m = /dynamic a (\S+) (\d+)/.exec(site);
  assert.ok(m, `${listener} proxies to a compose service`);
  return { service: m[1]!, port: Number(m[2]) };
}

test("the layout: PostgreSQL, one indexer writer, API replicas, web servers and a proxy, each with a health check", () => {
  assert.deepEqual(Object.keys(services).sort(), ["indexer", "indexer-api", "postgres", "proxy", "web"]);
  for (const [name, s] of Object.entries(services)) {
    assert.ok(s.healthcheck?.test?.length, `${name} has a health check`);
    for (const dep of Object.keys(s.depends_on ?? {})) assert.ok(services[dep], `${name} depends on ${dep}`);
  }
  assert.equal(services.indexer!.deploy, undefined, "one writer");
  for (const name of ["indexer-api", "web"]) assert.match(String(services[name]!.deploy?.replicas), /\d/);
  // One database for all: the same URL, and the replicas read the writer's schema.
  const urls = ["indexer", "indexer-api", "web"].map((n) => services[n]!.environment!.DATABASE_URL);
  assert.equal(new Set(urls).size, 1);
  assert.match(urls[0]!, /@postgres:5432\//);
  assert.equal(services["indexer-api"]!.environment!.DATABASE_SCHEMA, services.indexer!.environment!.DATABASE_SCHEMA);
  // The Node services run the image built from the committed Dockerfile: Node 22 and the repository's pnpm.
  const dockerfile = read("Dockerfile");
  assert.match(dockerfile, /^FROM node:22\b/m);
  const pnpmVersion = (JSON.parse(read("package.json")) as { packageManager: string }).packageManager;
  assert.ok(dockerfile.includes(pnpmVersion), `the Dockerfile installs ${pnpmVersion}`);
  assert.match(dockerfile, /pnpm --dir web build/);
  for (const name of ["indexer", "indexer-api", "web"]) assert.equal(services[name]!.build, ".");
});

test("the indexer writer and its replicas run `ponder start` and `ponder serve` on the port in PORT", () => {
  const ponderOptions = read(join(relative(root, ponderDist), "internal/options.js"));
  assert.match(ponderOptions, /process\.env\.PORT/, "Ponder takes its port from PORT");
  const server = read(join(relative(root, ponderDist), "server/index.js"));
  for (const [name, program] of [
    ["indexer", "ponder start"],
    ["indexer-api", "ponder serve"],
  ] as const) {
    const s = services[name]!;
    const { text, args } = pnpmScript(s);
    assert.ok(text.startsWith(program), `${name}: ${text}`);
    assert.match(text, /--schema \$\{DATABASE_SCHEMA/, "the schema comes from DATABASE_SCHEMA");
    assert.deepEqual(args, []);
    const port = Number(s.environment!.PORT);
    const health = healthUrl(s);
    assert.equal(Number(health.port), port, `${name}'s health check asks its own port`);
    assert.ok(server.includes(`.get("${health.pathname}"`), `Ponder serves ${health.pathname}`);
  }
  assert.equal(healthUrl(services.indexer!).pathname, "/health");
  assert.equal(healthUrl(services["indexer-api"]!).pathname, "/ready");
  assert.deepEqual(upstreamOf(":8080"), {
    service: "indexer-api",
    port: Number(services["indexer-api"]!.environment!.PORT),
  });
});

test("the web servers run web/server.ts on the port of their command, behind the proxy", () => {
  const web = services.web!;
  const { text, args } = pnpmScript(web);
  assert.equal(text, "node server.ts");
  const server = read("web/server.ts");
  for (const flag of ["hostname", "port"]) assert.ok(server.includes(`${flag}: { type: "string" }`), `--${flag}`);
  const port = Number(args[args.indexOf("--port") + 1]);
  assert.equal(args[args.indexOf("--hostname") + 1], "0.0.0.0", "reachable from the proxy");
  const health = healthUrl(web);
  assert.equal(Number(health.port), port);
  const route = join(root, "web/src/app", health.pathname, "route.ts");
  assert.match(readFileSync(route, "utf8"), /export function GET/, `${health.pathname} is a route`);
  assert.deepEqual(upstreamOf(":80"), { service: "web", port });
  // The web servers read the indexer through the proxy's internal listener (the replicas, in turn).
  assert.equal(web.environment!.NEXT_PUBLIC_INDEXER_URL, "http://proxy:8080");
  const proxy = services.proxy!;
  assert.deepEqual(proxy.ports, ["${HTTP_PORT:-80}:80"]);
  assert.ok(!proxy.ports!.some((p) => p.endsWith(":8080")), "the indexer listener is not published");
  assert.equal(proxy.configs![0]!.target, "/etc/caddy/Caddyfile");
  assert.match(proxy.healthcheck!.test.join(" "), /:80\/api\/health/);
});

test("every variable a service sets is one its code reads, and every ${VAR} is in the settings example", () => {
  for (const [name, kind] of [
    ["indexer", "indexer"],
    ["indexer-api", "indexer"],
    ["web", "web"],
  ] as const) {
    for (const variable of Object.keys(services[name]!.environment!))
      assert.ok(reads(kind, variable), `${name} sets ${variable}, which the ${kind} code does not read`);
  }
  const example = read("scripts/deploy/compose.env.example");
  const used = new Set([...read("compose.yaml").matchAll(/\$\{(\w+)/g)].map((m) => m[1]!));
  for (const variable of used)
    assert.match(example, new RegExp(`^${variable}=`, "m"), `${variable} is in scripts/deploy/compose.env.example`);
});
