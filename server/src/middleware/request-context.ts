import { newId } from "@ringtrail/db";
import type { MiddlewareHandler } from "hono";
import type { AppEnv, Services } from "../context";

/** Gives each request an id (echoed as X-Request-Id), a logger that carries it, and the services. */
export function requestContext(services: Services): MiddlewareHandler<AppEnv> {
  return async function requestContextMiddleware(c, next) {
    const requestId = newId("req");
    c.set("requestId", requestId);
    c.set("services", services);
    c.set("log", (level, msg, fields) =>
      services.log.log(level, msg, { request_id: requestId, ...fields }),
    );
    c.header("X-Request-Id", requestId);
    const started = performance.now();
    await next();
    // Failures are worth a line at info; a busy SDK endpoint's successes only at debug.
    services.log.log(c.res.status >= 400 ? "info" : "debug", "request", {
      request_id: requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 100) / 100,
    });
  };
}
