import type { App } from "../../context";
import { docsPage } from "./page";

/** The OpenAPI document is generated from the same zod schemas that validate requests. */
export function registerDocs(app: App) {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An API key (rt_…) created with `pnpm ringtrail account create` or `key create`.",
  });
  app.doc31("/v1/openapi.json", (c) => ({
    openapi: "3.1.0",
    info: {
      title: "Ringtrail API",
      version: "0.1.0",
      description:
        "Call tracking: dynamic number insertion, carrier webhooks and call attribution.",
      license: { name: "Apache-2.0" },
    },
    servers: [{ url: c.get("services").publicBaseUrl ?? new URL(c.req.url).origin }],
  }));
  app.get("/docs", (c) => c.html(docsPage));
}
