import { z } from "@hono/zod-openapi";
import { CHANNEL_TYPES } from "@ringtrail/core/flow";
import { PhoneField } from "../phone-field";

const ChannelTypes = z.array(z.enum(CHANNEL_TYPES)).min(1).max(CHANNEL_TYPES.length);

export const CreateAgentSchema = z
  .object({
    name: z.string().min(1).max(200),
    contacts: z
      .object({
        voice: PhoneField.optional(),
        sms: PhoneField.optional(),
        email: z.email().max(254).optional(),
        chat: z.string().min(1).max(200).optional(),
      })
      .strict(),
    channel_types: ChannelTypes.openapi({ description: "Each needs a contact" }),
  })
  .strict()
  .openapi("CreateAgent");

export const CreateShiftSchema = z
  .object({
    rrule: z.string().min(1).max(2000).openapi({
      example: "DTSTART:20260302T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      description: "Recurrence with a floating local DTSTART (no Z, no TZID)",
    }),
    time_zone: z.string().max(64).openapi({ example: "America/New_York" }),
    duration_min: z.number().int(),
    channel_types: ChannelTypes.optional().openapi({
      description: "Defaults to the agent's channel types; must be among them",
    }),
  })
  .strict()
  .openapi("CreateShift");

export const ShiftSchema = z
  .object({
    id: z.string().openapi({ example: "shf_01jd8k2x4abcdefghjkm" }),
    agent_id: z.string(),
    rrule: z.string(),
    time_zone: z.string(),
    duration_min: z.number().int(),
    channel_types: z.array(z.enum(CHANNEL_TYPES)),
    created_at: z.string(),
  })
  .openapi("Shift");

export const AgentSchema = z
  .object({
    id: z.string().openapi({ example: "agt_01jd8k2x4abcdefghjkm" }),
    name: z.string(),
    contacts: z.object({
      voice: z.string().optional(),
      sms: z.string().optional(),
      email: z.string().optional(),
      chat: z.string().optional(),
    }),
    channel_types: z.array(z.enum(CHANNEL_TYPES)),
    shifts: z.array(ShiftSchema),
    created_at: z.string(),
  })
  .openapi("Agent");

export const AgentListSchema = z.object({ data: z.array(AgentSchema) }).openapi("AgentList");

export type AgentBody = z.infer<typeof AgentSchema>;
export type ShiftBody = z.infer<typeof ShiftSchema>;
