// Load generator for the benchmarks, run in a worker thread so that the client's own work does not
// share an event loop with the servers being measured (Slack's side is another machine in real life).
import { createHmac } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";

const { url, secret, bodies, count, concurrency, contentType } = workerData;

function sign(body) {
  const timestamp = Math.floor(Date.now() / 1000).toString();
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return { "content-type": contentType, "x-slack-request-timestamp": timestamp, "x-slack-signature": signature };
}

const latencies = [];
let next = 0;
let failures = 0;
const started = performance.now();
async function worker() {
  while (next < count) {
    const body = bodies[next++ % bodies.length];
    const sentAt = performance.now();
    const response = await fetch(url, { method: "POST", headers: sign(body), body });
    await response.arrayBuffer();
    if (response.status !== 200) failures++;
    latencies.push(performance.now() - sentAt);
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
parentPort.postMessage({ latencies, elapsedMs: performance.now() - started, failures });
