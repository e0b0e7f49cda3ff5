import type { InStatement } from "@libsql/client";
import {
  type CallFacts,
  type InteractionChannel,
  interpret,
  type ModelOutput,
  renderTemplate,
} from "@ringtrail/core/intel";
import { newId } from "@ringtrail/db";
import type { Services } from "../context";
import { outboundWebhookStatement } from "../outbound/index";
import { type CustomerState, customerState } from "./customer-state";
import { loadRules, loadSubjectModel } from "./registry";
import { type RouteTarget, routeTarget } from "./routing";
import { gatherSupplemental, type Supplemental } from "./supplemental";

export type AttributeValue = string | number | boolean;

export interface InteractionInput {
  channel: InteractionChannel;
  /** E.164. */
  phone: string | null;
  /** Trimmed and lowercased. */
  email: string | null;
  text: string;
  metadata: Record<string, unknown>;
  occurredAt: number;
  /** What the account tells us about where the customer is and who they are. */
  customer?: {
    country?: string | undefined;
    region?: string | undefined;
    postal_code?: string | undefined;
    lat?: number | undefined;
    lon?: number | undefined;
    attributes?: Record<string, AttributeValue> | undefined;
  };
  callId?: string | null;
  call?: Omit<CallFacts, "transcript"> | null;
}

export interface InteractionAction {
  spam: boolean;
  subject: string | null;
  intent: string | null;
  urgency: "low" | "normal" | "high";
  medium: string | null;
  medium_rule: string | null;
  medium_reason: string | null;
  /** The account's template for subject and medium, filled in; null when it has none. */
  message: string | null;
  template_id: string | null;
  route_to: RouteTarget | null;
}

export interface InteractionResult {
  models: ModelOutput[];
  action: InteractionAction;
  context: Omit<Supplemental, "history"> & {
    /** From the account's customer-state source; null when it has none. */
    customer_state: CustomerState | null;
  };
}

/**
 * Interprets an interaction: gathers what is known of the customer, runs the models that fit
 * its channel and content, and decides the action. Returns the statements that store it (the
 * interaction and the customer), for the caller to batch with whatever else the write causes.
 */
export async function processInteraction(
  services: Services,
  accountId: string,
  input: InteractionInput,
): Promise<{
  id: string;
  statements: InStatement[];
  result: InteractionResult;
  createdAt: number;
}> {
  const { client } = services.database;
  const now = services.now();
  const customerKey = { phone: input.phone, email: input.email };
  const [supplemental, subject, rules, state] = await Promise.all([
    gatherSupplemental(client, accountId, customerKey, input.occurredAt),
    loadSubjectModel(client, accountId),
    loadRules(client, accountId),
    customerState(services, accountId, input.phone ?? input.email),
  ]);
  const interpretation = interpret({
    channel: input.channel,
    text: input.text,
    metadata: input.metadata,
    call: input.call ?? null,
    subjectModel: subject.model,
    rules: rules.compiled,
    history: supplemental.history,
    earlierInteractions: supplemental.earlierInteractions,
    customerState: state?.found ? state.value : null,
  });
  const medium = interpretation.medium?.medium ?? null;
  let template: { id: string; body: string } | null = null;
  let route: RouteTarget | null = null;
  if (medium !== null && interpretation.subject !== null) {
    const found = await client.execute({
      sql: "SELECT id, body FROM response_templates WHERE account_id = ? AND subject = ? AND medium = ?",
      args: [accountId, interpretation.subject, medium],
    });
    const row = found.rows[0];
    if (row) template = { id: String(row.id), body: String(row.body) };
    route = await routeTarget(client, accountId, interpretation.subject, medium, now);
  }
  const values: Record<string, string> = {
    subject: interpretation.subject ?? "",
    channel: input.channel,
    ...Object.fromEntries(
      Object.entries(input.customer?.attributes ?? {}).map(([k, v]) => [k, String(v)]),
    ),
  };
  const { history: _history, ...context } = supplemental;
  const result: InteractionResult = {
    models: interpretation.models,
    action: {
      spam: interpretation.spam,
      subject: interpretation.subject,
      intent: interpretation.intent,
      urgency: interpretation.urgency,
      medium,
      medium_rule: interpretation.medium?.rule ?? null,
      medium_reason: interpretation.medium?.reason ?? null,
      message: template ? renderTemplate(template.body, values) : null,
      template_id: template?.id ?? null,
      route_to: route,
    },
    context: { ...context, customer_state: state },
  };
  const id = newId("itx", now);
  const statements: InStatement[] = [
    {
      sql: `INSERT INTO interactions (id, account_id, channel, customer_phone, customer_email, text, metadata,
          occurred_at, call_id, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (account_id, call_id) DO NOTHING`,
      args: [
        id,
        accountId,
        input.channel,
        input.phone,
        input.email,
        input.text,
        JSON.stringify(input.metadata),
        input.occurredAt,
        input.callId ?? null,
        JSON.stringify(result),
        now,
      ],
    },
  ];
  statements.push(
    outboundWebhookStatement({
      accountId,
      event: "interaction.processed",
      data: {
        id,
        channel: input.channel,
        customer: { phone: input.phone, email: input.email },
        occurred_at: new Date(input.occurredAt).toISOString(),
        call_id: input.callId ?? null,
        models: result.models,
        action: result.action,
      },
      key: `interaction.processed:${id}`,
      now,
    }),
  );
  // A withheld caller has no key to remember them by.
  if (input.phone !== null || input.email !== null)
    statements.push(upsertCustomer(accountId, input, now));
  return { id, statements, result, createdAt: now };
}

/** One customer per key (phone, else email); newer facts win, attributes merge. */
function upsertCustomer(accountId: string, input: InteractionInput, now: number): InStatement {
  const c = input.customer ?? {};
  return {
    sql: `INSERT INTO customers (id, account_id, key, phone, email, country, region, postal_code, lat, lon,
        attributes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (account_id, key) DO UPDATE SET
        phone = COALESCE(excluded.phone, phone), email = COALESCE(excluded.email, email),
        country = COALESCE(excluded.country, country), region = COALESCE(excluded.region, region),
        postal_code = COALESCE(excluded.postal_code, postal_code),
        lat = COALESCE(excluded.lat, lat), lon = COALESCE(excluded.lon, lon),
        attributes = json_patch(attributes, excluded.attributes), updated_at = excluded.updated_at`,
    args: [
      newId("cus", now),
      accountId,
      (input.phone ?? input.email) as string,
      input.phone,
      input.email,
      c.country?.toUpperCase() ?? null,
      c.region?.toUpperCase() ?? null,
      c.postal_code ?? null,
      c.lat ?? null,
      c.lon ?? null,
      JSON.stringify(c.attributes ?? {}),
      now,
    ],
  };
}
