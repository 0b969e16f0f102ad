// Plain-date arithmetic on ISO 'YYYY-MM-DD' strings in UTC, and England's bank holidays, to lay
// out the synthetic calendar. Days are counted as integers from the epoch to stay exact.

const DAY_MS = 86_400_000;

export const toDayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
export const fromDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const addDays = (date: string, days: number): string => fromDayNumber(toDayNumber(date) + days);

/** 1 = Monday ... 7 = Sunday. */
export const isoWeekday = (date: string): number => {
  const d = new Date(toDayNumber(date) * DAY_MS).getUTCDay();
  return d === 0 ? 7 : d;
};

export const mondayOf = (date: string): string => addDays(date, 1 - isoWeekday(date));

/** The financial year (named by the calendar year it starts in) of a date, with a 1 April start. */
export const financialYearOf = (date: string): number => {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= "04-01" ? year : year - 1;
};

export const financialYearStart = (year: number): string => `${year}-04-01`;
export const financialYearEnd = (year: number): string => `${year + 1}-03-31`;

/** The quarter of the financial year holding a date: [first day, last day]. */
export function financialQuarterOf(date: string): [string, string] {
  const year = financialYearOf(date);
  const month = Number(date.slice(5, 7));
  const index = Math.floor(((month + 8) % 12) / 3);
  const startMonth = 4 + index * 3;
  const startYear = startMonth > 12 ? year + 1 : year;
  const start = `${startYear}-${String(((startMonth - 1) % 12) + 1).padStart(2, "0")}-01`;
  const nextStartMonth = startMonth + 3;
  const nextYear = nextStartMonth > 12 ? year + 1 : year;
  const nextStart = `${nextYear}-${String(((nextStartMonth - 1) % 12) + 1).padStart(2, "0")}-01`;
  return [start, addDays(nextStart, -1)];
}

function easterSunday(year: number): string {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const firstMonday = (year: number, month: number): string => {
  const first = `${year}-${String(month).padStart(2, "0")}-01`;
  return addDays(first, (8 - isoWeekday(first)) % 7);
};
const lastMonday = (year: number, month: number): string => {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  const last = addDays(next, -1);
  return addDays(last, -((isoWeekday(last) + 6) % 7));
};
const substitute = (date: string): string => {
  const weekday = isoWeekday(date);
  return weekday === 6 ? addDays(date, 2) : weekday === 7 ? addDays(date, 1) : date;
};

/** England and Wales bank holidays of a calendar year, by the usual rules (no one-off days). */
export function englandBankHolidays(year: number): { date: string; name: string }[] {
  const easter = easterSunday(year);
  const christmas = `${year}-12-25`;
  const christmasWeekday = isoWeekday(christmas);
  // Christmas on a Saturday moves to Monday and Boxing Day to Tuesday; on a Sunday, Christmas
  // moves to Tuesday because Boxing Day (Monday) keeps its day.
  const christmasDay =
    christmasWeekday === 6 ? addDays(christmas, 2) : christmasWeekday === 7 ? addDays(christmas, 2) : christmas;
  const boxing = `${year}-12-26`;
  const boxingWeekday = isoWeekday(boxing);
  const boxingDay = boxingWeekday === 6 || boxingWeekday === 7 ? addDays(boxing, 2) : boxing;
  return [
    { date: substitute(`${year}-01-01`), name: "New Year's Day" },
    { date: addDays(easter, -2), name: "Good Friday" },
    { date: addDays(easter, 1), name: "Easter Monday" },
    { date: firstMonday(year, 5), name: "Early May bank holiday" },
    { date: lastMonday(year, 5), name: "Spring bank holiday" },
    { date: lastMonday(year, 8), name: "Summer bank holiday" },
    { date: christmasDay, name: "Christmas Day" },
    { date: boxingDay, name: "Boxing Day" },
  ];
}
