import type { TrackingNumber } from "../geo/numbers";
import type { CallRequest, Dni, VisitAnswer, VisitRequest } from "../run/dni";
import type { Scenario } from "../scenario/schema";
import { SITE_ORIGIN } from "../traffic/channels";
import { type Api, SIM_TIME_HEADER, send } from "./client";
import { endCall, newTwilioAccount, placeCall, type TwilioAccount } from "./twilio";

export const SITE_TARGET = "+18005550100";

interface VisitBody {
  visitor: string | null;
  session: string | null;
  swaps: { target: string; number: string }[];
}

/** The real server as the DNI under test: visits and beats as the SDK sends them, calls as Twilio does. */
export class HttpDni implements Dni {
  private constructor(
    private readonly api: Api,
    private readonly publicKey: string,
    /** The site and its session pool, for the pool report after a run. */
    readonly siteId: string,
    readonly poolId: string,
    private readonly twilio: TwilioAccount,
    readonly numbers: readonly string[],
    /** Numbers the server refused at import, with its reasons. */
    readonly refused: readonly { number: string | null; message: string }[],
  ) {}

  /** Creates the site, its session pool, the numbers and the Twilio credentials. */
  static async setup(
    api: Api,
    scenario: Scenario,
    numbers: readonly TrackingNumber[],
  ): Promise<HttpDni> {
    const site = await api.json<{ id: string; public_key: string }>("POST", "/v1/sites", {
      name: scenario.name,
      origins: [SITE_ORIGIN],
      targets: [SITE_TARGET],
      hold_s: scenario.pool.hold_s,
    });
    const pool = await api.json<{ id: string }>("POST", "/v1/pools", {
      site: site.id,
      name: "Session pool",
      kind: "session",
      priority: 10,
      rules: {},
      on_exhausted: "share",
    });
    const csv = ["number,carrier,pool", ...numbers.map((n) => `${n.e164},twilio,${pool.id}`)].join(
      "\n",
    );
    const report = await api.csv<{
      created: { number: string }[];
      refused: { number: string | null; message: string }[];
    }>("/v1/numbers/import", csv);
    const twilio = newTwilioAccount();
    await api.json("PUT", "/v1/carriers/twilio/credentials", {
      account_sid: twilio.accountSid,
      auth_token: twilio.authToken,
    });
    return new HttpDni(
      api,
      site.public_key,
      site.id,
      pool.id,
      twilio,
      report.created.map((c) => c.number),
      report.refused,
    );
  }

  async visit(req: VisitRequest): Promise<VisitAnswer> {
    const res = await send(
      `${this.api.base}/v1/visits`,
      "POST",
      {
        "content-type": "text/plain;charset=UTF-8",
        "user-agent": req.ua,
        origin: SITE_ORIGIN,
        "x-forwarded-for": req.ip,
        [SIM_TIME_HEADER]: String(req.at),
      },
      JSON.stringify({
        site: this.publicKey,
        visitor: req.visitorId,
        url: req.url,
        referrer: req.referrer,
        ga_client_id: null,
        viewport: req.viewport,
      }),
    );
    if (res.status !== 200) throw new Error(`POST /v1/visits: ${res.status} ${res.body}`);
    const body = JSON.parse(res.body) as VisitBody;
    const swap = body.swaps.find((s) => s.target === SITE_TARGET);
    const number = swap && swap.number !== SITE_TARGET ? swap.number : null;
    return { visitor: body.visitor, session: body.session, number };
  }

  async beat(
    session: string,
    at: number,
    telClick: { number: string; at: number } | null,
  ): Promise<void> {
    const events = telClick
      ? [{ type: "tel_click", number: telClick.number, at: new Date(telClick.at).toISOString() }]
      : [];
    const res = await send(
      `${this.api.base}/v1/visits/${session}/beats`,
      "POST",
      {
        "content-type": "text/plain;charset=UTF-8",
        origin: SITE_ORIGIN,
        [SIM_TIME_HEADER]: String(at),
      },
      JSON.stringify({ events }),
    );
    if (res.status >= 300) throw new Error(`POST beats: ${res.status} ${res.body}`);
  }

  call(req: CallRequest): Promise<void> {
    return placeCall(this.api.base, this.twilio, req);
  }

  end(req: CallRequest): Promise<void> {
    return endCall(this.api.base, this.twilio, req);
  }
}
