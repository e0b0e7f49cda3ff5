import type { App, Services } from "../../context";
import { registerActivateFlow } from "./activate";
import { registerAssignFlow } from "./assign";
import { registerWriteFlows } from "./create";
import { registerReadFlows } from "./read";
import { registerSimulateFlow } from "./simulate";

export function registerCallFlows(app: App, services: Services) {
  registerWriteFlows(app, services);
  registerReadFlows(app, services);
  registerActivateFlow(app, services);
  registerSimulateFlow(app, services);
  registerAssignFlow(app, services);
}
