/** What a probe got back: the status, the headers and the parsed body (or the text when it is not JSON). */
export interface Probe {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
  };
}

/** POSTs `body` (a string as it is, anything else as JSON) to a GraphQL endpoint, as a client outside our test helpers would. */
export async function probe(url: string, body: unknown, token?: string, headers: Record<string, string> = {}): Promise<Probe> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return answerOf(response);
}

/** Reads a response as a probe. */
async function answerOf(response: Response): Promise<Probe> {
  const text = await response.text();
  let body: Probe['body'] = {};
  try {
    body = JSON.parse(text) as Probe['body'];
  } catch {
    // Not JSON (an HTML page, an empty body): `text` has it.
  }
  return { status: response.status, headers: response.headers, text, body };
}
