export {
  type Agent,
  type OnDutyAgent,
  type OnDutyResult,
  onDuty,
  type Shift,
  shiftError,
} from "./on-duty";
export { defaultDial, MAX_STEPS, runFlow } from "./run";
export { type ClockData, clockData, type ScheduleData, scheduleData } from "./schedule-data";
export type * from "./types";
export { CHANNEL_TYPES, SOURCE_KEYS } from "./types";
export { neededSources, type ValidateFlowOptions, validateFlow } from "./validate";
