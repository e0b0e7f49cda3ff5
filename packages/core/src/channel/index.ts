export { classifyVisit, type VisitInput } from "./classify";
export { referrerDomain } from "./referrer";
