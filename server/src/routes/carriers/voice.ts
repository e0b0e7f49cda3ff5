import { createRoute } from "@hono/zod-openapi";
import { factsFromEvent, matchStatements } from "../../attribution/index";
import type { App, Services } from "../../context";
import type { FlowCall } from "../../flows/call-data";
import { flowReply } from "../../flows/webhook-reply";
import { maskPhone } from "../../log";
import { baseUrl } from "../base-url";
import { callerRegion, eventStatements, readCallStatement } from "./call-writes";
import { matchSafely } from "./match-call";
import { voiceDecision } from "./replies";
import { isJsonBody, readWebhook, webhookBodyLimit } from "./request";
import { tenantByNumber, verifiedUnknownNumberTenant, verifyFor } from "./tenant";
import { parseFailure, WebhookParams, webhookResponses } from "./webhook-docs";

const route = createRoute({
  method: "post",
  path: "/v1/carriers/{carrier}/voice",
  tags: ["Carriers"],
  summary: "Inbound call webhook",
  description:
    "Point a tracking number's voice URL here. The request must carry the carrier's signature (X-Twilio-Signature, X-SignalWire-Signature, or Telnyx's Ed25519 headers), checked with the credentials of the account that owns the dialed number. The call is stored before the reply (a retried webhook gets the same reply and no second row); matching runs before the reply and its candidates are stored with the call; the reply runs the number's call flow (its active version; every decision is stored as a trace on the call) or, without one, forwards the call to the number's `forward_to`. A number nobody registered gets a spoken apology; it is stored only when some account's credentials name the carrier account and verify the request.",
  request: { params: WebhookParams },
  middleware: [webhookBodyLimit] as const,
  responses: webhookResponses(
    "Carrier markup (TwiML, LaML or TeXML); empty for Telnyx Call Control",
  ),
});

export function registerVoiceWebhook(app: App, services: Services) {
  app.openapi(route, async (c) => {
    c.req.valid("param");
    const { adapter, req, identity, client } = await readWebhook(c);
    const to = identity.to ?? null;
    let owner = to ? await tenantByNumber(client, adapter.name, to) : null;
    if (owner) await verifyFor(services, adapter, req, owner);
    else owner = await verifiedUnknownNumberTenant(services, adapter, req, identity);

    const parsed = adapter.parse(req, "voice");
    if (!parsed.ok) throw parseFailure(parsed);
    const log = c.get("log");
    const start = parsed.events.find((e) => e.kind === "call_started");
    let flowCall: FlowCall | null = null;
    if (owner) {
      const now = services.now();
      // Matched before the reply, so a call flow can route on it; stored in the call's batch.
      const facts = start
        ? factsFromEvent(owner, start, callerRegion(start.from, start.caller), now)
        : null;
      const outcome = facts ? await matchSafely(services, facts, log) : null;
      const stmts = [
        ...eventStatements(owner, parsed.events, now),
        ...(outcome ? matchStatements(outcome, "start", now) : []),
        readCallStatement(adapter.name, identity.carrierCallId),
      ];
      const results = await services.writer.write(stmts);
      const stored = results.at(-1)?.rows[0];
      if (stored && start)
        flowCall = {
          accountId: owner.accountId,
          callId: String(stored.id),
          from: start.from,
          to: start.to,
          callerRegion: facts?.callerRegion ?? null,
          now,
          match: outcome,
        };
      log("info", "call stored", {
        carrier: adapter.name,
        call: stored ? String(stored.id) : null,
        from: maskPhone(start?.from),
        to: maskPhone(to),
      });
    } else {
      // No account can vouch for this request, so it is answered but stored nowhere.
      log("info", "call to an unknown number, not stored", {
        carrier: adapter.name,
        to: maskPhone(to),
      });
    }
    // Call Control is steered by REST commands, not by the reply.
    if (isJsonBody(req)) return c.body(null, 200);
    const forward = () =>
      voiceDecision(adapter.name, start?.to ?? to ?? "", owner?.forwardTo ?? null, baseUrl(c));
    const reply =
      owner?.flow && flowCall
        ? await flowReply(services, {
            adapter,
            stage: "voice",
            unreadable: forward,
            run: {
              carrier: adapter.name,
              carrierCallId: identity.carrierCallId,
              baseUrl: baseUrl(c),
              flowId: owner.flow.id,
              version: owner.flow.version,
              call: flowCall,
            },
          })
        : adapter.render(forward());
    return c.body(reply.body, 200, { "content-type": reply.contentType });
  });
}
