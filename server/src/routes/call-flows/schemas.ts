import { z } from "@hono/zod-openapi";
import { PhoneField } from "../phone-field";

const FlowDocument = z
  .record(z.string(), z.unknown())
  .openapi({ description: "Call-flow template (version 1), validated on save" });

export const FlowErrorSchema = z
  .object({ path: z.string().openapi({ example: "steps.vip.when" }), message: z.string() })
  .openapi("CallFlowError");

export const CreateFlowSchema = z
  .object({ name: z.string().min(1).max(200), document: FlowDocument })
  .strict()
  .openapi("CreateCallFlow");

export const NewVersionSchema = z
  .object({ document: FlowDocument })
  .strict()
  .openapi("NewCallFlowVersion");

export const ActivateSchema = z
  .object({ version: z.number().int().min(1) })
  .strict()
  .openapi("ActivateCallFlow");

export const FlowVersionSchema = z
  .object({
    version: z.number().int(),
    valid: z.boolean(),
    errors: z.array(FlowErrorSchema),
    document: FlowDocument,
    created_at: z.string(),
  })
  .openapi("CallFlowVersion");

export const FlowSchema = z
  .object({
    id: z.string().openapi({ example: "flow_01jd8k2x4abcdefghjkm" }),
    name: z.string(),
    active_version: z.number().int().nullable(),
    latest: FlowVersionSchema,
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("CallFlow");

export const FlowListSchema = z.object({ data: z.array(FlowSchema) }).openapi("CallFlowList");

const JsonObject = z.record(z.string(), z.unknown());

export const SimulateSchema = z
  .object({
    version: z
      .number()
      .int()
      .min(1)
      .optional()
      .openapi({ description: "Defaults to the active version, else the latest" }),
    caller: z.union([z.literal("anonymous"), PhoneField]),
    number: PhoneField.openapi({ description: "The tracking number called" }),
    at: z.iso.datetime({ offset: true }).openapi({ example: "2026-11-24T15:00:00Z" }),
    time_zone: z
      .string()
      .max(64)
      .default("UTC")
      .openapi({ description: "IANA zone for the clock source", example: "America/New_York" }),
    digits: z.string().max(32).optional(),
    speech: z.string().max(2000).optional(),
    data: z
      .object({
        table: z.record(z.string(), JsonObject).optional().openapi({
          description:
            "Table name -> key (E.164) -> value; tables not given are read from the account's",
        }),
        http: JsonObject.optional().openapi({
          description: "http source name -> its JSON; a missing one uses the source's fallback",
        }),
        attribution: JsonObject.nullable().optional(),
        caller: JsonObject.optional().openapi({
          description: "Merged over the default caller data (no history, not VIP, not blocked)",
        }),
      })
      .strict()
      .default({}),
  })
  .strict()
  .openapi("SimulateCall");

export const TraceEntrySchema = z
  .object({
    step: z.string(),
    event: z.string(),
    value: z.unknown().optional(),
    detail: z.string(),
  })
  .openapi("CallFlowTraceEntry");

export const SimulationSchema = z
  .object({
    version: z.number().int(),
    needed_sources: z.array(z.string()),
    decision: JsonObject.openapi({ description: "What the flow does with the call now" }),
    trace: z.array(TraceEntrySchema),
    markup: z.record(z.string(), z.string()).nullable().openapi({
      description: "Reply markup per carrier (twilio, telnyx); null when it cannot render",
    }),
  })
  .openapi("CallFlowSimulation");

export type FlowBody = z.infer<typeof FlowSchema>;
export type SimulateBody = z.infer<typeof SimulateSchema>;
export type SimulationBody = z.infer<typeof SimulationSchema>;
