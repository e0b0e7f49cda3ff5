import { createRoute } from "@hono/zod-openapi";
import { SKIP } from "@ringtrail/core/swap-rules";
import { getCookie, setCookie } from "hono/cookie";
import { BEAT_S } from "../../assign/visit-service";
import type { App } from "../../context";
import { ApiError } from "../../errors";
import { errorResponses } from "../openapi-errors";
import { readJsonBody } from "./body";
import { clientIp } from "./client-ip";
import { allowSiteOrigin, preflight } from "./cors";
import { VisitRequestSchema, type VisitResponse, VisitResponseSchema } from "./schemas";

const VISITOR_COOKIE = "_rt_vid";
const VISITOR_ID = /^vis_[0-9a-z]{8,40}$/;

export const createVisitRoute = createRoute({
  method: "post",
  path: "/v1/visits",
  tags: ["SDK"],
  summary: "Start or continue a visit and get the numbers to show",
  description:
    "Called by the script tag on every page view. The body may be sent as text/plain (no CORS preflight). The server adds geo (IP) and device (user agent). Known bots get no numbers and no lease.",
  request: { body: { content: { "application/json": { schema: VisitRequestSchema } } } },
  responses: {
    200: {
      description: "The swaps for the site's targets",
      content: { "application/json": { schema: VisitResponseSchema } },
    },
    ...errorResponses(400, 403, 404, 413),
  },
});

export function registerCreateVisit(app: App) {
  app.openAPIRegistry.registerPath(createVisitRoute);
  app.options("/v1/visits", (c) => preflight(c));
  app.post("/v1/visits", async (c) => {
    const s = c.get("services");
    const body = await readJsonBody(c, VisitRequestSchema, 16 * 1024);
    const site = await s.sites.byPublicKey(body.site);
    if (!site) throw new ApiError("unknown_site", "No site has this public key");
    allowSiteOrigin(c, site);
    c.header("Cache-Control", "no-store");
    const dev = s.device(c.req.header("user-agent") ?? "");
    if (dev.bot) {
      return c.json({
        visitor: null,
        session: null,
        // Never 0: the script beats every beat_s seconds (with no session it sends nothing),
        // and a zero interval would spin a crawler's renderer.
        beat_s: BEAT_S,
        hold_s: site.holdS,
        swaps: [],
        match: {},
        re: "(?!)",
        skip: SKIP,
        bot: true,
      } satisfies VisitResponse);
    }
    const cookieVisitor = body.consentless ? undefined : getCookie(c, VISITOR_COOKIE);
    const visitor =
      body.visitor ?? (cookieVisitor && VISITOR_ID.test(cookieVisitor) ? cookieVisitor : null);
    const ip = clientIp(c, s.trustProxy);
    const result = await s.visits.visit(
      site,
      {
        visitor,
        session: body.session ?? null,
        url: body.url,
        referrer: body.referrer || null,
        gaClientId: gaClientId(body.ga_client_id),
        viewport: body.viewport,
        consentless: body.consentless,
      },
      ip ? s.geo.lookup(ip) : null,
      dev,
    );
    if (result.visitor && c.req.header("origin")) setVisitorCookie(c, result.visitor);
    return c.json({
      visitor: result.visitor,
      session: result.session,
      beat_s: BEAT_S,
      hold_s: result.holdS,
      swaps: result.swaps,
      ...s.swapRules(result.swaps, result.previous),
    } satisfies VisitResponse);
  });
}

/**
 * The script sends the `_ga` cookie as it is, `GA1.1.123.456` (fewer bytes in the script than
 * parsing it there); the client id is what follows the version and domain-depth fields.
 */
function gaClientId(value: string | null): string | null {
  return value ? value.replace(/^GA\d+\.\d+\./, "") : null;
}

/**
 * With a first-party API host (calls.example.com, a CNAME to Ringtrail) the server sets the
 * visitor cookie on the parent domain, so it is first-party and not capped at 7 days the
 * way Safari caps cookies written by scripts. Elsewhere the browser simply drops it.
 */
function setVisitorCookie(c: Parameters<typeof getCookie>[0], visitor: string) {
  const host = (c.req.header("host") ?? "").split(":")[0] ?? "";
  const originHost = safeHost(c.req.header("origin"));
  const parent = host.split(".").slice(1).join(".");
  if (
    !originHost ||
    !parent.includes(".") ||
    !(originHost === parent || originHost.endsWith(`.${parent}`))
  )
    return;
  setCookie(c, VISITOR_COOKIE, visitor, {
    domain: parent,
    path: "/",
    maxAge: 400 * 24 * 3600,
    sameSite: "Lax",
    secure: c.req.url.startsWith("https:"),
  });
}

function safeHost(origin: string | undefined): string | null {
  try {
    return origin ? new URL(origin).hostname : null;
  } catch {
    return null;
  }
}
