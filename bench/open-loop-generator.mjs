// Open-loop load for the load and soak benchmark, run in a worker thread: requests start on a fixed
// schedule (`rate` a second) whether or not earlier ones have finished, as Slack's traffic does, so a
// slow server shows up as latency rather than as a lower offered rate. Each request is signed when sent.
import { createHmac } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";

const { url, secret, requests, rate, timeoutMs } = workerData;

function headers(contentType, body) {
  const timestamp = Math.floor(Date.now() / 1000).toString();
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return { "content-type": contentType, "x-slack-request-timestamp": timestamp, "x-slack-signature": signature };
}

const results = [];
async function send({ kind, contentType, body }) {
  const sentAt = performance.now();
  let status = 0;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: headers(contentType, body),
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    // A form answered with field errors was refused, whatever the HTTP status says.
    status = text.includes('"response_action":"errors"') ? 422 : response.status;
  } catch {
    status = -1;
  }
  results.push({ kind, status, ms: performance.now() - sentAt });
}

const started = performance.now();
const inFlight = [];
for (let i = 0; i < requests.length; i++) {
  const due = started + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  inFlight.push(send(requests[i]));
}
await Promise.all(inFlight);
parentPort.postMessage({ results, elapsedMs: performance.now() - started });
