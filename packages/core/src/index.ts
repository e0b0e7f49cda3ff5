export { seededRandom } from "./seeded";
export * from "./visit";
