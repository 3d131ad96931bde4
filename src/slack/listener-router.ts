import { type AnyMiddlewareArgs, type App, type Middleware, MultipleListenerError } from "@slack/bolt";

type Listener = Middleware<AnyMiddlewareArgs>;
type Args = Parameters<Listener>[0];

/**
 * Bolt runs every listener's matchers for every request: with about fifty listeners that is about a
 * millisecond of each request's main thread. Listeners registered by exact id (a command's name, an
 * action's action_id, a view's or shortcut's callback_id) are kept here instead, in a map, and the
 * last global middleware runs only those registered for the request's own id. Anything else (events,
 * messages, patterns, constraint objects) is registered with Bolt as before and still runs there.
 *
 * What a listener sees is what Bolt would give it: the same arguments, its own middleware chain,
 * every listener registered for the id run together, and their errors reported to the app's error
 * handler as Bolt reports them.
 */
export class ListenerRouter {
  private readonly routes = new Map<string, Listener[][]>();
  /** The app to register listeners on: exact ids go to the map, everything else to Bolt. */
  readonly app: App;

  constructor(app: App) {
    this.app = new Proxy(app, {
      get: (target, property, receiver) => {
        const route = Object.hasOwn(ROUTED, property) ? ROUTED[property as keyof typeof ROUTED] : undefined;
        if (route) {
          return (id: unknown, ...listeners: Listener[]) => {
            if (typeof id === "string") this.add(`${route}:${id}`, listeners);
            else (target[property as keyof typeof ROUTED] as (...args: unknown[]) => void)(id, ...listeners);
          };
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    app.use(this.middleware);
  }

  private add(key: string, listeners: Listener[]): void {
    const known = this.routes.get(key);
    if (known) known.push(listeners);
    else this.routes.set(key, [listeners]);
  }

  private readonly middleware: Listener = async (args) => {
    const key = routeOf(args.body as unknown as Record<string, unknown>);
    const listeners = key === null ? undefined : this.routes.get(key);
    if (!listeners) {
      await args.next();
      return;
    }
    const { next, ...shared } = args;
    const results = await Promise.allSettled([...listeners.map((chain) => run(chain, shared)), next()]);
    const failed = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    if (failed.length === 1) throw failed[0]?.reason;
    if (failed.length > 1) throw new MultipleListenerError(failed.map((result) => result.reason));
  };
}

/** The methods whose string ids are routed here, and the kind of request each one matches (as Bolt matches it). */
const ROUTED = { command: "command", action: "block_actions", view: "view_submission", shortcut: "shortcut" } as const;

/** The route key of a request, as Bolt would match a listener registered with a string id. */
function routeOf(body: Record<string, unknown>): string | null {
  if (typeof body.command === "string") return `command:${body.command}`;
  switch (body.type) {
    case "block_actions": {
      const [first] = Array.isArray(body.actions) ? body.actions : [];
      const id = (first as { action_id?: unknown } | undefined)?.action_id;
      return typeof id === "string" ? `block_actions:${id}` : null;
    }
    case "view_submission": {
      const id = (body.view as { callback_id?: unknown } | undefined)?.callback_id;
      return typeof id === "string" ? `view_submission:${id}` : null;
    }
    case "shortcut":
    case "message_action":
      return typeof body.callback_id === "string" ? `shortcut:${body.callback_id}` : null;
    default:
      return null;
  }
}

/** One listener's middleware chain, each given the request's arguments and a `next` to the following one, as Bolt does. */
async function run(chain: Listener[], shared: Omit<Args, "next">): Promise<void> {
  let called = -1;
  const invoke = async (index: number): Promise<void> => {
    if (called >= index) throw new Error("next() called multiple times");
    called = index;
    const listener = chain[index];
    if (!listener) return;
    const last = index === chain.length - 1;
    await listener({ ...shared, next: last ? () => {} : () => invoke(index + 1) } as Args);
  };
  await invoke(0);
}
