import { beforeAll, describe, expect, it } from "vitest";
import { call, createTenant, type Tenant, type TestEnv } from "./app";

export interface SecuredRequest {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  body?: Record<string, unknown> | string;
  headers?: Record<string, string>;
}

export interface SecuredRoute {
  /** The least scope that may call the route: read routes also take admin keys. */
  scope: "admin" | "read";
  /** Builds a request the owner may make, over resources it creates for the owner. */
  setup(env: TestEnv, owner: Tenant): Promise<SecuredRequest>;
  /**
   * The path or body names one of the owner's resources: another account's admin key must get
   * 404, exactly as for an id that does not exist, so ids cannot be probed across tenants.
   */
  owned?: boolean;
  /** The owner's status; defaults to 200. */
  ok?: number;
}

/** Every table an admin route can write: a refused call must leave all of them as they were. */
const TABLES = [
  "sites",
  "pools",
  "numbers",
  "test_numbers",
  "match_params",
  "webhook_endpoints",
  "agents",
  "shifts",
  "agent_groups",
  "call_flows",
  "call_flow_versions",
  "lookup_rows",
  "http_allow_list",
  "routed_requests",
  "interactions",
  "customers",
  "intel_models",
  "subject_examples",
  "response_templates",
  "subject_specialists",
  "campaign_events",
  "pool_audit",
  "jobs",
] as const;

export async function snapshotTables(env: TestEnv): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const res = await env.database.client.execute(`SELECT * FROM ${table} ORDER BY 1, 2`);
    out[table] = res.rows.map((r) => Object.fromEntries(res.columns.map((c, i) => [c, r[i]])));
  }
  return out;
}

/**
 * The security checks every admin route gets: no key and a bad key are 401, a read-only key
 * on a write is 403, another account's key on the owner's resource is 404, and none of these
 * change the database. Last, the owner's own key is accepted, which proves the refusals came
 * from the checks and not from a wrong path or body.
 *
 * @example
 * describeSecurity("PATCH /v1/sites/{id}", () => env, {
 *   scope: "admin",
 *   owned: true,
 *   setup: async (env, owner) => ({
 *     method: "PATCH",
 *     path: `/v1/sites/${(await createSite(env, owner)).id}`,
 *     body: { name: "Renamed" },
 *   }),
 * });
 */
export function describeSecurity(name: string, getEnv: () => TestEnv, route: SecuredRoute) {
  describe(`${name} security`, () => {
    let env: TestEnv;
    let owner: Tenant;
    let other: Tenant;
    let request: SecuredRequest;

    beforeAll(async () => {
      env = getEnv();
      owner = await createTenant(env, "Owner");
      other = await createTenant(env, "Other");
      request = await route.setup(env, owner);
    });

    const send = (key: string | undefined, headers: Record<string, string> = {}) =>
      call(env, request.method, request.path, {
        key,
        body: request.body,
        headers: { ...request.headers, ...headers },
      });

    /** Sends the request and checks the refusal and that nothing was written. */
    async function refused(
      status: number,
      code: string,
      key: string | undefined,
      headers?: Record<string, string>,
    ) {
      const before = await snapshotTables(env);
      const res = await send(key, headers);
      expect(res.status).toBe(status);
      expect(res.body).toEqual({
        error: { code, message: expect.any(String), request_id: expect.stringMatching(/^req_/) },
      });
      expect(await snapshotTables(env)).toEqual(before);
      return res;
    }

    it("refuses a request without a key: 401 unauthorized", async () => {
      await refused(401, "unauthorized", undefined);
    });

    it("refuses an unknown key, a malformed key and a non-Bearer scheme: 401", async () => {
      await refused(401, "unauthorized", `rt_${"0".repeat(32)}`);
      await refused(401, "unauthorized", "garbage");
      await refused(401, "unauthorized", undefined, { authorization: `Basic ${owner.admin}` });
    });

    if (route.scope === "admin") {
      it("refuses the owner's read-only key: 403 forbidden", async () => {
        await refused(403, "forbidden", owner.read);
      });
    } else {
      it("accepts the owner's read-only key", async () => {
        expect((await send(owner.read)).status).toBe(route.ok ?? 200);
      });
    }

    if (route.owned) {
      it("answers another account's admin key with 404 not_found, as if it did not exist", async () => {
        const res = await refused(404, "not_found", other.admin);
        expect(res.body.error.message).not.toBe("No such route");
      });
    }

    it("accepts the owner's admin key", async () => {
      const res = await send(owner.admin);
      expect(res.status, JSON.stringify(res.body)).toBe(route.ok ?? 200);
    });
  });
}
