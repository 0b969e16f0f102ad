// The public API, grouped as docs/DOMAIN.md numbers its rules (the README maps each rule to
// its files). Other packages import only from here.
export * from "./result.js";
export * from "./clock.js";
export * from "./entities/adviser.js";
export * from "./entities/delivery.js";
export * from "./entities/engagement.js";
export * from "./entities/organisation.js";
// Rule 1
export * from "./calendar/plain-date.js";
export * from "./calendar/financial-year.js";
export * from "./calendar/working-days.js";
export * from "./calendar/gov-uk-bank-holidays.js";
export * from "./calendar/england-and-wales-bank-holidays.js";
// Rule 2
export * from "./quantities/integer-arithmetic.js";
export * from "./quantities/days.js";
export * from "./quantities/exact-decimal.js";
export * from "./quantities/money.js";
// Rules 3-5
export * from "./quota/quota-holder.js";
export * from "./quota/day-rate.js";
export * from "./quota/allocate-quota.js";
// Rule 6
export * from "./statements/billing-period.js";
export * from "./statements/statement.js";
export * from "./statements/draft-statement.js";
// Rule 7
export * from "./hosting/host-arrangement.js";
export * from "./hosting/host-support.js";
export * from "./hosting/commitment-delivered.js";
// Rule 8
export * from "./capacity/booking.js";
export * from "./capacity/adviser-capacity.js";
// Rule 9
export * from "./lifecycle/engagement-lifecycle.js";
// Rule 10
export * from "./rapid-response/response-times.js";
// Rule 11
export * from "./outcomes/outcome-indicator.js";
export * from "./outcomes/assess-outcome.js";
export * from "./outcomes/outcome-indicator-input.js";
// Rule 12
export * from "./benchmarking/benchmark.js";
export * from "./benchmarking/build-benchmark.js";
export * from "./benchmarking/symbols.js";
export * from "./benchmarking/open-data.js";
export * from "./benchmarking/compare.js";
export * from "./benchmarking/common-themes.js";
// Rule 13
export * from "./value-for-money/funding.js";
export * from "./value-for-money/value-for-money.js";
// Rule 14
export * from "./demand/demand-and-capacity.js";
// Rule 15
export * from "./policy/strand.js";
export * from "./policy/region-policy.js";
export * from "./policy/policy-input.js";
export { regionPolicyJsonSchema } from "./policy/policy-json-schema.js";
export * from "./presets/west-of-scotland.js";
// Rule 16
export * from "./validation/field-reader.js";
export * from "./validation/input-validation.js";
export * from "./validation/employment.js";
// Administered entities: the region's places, staff and funding as entered (rules 3, 5, 7, 8, 12, 13, 16)
export * from "./administration/entity-input.js";
export * from "./administration/places.js";
export * from "./administration/staffing.js";
export * from "./administration/funding.js";
// Rules 18-21: the knowledge hub
export * from "./knowledge/themes.js";
export * from "./knowledge/learning-item.js";
export * from "./knowledge/case-review.js";
export * from "./knowledge/event.js";
// Who may perform which use case
export * from "./roles/index.js";
