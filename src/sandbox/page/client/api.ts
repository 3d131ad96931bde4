import type { ApiOutcome, ApiRequests, PageState } from "../contract";

export async function fetchState(as: string, open: string, panel = ""): Promise<PageState> {
  const query = new URLSearchParams({ as, open, ...(panel ? { panel } : {}) });
  const response = await fetch(`/sandbox/api/state?${query.toString()}`);
  if (!response.ok) throw new Error(`The sandbox answered HTTP ${response.status}`);
  return (await response.json()) as PageState;
}

export async function post<N extends keyof ApiRequests>(name: N, body: ApiRequests[N]): Promise<ApiOutcome> {
  try {
    const response = await fetch(`/sandbox/api/${name}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return (await response.json()) as ApiOutcome;
  } catch (error) {
    return {
      ok: false,
      error: `The sandbox server could not be reached (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
}
