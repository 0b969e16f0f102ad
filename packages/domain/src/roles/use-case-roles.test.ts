import { describe, expect, it } from "vitest";
import { ROLES } from "./roles.js";
import { mayPerform, refusalOf, USE_CASE_ROLES } from "./use-case-roles.js";

describe("use case roles", () => {
  it("lets a funder perform no write and a region admin every use case but opening a region", () => {
    const writes = ["requestEngagement", "decideEngagement", "bookAdviser", "recordDelivery", "correctDelivery", "issueStatement", "recordOutcomeMeasurement", "createRegion", "setRegionPolicy", "importBankHolidays", "importBenchmarks"] as const;
    for (const useCase of writes) expect(mayPerform("FUNDER", useCase)).toBe(false);
    for (const useCase of Object.keys(USE_CASE_ROLES) as (keyof typeof USE_CASE_ROLES)[])
      expect(mayPerform("REGION_ADMIN", useCase)).toBe(useCase !== "createRegion");
  });

  it("keeps the matrix of docs/API.md", () => {
    const matrix = Object.fromEntries(
      ROLES.map((role) => [role, Object.keys(USE_CASE_ROLES).filter((u) => mayPerform(role, u as keyof typeof USE_CASE_ROLES))]),
    );
    expect(matrix).toEqual({
      REGION_ADMIN: [
        "requestEngagement",
        "decideEngagement",
        "bookAdviser",
        "recordDelivery",
        "correctDelivery",
        "issueStatement",
        "recordOutcomeMeasurement",
        "fundingReport",
        "quotaStatement",
        "capacityForecast",
        "benchmark",
        "demandAndCapacity",
        "setRegionPolicy",
        "importBankHolidays",
        "auditLog",
        "saveAuthority",
        "saveOrganisation",
        "saveOrganisationRate",
        "saveStatisticalNeighbours",
        "saveAdviser",
        "saveAdviserLeave",
        "saveHostArrangement",
        "saveFunder",
        "saveFunderContribution",
        "createOutcomeIndicator",
        "importRegion",
        "importBenchmarks",
        "benchmarkComparison",
        "commonThemes",
        "addTheme",
        "renameTheme",
        "retireTheme",
        "createLearningItem",
        "updateLearningItem",
        "publishLearningItem",
        "withdrawLearningItem",
        "searchLearningItems",
        "recordCaseReview",
        "progressRecommendation",
        "overdueRecommendations",
        "caseReviewReport",
        "recordKnowledgeEvent",
        "recordEventAttendance",
        "disseminationReport",
      ],
      ADVISER: [
        "requestEngagement",
        "bookAdviser",
        "recordDelivery",
        "correctDelivery",
        "recordOutcomeMeasurement",
        "fundingReport",
        "quotaStatement",
        "capacityForecast",
        "benchmark",
        "demandAndCapacity",
        "createOutcomeIndicator",
        "benchmarkComparison",
        "commonThemes",
        "createLearningItem",
        "updateLearningItem",
        "publishLearningItem",
        "withdrawLearningItem",
        "searchLearningItems",
        "recordCaseReview",
        "progressRecommendation",
        "overdueRecommendations",
        "caseReviewReport",
        "recordKnowledgeEvent",
        "recordEventAttendance",
        "disseminationReport",
      ],
      AUTHORITY: [
        "requestEngagement",
        "decideEngagement",
        "fundingReport",
        "quotaStatement",
        "capacityForecast",
        "benchmark",
        "demandAndCapacity",
        "benchmarkComparison",
        "commonThemes",
        "searchLearningItems",
        "overdueRecommendations",
        "caseReviewReport",
        "disseminationReport",
      ],
      FUNDER: [
        "fundingReport",
        "capacityForecast",
        "benchmark",
        "demandAndCapacity",
        "benchmarkComparison",
        "commonThemes",
        "searchLearningItems",
        "caseReviewReport",
        "disseminationReport",
      ],
      SERVICE_ADMIN: ["createRegion", "setRegionPolicy", "importBankHolidays", "auditLog", "importRegion"],
    });
  });

  it("words a refusal with the role and what it may not do", () => {
    expect(refusalOf("FUNDER", "recordDelivery")).toBe("a FUNDER may not record deliveries");
  });
});
