/** The Monday of the week containing an ISO date (YYYY-MM-DD), by calendar arithmetic in UTC. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - weekday);
  return day.toISOString().slice(0, 10);
}

/** "2011-01-03" -> "3 Jan 2011". */
export function formatDate(date: string | null | undefined): string {
  if (!date) return "n/a";
  const day = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return day.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}
