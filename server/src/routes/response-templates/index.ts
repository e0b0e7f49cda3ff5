import { createRoute, z } from "@hono/zod-openapi";
import { newId, type ResponseTemplateRow, responseTemplates } from "@ringtrail/db";
import { and, asc, eq } from "drizzle-orm";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { iso } from "../iso";
import { errorResponses } from "../openapi-errors";
import {
  CreateTemplateSchema,
  TemplateListSchema,
  TemplateSchema,
  UpdateTemplateSchema,
} from "./schemas";

const base = { tags: ["Response templates"], security: [{ bearer: [] }] };
const IdParam = z.object({ id: z.string().max(64) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const create = createRoute({
  ...base,
  method: "post",
  path: "/v1/response-templates",
  summary: "Create the response template for a subject and medium",
  middleware: [requireKey("admin")] as const,
  request: {
    body: { content: { "application/json": { schema: CreateTemplateSchema } }, required: true },
  },
  responses: { 201: json(TemplateSchema, "Created"), ...errorResponses(400, 401, 403, 409) },
});
const list = createRoute({
  ...base,
  method: "get",
  path: "/v1/response-templates",
  summary: "List response templates",
  middleware: [requireKey("read")] as const,
  responses: { 200: json(TemplateListSchema, "Templates"), ...errorResponses(401) },
});
const update = createRoute({
  ...base,
  method: "patch",
  path: "/v1/response-templates/{id}",
  summary: "Change a template's body",
  middleware: [requireKey("admin")] as const,
  request: {
    params: IdParam,
    body: { content: { "application/json": { schema: UpdateTemplateSchema } }, required: true },
  },
  responses: { 200: json(TemplateSchema, "Updated"), ...errorResponses(400, 401, 403, 404) },
});
const remove = createRoute({
  ...base,
  method: "delete",
  path: "/v1/response-templates/{id}",
  summary: "Delete a template",
  middleware: [requireKey("admin")] as const,
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404) },
});

const render = (t: ResponseTemplateRow) => ({
  id: t.id,
  subject: t.subject,
  medium: t.medium as z.infer<typeof TemplateSchema>["medium"],
  body: t.body,
  created_at: iso(t.createdAt)!,
});

export function registerResponseTemplates(app: App, services: Services) {
  const { db } = services.database;
  const owned = (accountId: string, id: string) =>
    and(eq(responseTemplates.id, id), eq(responseTemplates.accountId, accountId));

  app.openapi(create, async (c) => {
    const accountId = c.get("auth").accountId;
    const body = c.req.valid("json");
    const now = services.now();
    const row = { id: newId("tpl", now), accountId, ...body, createdAt: now };
    const inserted = await db
      .insert(responseTemplates)
      .values(row)
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) {
      throw new ApiError(
        "conflict",
        `A template for ${body.subject} by ${body.medium} exists: PATCH it`,
      );
    }
    return c.json(render(row), 201);
  });

  app.openapi(list, async (c) => {
    const rows = await db
      .select()
      .from(responseTemplates)
      .where(eq(responseTemplates.accountId, c.get("auth").accountId))
      .orderBy(asc(responseTemplates.subject), asc(responseTemplates.medium));
    return c.json({ data: rows.map(render) }, 200);
  });

  app.openapi(update, async (c) => {
    const [row] = await db
      .update(responseTemplates)
      .set({ body: c.req.valid("json").body })
      .where(owned(c.get("auth").accountId, c.req.valid("param").id))
      .returning();
    if (!row) throw new ApiError("not_found", "No such template");
    return c.json(render(row), 200);
  });

  app.openapi(remove, async (c) => {
    const deleted = await db
      .delete(responseTemplates)
      .where(owned(c.get("auth").accountId, c.req.valid("param").id))
      .returning();
    if (deleted.length === 0) throw new ApiError("not_found", "No such template");
    return c.body(null, 204);
  });
}
