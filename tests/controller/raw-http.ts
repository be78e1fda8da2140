import * as http from "http";

/**
 * One HTTP request sent as given, through node:http rather than fetch: fetch normalizes `../` and
 * percent-encoding in the URL, and the walks must be able to send malformed paths exactly.
 */
export interface RawRequest {
  method: string;
  /** Path and query, sent verbatim (printable ASCII; anything else must be percent-encoded). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** No answer within this time is a hang (default 10 s). */
  timeoutMs?: number;
}

export interface RawAnswer {
  status: number;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  headers: http.IncomingHttpHeaders;
  ms: number;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function send(baseUrl: string, r: RawRequest): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  const timeoutMs = r.timeoutMs ?? 10_000;
  const body =
    r.body === undefined ? undefined : Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body, "utf8");
  const headers: Record<string, string> = { connection: "close", ...r.headers };
  if (body) headers["content-length"] = String(body.length);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      { host: url.hostname, port: url.port, method: r.method, path: r.path, headers, agent: false },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", finish);
        res.on("end", () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({
            status: res.statusCode ?? 0,
            text,
            json: parse(text),
            headers: res.headers,
            ms: Date.now() - started,
          });
        });
      },
    );
    function finish(e: Error): void {
      clearTimeout(timer);
      reject(e);
    }
    const timer = setTimeout(
      () => req.destroy(new Error(`no answer within ${timeoutMs} ms (${r.method} ${r.path.slice(0, 200)})`)),
      timeoutMs,
    );
    req.on("error", (e: NodeJS.ErrnoException) => {
      // A server may answer (413, 401) before it has read a large body and close the connection while
      // the rest is still being written; the answer counts, the broken pipe after it does not.
      if (answered && (e.code === "EPIPE" || e.code === "ECONNRESET")) return;
      finish(e);
    });
    req.end(body);
  });
}

/** A body ready to send. */
export interface Encoded {
  contentType: string;
  text: string;
}

export function json(value: unknown): Encoded {
  return { contentType: "application/json", text: JSON.stringify(value) };
}

/** A call with an optional bearer token and an optional body. */
export function call(
  baseUrl: string,
  token: string | undefined,
  method: string,
  path: string,
  body?: Encoded,
): Promise<RawAnswer> {
  const headers: Record<string, string> = {};
  if (token) headers["authorization"] = `Bearer ${token}`;
  if (body) headers["content-type"] = body.contentType;
  return send(baseUrl, { method, path, headers, ...(body && { body: body.text }) });
}
