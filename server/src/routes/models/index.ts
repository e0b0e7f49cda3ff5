import type { App, Services } from "../../context";
import { registerModelEvaluation } from "./evaluation";
import { registerModelRegistry } from "./registry";
import { registerSpecialists } from "./specialists";
import { registerSubjectModel } from "./subject";

export function registerModels(app: App, services: Services) {
  registerModelRegistry(app, services);
  registerSubjectModel(app, services);
  registerSpecialists(app, services);
  registerModelEvaluation(app, services);
}
