import { z } from "@hono/zod-openapi";

export const CreateAgentGroupSchema = z
  .object({
    name: z.string().min(1).max(200),
    agents: z
      .array(z.string().max(64))
      .min(1)
      .max(50)
      .openapi({ description: "Agent ids in ringing order; each needs a voice contact" }),
  })
  .strict()
  .openapi("CreateAgentGroup");

export const AgentGroupSchema = z
  .object({
    id: z.string().openapi({ example: "grp_01jd8k2x4abcdefghjkm" }),
    name: z.string(),
    agents: z.array(z.string()),
    created_at: z.string(),
  })
  .openapi("AgentGroup");

export const AgentGroupListSchema = z
  .object({ data: z.array(AgentGroupSchema) })
  .openapi("AgentGroupList");

export const GroupIdParams = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
});
