import { createHash } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import { readActionInput } from "@ringtrail/carriers";
import type { RunInput } from "@ringtrail/core/flow";
import { scoreSentiment } from "@ringtrail/core/intel";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { openResume } from "../../flows/resume-state";
import { flowReply } from "../../flows/webhook-reply";
import { baseUrl } from "../base-url";
import { eventStatements } from "./call-writes";
import { voiceDecision } from "./replies";
import { readWebhook, webhookBodyLimit } from "./request";
import { tenantByCall, tenantByNumber, verifyFor } from "./tenant";
import { WebhookParams, webhookResponses } from "./webhook-docs";

/** Recognisers that send no confidence get a middling one: the speech counts, but not fully. */
const UNKNOWN_CONFIDENCE = 0.5;

const route = createRoute({
  method: "post",
  path: "/v1/carriers/{carrier}/flow",
  tags: ["Carriers"],
  summary: "Call-flow action callback (menu input, dial result)",
  description:
    "The action URL of a call flow's menus and dials; `s` is the sealed resume state the flow wrote into the URL. Signed by the carrier like the voice webhook and verified with the credentials of the account that owns the call; the state is bound to the call and cannot be forged. The flow continues from the step it names with the caller's digits or speech (scored for sentiment) or the dial's result; the decision is stored as a trace on the call, and a retried callback gets the same reply.",
  request: {
    params: WebhookParams,
    query: z.object({ s: z.string().max(4096) }),
  },
  middleware: [webhookBodyLimit] as const,
  responses: webhookResponses("Carrier markup (TwiML, LaML or TeXML)"),
});

export function registerFlowCallback(app: App, services: Services) {
  app.openapi(route, async (c) => {
    c.req.valid("param");
    const token = c.req.valid("query").s;
    const { adapter, req, identity, client } = await readWebhook(c);
    const owner = await tenantByCall(client, adapter.name, identity.carrierCallId);
    if (!owner) {
      throw new ApiError("bad_signature", "Unknown call: no account's credentials can verify it");
    }
    await verifyFor(services, adapter, req, owner);
    const now = services.now();
    const parsed = adapter.parse(req, "status");
    if (parsed.ok && parsed.events.length > 0)
      await services.writer.write(eventStatements(owner, parsed.events, now));
    const call = await storedCall(services, adapter.name, identity.carrierCallId);
    if (!call) throw new ApiError("not_found", "No such call");
    const forward = async () => {
      const number = await tenantByNumber(client, adapter.name, call.to);
      return voiceDecision(adapter.name, call.to, number?.forwardTo ?? null, baseUrl(c));
    };
    const state = await openResume(
      services.secrets,
      adapter.name,
      identity.carrierCallId,
      token,
      now,
    );
    if (!state) {
      // Signed by the carrier but not resumable (expired, or a URL we did not write): the
      // caller still reaches the number's forward target rather than silence.
      c.get("log")("info", "flow callback without a usable resume state", {
        carrier: adapter.name,
      });
      const reply = adapter.render(await forward());
      return c.body(reply.body, 200, { "content-type": reply.contentType });
    }
    const input = readActionInput(req);
    const heard = input.speech
      ? { text: input.speech, confidence: input.confidence ?? UNKNOWN_CONFIDENCE }
      : undefined;
    const speech = heard ?? state.speech;
    const unreadable = await forward();
    const reply = await flowReply(services, {
      adapter,
      stage: `cb:${createHash("sha256").update(token).digest("hex").slice(0, 32)}`,
      unreadable: () => unreadable,
      ...(heard && {
        speech: { score: scoreSentiment(heard.text).score, confidence: heard.confidence },
      }),
      run: {
        carrier: adapter.name,
        carrierCallId: identity.carrierCallId,
        baseUrl: baseUrl(c),
        flowId: state.flowId,
        version: state.version,
        call: {
          accountId: owner.accountId,
          callId: call.id,
          from: call.from,
          to: call.to,
          callerRegion: call.callerRegion,
          now,
          match: null,
          ...(speech && { speech }),
        },
        resume: { state, input: runInput(input) },
      },
    });
    return c.body(reply.body, 200, { "content-type": reply.contentType });
  });
}

function runInput(
  input: ReturnType<typeof readActionInput>,
): Pick<RunInput, "digits" | "speech" | "dialStatus"> {
  const out: Pick<RunInput, "digits" | "speech" | "dialStatus"> = {};
  if (input.digits !== undefined) out.digits = input.digits;
  if (input.speech !== undefined) out.speech = input.speech;
  if (input.dialStatus !== undefined)
    out.dialStatus = input.dialStatus === "completed" ? "answered" : "no_answer";
  return out;
}

async function storedCall(services: Services, carrier: string, carrierCallId: string) {
  const res = await services.database.reads.execute({
    sql: `SELECT id, "from", "to", caller_region FROM calls WHERE carrier = ? AND carrier_call_id = ?`,
    args: [carrier, carrierCallId],
  });
  const row = res.rows[0];
  if (!row) return null;
  return {
    id: String(row.id),
    from: String(row.from),
    to: String(row.to),
    callerRegion: row.caller_region === null ? null : String(row.caller_region),
  };
}
