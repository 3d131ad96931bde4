import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer } from "ws";
import type { StandinContext } from "./context";
import { type AckEffect, applySlashCommandAck } from "./delivery/ack-effects";
import { buildEventCallback, type EnvelopeOptions, type EventInput } from "./delivery/payloads/events";
import { buildSlashCommand, type SlashCommandInput } from "./delivery/payloads/slash-command";

/** What the app sent back for one envelope: `{ envelope_id, payload? }`. */
export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

const ACK_DEADLINE_MS = 3_000;

/**
 * Slack's side of Socket Mode: the app calls apps.connections.open with its app-level token, connects
 * to the URL it gets, receives `hello`, then envelopes (slash_commands, interactive, events_api) that
 * it must acknowledge with their envelope_id within 3 seconds.
 */
export class SocketModeHub {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private readonly waiting = new Map<string, (ack: SocketAck) => void>();
  private readonly connectionWaiters: Array<() => void> = [];

  constructor(private readonly ctx: StandinContext) {}

  get connections(): number {
    return this.sockets.size;
  }

  /** For the HTTP server's `upgrade` event: accepts /socket-mode, refuses anything else. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!request.url?.startsWith("/socket-mode")) {
      socket.destroy();
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
  }

  waitForConnection(timeoutMs = 5_000): Promise<void> {
    if (this.sockets.size > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the app did not connect in Socket Mode")), timeoutMs);
      this.connectionWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** A slash command as a `slash_commands` envelope; the ack's payload is shown like an HTTP ack body. */
  async slashCommand(input: SlashCommandInput): Promise<{ ack: SocketAck; effect: AckEffect }> {
    const built = buildSlashCommand(this.ctx, input);
    const payload = Object.fromEntries(new URLSearchParams(built.body));
    const ack = await this.send("slash_commands", payload, true);
    const effect = applySlashCommandAck(this.ctx, built.channel, input.user, {
      status: 200,
      headers: {},
      body: ack.payload,
      text: JSON.stringify(ack.payload ?? ""),
      ackMs: 0,
      tooSlow: false,
      sent: { body: built.body, headers: {} },
    });
    return { ack, effect };
  }

  /** An Events API delivery as an `events_api` envelope. */
  event(input: EventInput, options: EnvelopeOptions = {}): Promise<SocketAck> {
    return this.send("events_api", buildEventCallback(this.ctx, input, options), false);
  }

  close(): void {
    for (const socket of this.sockets) socket.terminate();
    this.server.close();
  }

  private accept(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on("close", () => this.sockets.delete(ws));
    ws.on("message", (data) => this.receive(String(data)));
    ws.send(
      JSON.stringify({
        type: "hello",
        num_connections: this.sockets.size,
        debug_info: { host: "localism-standin", approximate_connection_time: 18060 },
        connection_info: { app_id: this.ctx.app.appId },
      }),
    );
    for (const resolve of this.connectionWaiters.splice(0)) resolve();
  }

  private receive(text: string): void {
    try {
      const ack = JSON.parse(text) as Partial<SocketAck>;
      if (typeof ack.envelope_id === "string") this.waiting.get(ack.envelope_id)?.(ack as SocketAck);
    } catch {
      // Not an acknowledgement: Slack ignores what it cannot read, and so does the stand-in.
    }
  }

  private send(type: string, payload: unknown, acceptsResponsePayload: boolean): Promise<SocketAck> {
    const socket = [...this.sockets].find((candidate) => candidate.readyState === WebSocket.OPEN);
    if (!socket) return Promise.reject(new Error("no app is connected in Socket Mode"));
    const envelopeId = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(envelopeId);
        reject(new Error(`the app did not acknowledge ${type} envelope ${envelopeId} within 3 seconds`));
      }, ACK_DEADLINE_MS);
      this.waiting.set(envelopeId, (ack) => {
        clearTimeout(timer);
        this.waiting.delete(envelopeId);
        resolve(ack);
      });
      socket.send(
        JSON.stringify({ envelope_id: envelopeId, payload, type, accepts_response_payload: acceptsResponsePayload }),
      );
    });
  }
}
