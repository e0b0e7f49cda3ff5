import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../context";
import { ApiError } from "../../errors";
import { errorResponses } from "../openapi-errors";
import { readJsonBody } from "./body";
import { allowSiteOrigin, preflight } from "./cors";
import { BeatRequestSchema, BeatResponseSchema } from "./schemas";

const SESSION_ID = /^ses_[0-9a-z]{8,40}$/;

export const beatRoute = createRoute({
  method: "post",
  path: "/v1/visits/{session}/beats",
  tags: ["SDK"],
  summary: "Keep a session's numbers alive and report browser events",
  description:
    "Sent while the page is visible and once on pagehide (sendBeacon). Events such as a click on a tel: link are the strongest signal for matching a call later.",
  request: {
    params: z.object({ session: z.string().openapi({ example: "ses_0123456789abcdef" }) }),
    body: { content: { "application/json": { schema: BeatRequestSchema } } },
  },
  responses: {
    204: { description: "Leases extended" },
    200: {
      description: "The leases had run out",
      content: { "application/json": { schema: BeatResponseSchema } },
    },
    ...errorResponses(400, 403, 404, 413),
  },
});

export function registerBeats(app: App) {
  app.openAPIRegistry.registerPath(beatRoute);
  app.options("/v1/visits/:session/beats", (c) => preflight(c));
  app.post("/v1/visits/:session/beats", async (c) => {
    const s = c.get("services");
    const sessionId = c.req.param("session");
    if (!SESSION_ID.test(sessionId)) throw new ApiError("unknown_session", "No such session");
    const body = await readJsonBody(c, BeatRequestSchema, 16 * 1024);
    const now = s.now();
    const result = await s.beats.beat(
      sessionId,
      body.events.map((e) => ({
        type: e.type,
        // The script sends a link's href as it is: the "tel:" goes here.
        number: e.number ? e.number.replace(/^tel:/i, "") : null,
        at: e.at ? Date.parse(e.at) : now,
      })),
      body.swap_ms ?? null,
    );
    if (!result) throw new ApiError("unknown_session", "No such session");
    const site = await s.sites.bySiteId(result.session.siteId);
    if (site) allowSiteOrigin(c, site);
    if (!result.live) return c.json({ renew: true as const });
    return c.body(null, 204);
  });
}
