// Load generator for the benchmarks, run in a worker thread so that the client's own work does not
// share an event loop with the servers being measured (Slack's side is another machine in real life).
// `concurrency` requests in flight over as many keep-alive connections, opened once, as wrk and
// autocannon do: a pool that opened more connections mid-run would measure how fast the server
// accepts them (Node accepts one per turn of its event loop) as much as how fast it answers.
import { createHmac } from "node:crypto";
import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";

const { url, secret, bodies, count, concurrency, contentType } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function sign(body) {
  const timestamp = Math.floor(Date.now() / 1000).toString();
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return { "content-type": contentType, "x-slack-request-timestamp": timestamp, "x-slack-signature": signature };
}

function post(body) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent, headers: sign(body) }, (response) => {
      response.on("data", () => {});
      response.on("end", () => resolve(response.statusCode));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * Opens the `concurrency` connections before the clock starts, with a GET of /healthz that each app
 * answers at once on a kept-alive connection (the bot's health check; bare Bolt's 404): Node accepts new connections only between turns of
 * its event loop, so fifty opened at the start of a timed run measure how long the server's first
 * turns take as much as answering, and set the p99 of whichever app it happens to.
 */
function connect() {
  return new Promise((resolve) => {
    const request = http.request(new URL("/healthz", url), { method: "GET", agent }, (response) => {
      response.resume();
      response.on("end", resolve);
      response.on("error", resolve);
    });
    request.on("error", resolve);
    request.end();
  });
}

if (workerData.connectFirst !== false) await Promise.all(Array.from({ length: concurrency }, connect));

const latencies = [];
let next = 0;
let failures = 0;
const started = performance.now();
async function worker() {
  while (next < count) {
    const body = bodies[next++ % bodies.length];
    const sentAt = performance.now();
    const status = await post(body).catch(() => 0);
    if (status !== 200) failures++;
    latencies.push(performance.now() - sentAt);
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
agent.destroy();
parentPort.postMessage({ latencies, elapsedMs: performance.now() - started, failures });
