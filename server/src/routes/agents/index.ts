import type { App, Services } from "../../context";
import { registerCreateAgents } from "./create";
import { registerReadAgents } from "./read";

export function registerAgents(app: App, services: Services) {
  registerCreateAgents(app, services);
  registerReadAgents(app, services);
}
