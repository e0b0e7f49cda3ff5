import { createRoute } from "@hono/zod-openapi";
import { isTerminalStatus } from "@ringtrail/carriers";
import { matchStatements, storedCallFacts } from "../../attribution/index";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { voicemailStatements } from "../../flows/voicemail";
import { callInteractionStatement } from "../../intel/call-interactions";
import { maskPhone } from "../../log";
import { eventStatements } from "./call-writes";
import { matchSafely } from "./match-call";
import { EMPTY_TWIML, statusDecision } from "./replies";
import { isJsonBody, readWebhook, webhookBodyLimit } from "./request";
import { tenantByCall, tenantByNumber, verifyFor } from "./tenant";
import { parseFailure, WebhookParams, webhookResponses } from "./webhook-docs";

const route = createRoute({
  method: "post",
  path: "/v1/carriers/{carrier}/status",
  tags: ["Carriers"],
  summary: "Call status, dial, recording and transcription callbacks",
  description:
    "Point status, `<Dial action>`, recording and transcription callbacks here. Signed like the voice webhook, verified with the credentials of the account that owns the call. A call only moves forward (ringing, in progress, then one final status: a late or repeated callback never moves it back); durations, recording and transcript fill in. A recording queues a durable job that copies the file into the account's storage. When the call reaches its final status, matching runs again and replaces the start-time credit. Dial actions are answered with an apology when the advertiser did not answer, else a hang-up; other callbacks with an empty document.",
  request: { params: WebhookParams },
  middleware: [webhookBodyLimit] as const,
  responses: webhookResponses("Carrier markup, or an empty body for Telnyx Call Control"),
});

export function registerStatusWebhook(app: App, services: Services) {
  app.openapi(route, async (c) => {
    c.req.valid("param");
    const { adapter, req, identity, client } = await readWebhook(c);
    // Recording callbacks carry no `To`: the call we stored names the account. A Call
    // Control event may come before we stored its call; its `to` names the account then.
    const owner =
      (await tenantByCall(client, adapter.name, identity.carrierCallId)) ??
      (identity.to ? await tenantByNumber(client, adapter.name, identity.to) : null);
    if (!owner) {
      throw new ApiError("bad_signature", "Unknown call: no account's credentials can verify it");
    }
    await verifyFor(services, adapter, req, owner);
    const parsed = adapter.parse(req, "status");
    if (!parsed.ok) throw parseFailure(parsed);
    if (parsed.events.length > 0) {
      const now = services.now();
      const stmts = [
        ...eventStatements(owner, parsed.events, now),
        ...(await voicemailStatements(services, owner.accountId, parsed.events, now)),
      ];
      if (parsed.events.some((e) => e.kind === "transcription")) {
        stmts.push(callInteractionStatement(adapter.name, identity.carrierCallId, now));
      }
      await services.writer.write(stmts);
    }
    if (parsed.events.some((e) => e.status !== undefined && isTerminalStatus(e.status))) {
      await matchEnded(services, adapter.name, identity.carrierCallId, c.get("log"));
    }
    c.get("log")("debug", "call status", {
      carrier: adapter.name,
      events: parsed.events.map((e) => `${e.kind}:${e.status ?? ""}`),
      from: maskPhone(parsed.events[0]?.from),
    });
    if (isJsonBody(req)) return c.body(null, 200);
    const decision = statusDecision(parsed.events);
    if (!decision) return c.body(EMPTY_TWIML, 200, { "content-type": "text/xml" });
    const reply = adapter.render(decision);
    return c.body(reply.body, 200, { "content-type": reply.contentType });
  });
}

/** Matches a call again once it has ended (a later beat may have arrived), once per call. */
async function matchEnded(
  services: Services,
  carrier: string,
  carrierCallId: string,
  log: Parameters<typeof matchSafely>[2],
) {
  const facts = await storedCallFacts(services.database.reads, carrier, carrierCallId);
  if (!facts || facts.matchPhase === "end") return;
  const outcome = await matchSafely(services, facts, log);
  if (outcome) await services.writer.write(matchStatements(outcome, "end", services.now()));
}
