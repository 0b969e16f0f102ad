export { analyzeTables } from "./analyze-tables.js";
export { type AnalyzableSession, type AutoAnalyzeOptions, AutoAnalyzer } from "./auto-analyze.js";
