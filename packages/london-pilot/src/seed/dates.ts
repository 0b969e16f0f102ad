// Plain-date arithmetic on ISO 'YYYY-MM-DD' strings, in UTC so no local time zone can shift a
// day. Used only to lay out the seed's synthetic calendar.

const DAY_MS = 86_400_000;

const toMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const fromMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => fromMs(toMs(date) + days * DAY_MS);

/** 1 = Monday ... 7 = Sunday. */
export const isoWeekday = (date: string): number => {
  const d = new Date(toMs(date)).getUTCDay();
  return d === 0 ? 7 : d;
};

export const mondayOf = (date: string): string => addDays(date, 1 - isoWeekday(date));

export const daysBetween = (from: string, to: string): number =>
  Math.round((toMs(to) - toMs(from)) / DAY_MS);

/** An instant on a date, as a JS Date, e.g. at('2010-06-01', 9, 30). */
export const at = (date: string, hour: number, minute = 0): Date =>
  new Date(toMs(date) + hour * 3_600_000 + minute * 60_000);
