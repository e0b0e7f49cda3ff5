import { createRoute, z } from "@hono/zod-openapi";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { openWhisper } from "../../flows/resume-state";
import { EMPTY_TWIML } from "./replies";
import { carrierAdapter, signedRequest, webhookBodyLimit } from "./request";
import { WebhookParams, webhookResponses } from "./webhook-docs";

const route = createRoute({
  method: "post",
  path: "/v1/carriers/{carrier}/whisper",
  tags: ["Carriers"],
  summary: "Whisper to the answering party of a call-flow dial",
  description:
    "The `<Number url>` of a flow's dial with a whisper: the carrier requests it when the agent answers, before bridging. Signed by the carrier and verified with the credentials of the account `a` names; `s` is the whisper text sealed for that account. An unreadable token bridges without a whisper rather than failing the call.",
  request: {
    params: WebhookParams,
    query: z.object({ a: z.string().max(64), s: z.string().max(4096) }),
  },
  middleware: [webhookBodyLimit] as const,
  responses: webhookResponses("Carrier markup: the whisper"),
});

export function registerWhisper(app: App, services: Services) {
  app.openapi(route, async (c) => {
    c.req.valid("param");
    const { a: accountId, s: token } = c.req.valid("query");
    const adapter = carrierAdapter(c.req.param("carrier") ?? "");
    const req = await signedRequest(c);
    const credential = await services.credentials.get(accountId, adapter.name);
    if (!credential) {
      throw new ApiError("bad_signature", `No ${adapter.name} credentials to verify this webhook`);
    }
    const verified = await adapter.verify(req, credential.secret, services.now());
    if (!verified.ok) throw new ApiError("bad_signature", verified.message);
    const text = await openWhisper(services.secrets, accountId, token);
    if (text === null) return c.body(EMPTY_TWIML, 200, { "content-type": "text/xml" });
    const reply = adapter.render({ kind: "say", text });
    return c.body(reply.body, 200, { "content-type": reply.contentType });
  });
}
