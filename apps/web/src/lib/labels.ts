/** Words for the gateway's enum values, as a funder or a borough would say them. */
export const strandLabels: Record<string, string> = {
  PROJECT_SUPPORT: "Project support",
  RAPID_RESPONSE: "Rapid response",
  HOST_SUPPORT: "Host support",
  KNOWLEDGE_HUB: "Knowledge hub",
  STRATEGIC: "Strategic",
};

export const roleLabels: Record<string, string> = {
  REGION_ADMIN: "Region admin",
  ADVISER: "Adviser",
  AUTHORITY: "Authority (borough)",
  FUNDER: "Funder",
  SERVICE_ADMIN: "Service admin (every region)",
};

export const measureLabels: Record<string, string> = {
  REFERRALS: "Referrals to children's social care",
  RE_REFERRALS: "Re-referrals within 12 months",
  ASSESSMENTS_WITHIN_TIMESCALE: "Assessments completed within timescale",
  CP_PLANS_STARTED: "Child protection plans started",
  CP_PLANS_AT_YEAR_END: "Child protection plans at year end",
  SECOND_OR_SUBSEQUENT_PLANS: "Second or subsequent child protection plans",
};

/** Financial years are named by the year they start in: 2010 -> "2010-11". */
export function financialYear(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, "0")}`;
}

export const label = (labels: Record<string, string>, value: string): string => labels[value] ?? value;
