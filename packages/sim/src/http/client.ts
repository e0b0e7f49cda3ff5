import { Agent, request } from "node:http";

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export interface HttpAnswer {
  status: number;
  body: string;
}

/** A small keep-alive HTTP client for the local server; every request carries its sim time. */
export function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | null,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    if (body !== null) req.write(body);
    req.end();
  });
}

export const SIM_TIME_HEADER = "x-ringtrail-sim-time";

/** The admin API, as an analyst's client would call it. */
export class Api {
  constructor(
    readonly base: string,
    private readonly key: string,
  ) {}

  async json<T>(method: string, path: string, body?: unknown, at?: number): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.key}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (at !== undefined) headers[SIM_TIME_HEADER] = String(at);
    const res = await send(
      `${this.base}${path}`,
      method,
      headers,
      body === undefined ? null : JSON.stringify(body),
    );
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.body}`);
    return (res.body ? JSON.parse(res.body) : null) as T;
  }

  async csv<T>(path: string, text: string): Promise<T> {
    const res = await send(
      `${this.base}${path}`,
      "POST",
      { authorization: `Bearer ${this.key}`, "content-type": "text/csv" },
      text,
    );
    if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${res.body}`);
    return JSON.parse(res.body) as T;
  }
}
