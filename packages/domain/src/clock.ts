import type { EpochMs } from "./calendar/plain-date.js";

/**
 * The time, passed in: no rule reads a clock itself. The one clock type of the workspace; the
 * applications construct the real one at their edge.
 */
export interface Clock {
  now(): EpochMs;
}
