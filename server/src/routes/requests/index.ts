import type { App, Services } from "../../context";
import { registerCreateRequest } from "./create";
import { registerReadRequests } from "./read";

export function registerRequests(app: App, services: Services) {
  registerCreateRequest(app, services);
  registerReadRequests(app, services);
}
