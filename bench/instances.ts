/**
 * Scaling out: `/objectives <question>` throughput and p50/p99 at 200 concurrent signed requests,
 * for 1 and 3 bot processes (as `npm start` runs them) sharing one PostgreSQL database behind a
 * loopback round-robin TCP proxy, against bare Bolt apps behind the same proxy in the same run.
 *
 *   TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:55432/postgres \
 *     npx tsx bench/instances.ts [--requests 4000] [--concurrency 200]
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { connect, createServer, type Server, type Socket } from "node:net";
import { cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { runLoad, SIGNING_SECRET } from "./harness";
import { freePort, npmStartArgs, root, startScript, startStandinProcess } from "./processes";
import { objectivesBodies } from "./slack-requests";
import { formatRow, type Summary, summarise } from "./stats";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "4000" },
    concurrency: { type: "string", default: "200" },
    postgres: { type: "string", default: process.env.TEST_POSTGRES_URL ?? process.env.BENCH_POSTGRES_URL },
  },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
if (!values.postgres)
  throw new Error("set TEST_POSTGRES_URL (or --postgres) to a PostgreSQL server this may create a database on");

const started: ChildProcess[] = [];
process.on("exit", () => {
  for (const child of started) if (child.exitCode === null) child.kill("SIGKILL");
});

/** Like the harness's runLoad, but a request that fails is counted rather than ending the run. */
async function load(url: string, count: number, inFlight: number): Promise<Summary & { failures: number }> {
  const worker = new Worker(new URL("./load-generator.mjs", import.meta.url), {
    workerData: {
      url,
      secret: SIGNING_SECRET,
      bodies: objectivesBodies(count),
      count,
      concurrency: inFlight,
      contentType: "application/x-www-form-urlencoded",
    },
  });
  const [result] = (await once(worker, "message")) as [{ latencies: number[]; elapsedMs: number; failures: number }];
  await worker.terminate();
  return { ...summarise(result.latencies, result.elapsedMs), failures: result.failures };
}

/** Each new client connection goes to the next backend in turn, as a TCP load balancer does. */
async function startRoundRobin(ports: number[]): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const port = ports[next++ % ports.length] as number;
    const upstream = connect(port, "127.0.0.1");
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function startBots(
  count: number,
  slack: { apiUrl: string; token: string },
  databaseUrl: string,
): Promise<{ ports: number[]; children: ChildProcess[] }> {
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const children = ports.map((port) =>
    spawn(process.execPath, npmStartArgs(), {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        SLACK_BOT_TOKEN: slack.token,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "error",
        CONCERN_RECEIPT_PEPPER: "bench-pepper-0123456789abcdef0123456789",
      },
      stdio: ["ignore", "ignore", "inherit"],
    }),
  );
  started.push(...children);
  for (const [index, port] of ports.entries()) {
    for (;;) {
      if (children[index]?.exitCode !== null) throw new Error(`bot ${index + 1} exited`);
      const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { ports, children };
}

async function startBare(count: number, slack: { apiUrl: string; token: string }) {
  const bare = await Promise.all(
    Array.from({ length: count }, () =>
      startScript("bench/bare-bolt-process.ts", [
        JSON.stringify({ apiUrl: slack.apiUrl, token: slack.token, signingSecret: SIGNING_SECRET }),
      ]),
    ),
  );
  for (const [child] of bare) started.push(child);
  return {
    ports: bare.map(([, line]) => (JSON.parse(line) as { port: number }).port),
    children: bare.map(([child]) => child),
  };
}

async function stop(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      if (child.stdin) child.stdin.end();
      else child.kill("SIGTERM");
      await exited;
    }),
  );
}

async function measure(ports: number[]): Promise<Summary & { failures: number }> {
  const proxy = await startRoundRobin(ports);
  // Warm up JIT, connections and caches: gently first, then at full concurrency.
  await runLoad(proxy.url, objectivesBodies(100 * ports.length), 100 * ports.length, 5);
  await load(proxy.url, Math.min(1000, requests), concurrency);
  const summary = await load(proxy.url, requests, concurrency);
  await proxy.close();
  return summary;
}

async function createDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bench_instances_${randomUUID().replace(/-/g, "")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function main() {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  const slack = await startStandinProcess({
    users: [{ id: "U0BENCH", name: "bench" }],
    channels: [{ id: "C0BENCH", name: "bench" }],
  });
  const database = await createDatabase(values.postgres as string);

  console.log(
    `/objectives <question> scaled out: ${requests} signed requests per run, ${concurrency} in flight, through a loopback round-robin TCP proxy, ${new Date().toISOString()}`,
  );
  console.log(
    `Machine: ${cpus().length} x ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average at start ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}\n`,
  );

  const rows: Record<string, Summary> = {};
  const print = (name: string, summary: Summary & { failures: number }) => {
    rows[name] = summary;
    const failed = summary.failures > 0 ? `  ${summary.failures} not answered 200` : "";
    console.log(`${formatRow(name, summary)}${failed}`);
  };
  for (const count of [1, 3]) {
    const bare = await startBare(count, slack);
    print(`bare Bolt x${count}`, await measure(bare.ports));
    await stop(bare.children);

    const bots = await startBots(count, slack, database.url);
    print(`bot x${count}`, await measure(bots.ports));
    for (const child of bots.children) child.kill("SIGTERM");
    await Promise.all(bots.children.map((child) => (child.exitCode === null ? once(child, "exit") : undefined)));
  }

  const ratio = (a: string, b: string, key: "throughput" | "p99") =>
    ((rows[a] as Summary)[key] / (rows[b] as Summary)[key]).toFixed(2);
  console.log(
    `\n  bot x3 / bot x1: throughput ${ratio("bot x3", "bot x1", "throughput")}x, p99 ${ratio("bot x3", "bot x1", "p99")}x (goal: throughput >= 1.5x; ${cpus().length} cores bound it)`,
  );
  console.log(
    `  bare x3 / bare x1: throughput ${ratio("bare Bolt x3", "bare Bolt x1", "throughput")}x; bot/bare throughput: x1 ${ratio("bot x1", "bare Bolt x1", "throughput")}x, x3 ${ratio("bot x3", "bare Bolt x3", "throughput")}x`,
  );
  console.log(
    `  load average at end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );

  await database.drop();
  slack.close();
  await once(slack.process, "exit");
}

await main();
