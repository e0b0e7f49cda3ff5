import { classifyVisit } from "@ringtrail/core/channel";
import type { TrackingNumber } from "../geo/numbers";
import type { Dni, VisitAnswer, VisitRequest } from "../run/dni";
import { BOT_AGENTS } from "../traffic/agents";
import { type ModelNumber, PoolModel } from "./pool-model";

interface ModelSession {
  id: string;
  lastSeen: number;
  number: ModelNumber | null;
  touch: string;
  region: string | null;
  device: VisitRequest["device"];
}

/**
 * The server's number assignment in process, for sweeps too large to run over HTTP: the
 * same session rules as server/src/assign/visit-service.ts (a visitor's session continues
 * inside the hold time unless a new campaign arrives; the number is sticky inside the hold
 * time) over the PoolModel. Known crawlers get no number, as on the server.
 */
export class ModelDni implements Dni {
  readonly numbers: readonly string[];
  private readonly pool: PoolModel;
  private readonly sessions = new Map<string, ModelSession>();
  private readonly byVisitor = new Map<number, ModelSession>();
  private counter = 0;

  constructor(
    numbers: readonly TrackingNumber[],
    private readonly holdMs: number,
  ) {
    this.numbers = numbers.map((n) => n.e164);
    this.pool = new PoolModel(numbers.map((n) => ({ e164: n.e164, region: n.region })));
  }

  async visit(req: VisitRequest): Promise<VisitAnswer> {
    if (BOT_AGENTS.includes(req.ua)) return { visitor: null, session: null, number: null };
    const now = req.at;
    const t = classifyVisit({ url: req.url, referrer: req.referrer });
    const touch = `${t.channel}|${t.source}|${t.medium}|${t.campaign}`;
    const prev = this.byVisitor.get(req.visitorKey) ?? null;
    const inHold = prev !== null && prev.lastSeen + this.holdMs > now;
    const live = inHold && prev && (t.channel === "direct" || prev.touch === touch) ? prev : null;
    const until = now + this.holdMs;
    let session: ModelSession;
    if (live) {
      session = live;
      session.lastSeen = now;
      if (session.number) this.pool.extend(session.number, session.id, until);
    } else {
      session = {
        id: `ses_${(++this.counter).toString(36).padStart(8, "0")}`,
        lastSeen: now,
        number: null,
        touch,
        region: req.region || null,
        device: req.device,
      };
      this.sessions.set(session.id, session);
      this.byVisitor.set(req.visitorKey, session);
      const sticky = inHold && prev ? prev.number : null;
      session.number = this.pool.claim(
        {
          sessionId: session.id,
          region: session.region,
          country: "US",
          device: session.device,
          until,
        },
        now,
        sticky,
      );
    }
    return {
      visitor: `vis_${req.visitorKey}`,
      session: session.id,
      number: session.number?.e164 ?? null,
    };
  }

  async beat(sessionId: string, at: number): Promise<void> {
    const s = this.sessions.get(sessionId);
    if (!s || s.lastSeen + this.holdMs <= at) return;
    s.lastSeen = at;
    if (s.number) this.pool.extend(s.number, s.id, at + this.holdMs);
  }

  async call(): Promise<void> {}

  async end(): Promise<void> {}
}
