import { parseScaled } from "./decimal.js";

/** How one adviser-week reads on the heatmap, most urgent first. */
export type WeekState = "overbooked" | "displaced" | "full" | "tentative" | "confirmed" | "bookable" | "unavailable";

export interface WeekFigures {
  readonly bookableDays: string;
  readonly confirmedDays: string;
  readonly tentativeDays: string;
  readonly overbookedDays: string;
  readonly displacedDays: string;
}

export const weekStateText: Record<WeekState, string> = {
  overbooked: "overbooked",
  displaced: "project days displaced by rapid response",
  full: "fully booked",
  tentative: "part booked, some tentative",
  confirmed: "part booked, confirmed",
  bookable: "free to book",
  unavailable: "no bookable days",
};

/** Compares the gateway's exact day figures (no floats); the figures themselves are the gateway's. */
export function weekState(week: WeekFigures): WeekState {
  const days = (text: string) => parseScaled(text, 4);
  if (days(week.overbookedDays) > 0n) return "overbooked";
  if (days(week.displacedDays) > 0n) return "displaced";
  const bookable = days(week.bookableDays);
  const booked = days(week.confirmedDays) + days(week.tentativeDays);
  if (bookable === 0n && booked === 0n) return "unavailable";
  if (booked >= bookable) return "full";
  if (days(week.tentativeDays) > 0n) return "tentative";
  if (booked > 0n) return "confirmed";
  return "bookable";
}
