import {
  type ValidateFlowOptions,
  type ValidateFlowResult,
  validateFlow,
} from "@ringtrail/core/flow";
import { type CallFlow, type CallFlowVersion, callFlows, callFlowVersions } from "@ringtrail/db";
import { and, desc, eq } from "drizzle-orm";
import type { Services } from "../../context";
import { ApiError } from "../../errors";
import { accountAllowList } from "../../sources/allow-list";
import { iso } from "../iso";
import type { FlowBody } from "./schemas";

/** Validation options for an account: its `http` allow-list as it is now. */
export async function flowOptions(
  services: Pick<Services, "database" | "loopbackHttp">,
  accountId: string,
): Promise<ValidateFlowOptions> {
  return {
    httpAllowList: await accountAllowList(services, accountId),
    loopbackHttp: services.loopbackHttp,
  };
}

export function validate(document: unknown, options: ValidateFlowOptions): ValidateFlowResult {
  return validateFlow(document, options);
}

export function versionRow(
  flowId: string,
  version: number,
  document: unknown,
  now: number,
  options: ValidateFlowOptions,
) {
  const result = validate(document, options);
  return {
    flowId,
    version,
    document,
    valid: result.ok,
    errors: result.ok ? [] : result.errors,
    createdAt: now,
  } satisfies CallFlowVersion;
}

/** The account's flow, or 404 as if another tenant's did not exist. */
export async function findFlow(services: Services, accountId: string, id: string) {
  const [row] = await services.database.db
    .select()
    .from(callFlows)
    .where(and(eq(callFlows.id, id), eq(callFlows.accountId, accountId)));
  if (!row) throw new ApiError("not_found", "No such call flow");
  return row;
}

export async function findVersion(services: Services, flowId: string, version?: number) {
  const [row] = await services.database.db
    .select()
    .from(callFlowVersions)
    .where(
      version === undefined
        ? eq(callFlowVersions.flowId, flowId)
        : and(eq(callFlowVersions.flowId, flowId), eq(callFlowVersions.version, version)),
    )
    .orderBy(desc(callFlowVersions.version))
    .limit(1);
  if (!row) throw new ApiError("not_found", `No version ${version ?? ""} of this call flow`);
  return row;
}

export async function loadFlow(services: Services, accountId: string, id: string) {
  const flow = await findFlow(services, accountId, id);
  return renderFlow(flow, await findVersion(services, flow.id));
}

export function renderFlow(flow: CallFlow, latest: CallFlowVersion): FlowBody {
  return {
    id: flow.id,
    name: flow.name,
    active_version: flow.activeVersion,
    latest: {
      version: latest.version,
      valid: latest.valid,
      errors: latest.errors,
      document: latest.document as Record<string, unknown>,
      created_at: iso(latest.createdAt)!,
    },
    created_at: iso(flow.createdAt)!,
    updated_at: iso(flow.updatedAt)!,
  };
}

/** The error for a version that does not validate: 409 `flow_invalid` with its errors. */
export function flowInvalid(version: CallFlowVersion): ApiError {
  const n = version.errors.length;
  return new ApiError(
    "flow_invalid",
    `Version ${version.version} does not validate (${n} error${n === 1 ? "" : "s"})`,
    version.errors,
  );
}
