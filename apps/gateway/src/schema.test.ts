import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType } from "graphql";
import { describe, expect, it } from "vitest";
import { printSchemaText } from "./print-schema.js";
import { schema } from "./schema/index.js";

describe("the published schema", () => {
  it("matches the committed schema.graphql (run `pnpm --filter @adviser-hub/gateway schema:print` after a deliberate change)", () => {
    const committed = readFileSync(fileURLToPath(new URL("../schema.graphql", import.meta.url)), "utf8");
    expect(printSchemaText()).toBe(committed);
  });

  it("describes every type, field, argument and enum value", () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          if ("args" in field) for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });

  it("keeps API.md's names", () => {
    const query = schema.getQueryType()!.getFields();
    for (const name of ["viewer", "region", "fundingReport", "quotaStatement", "capacityForecast", "benchmark", "node"]) expect(query[name], name).toBeDefined();
    const mutation = schema.getMutationType()!.getFields();
    for (const name of ["requestEngagement", "decideEngagement", "bookAdviser", "recordDelivery", "correctDelivery", "issueStatement", "recordOutcomeMeasurement"]) {
      expect(mutation[name], name).toBeDefined();
    }
    const money = schema.getType("Money");
    expect(isObjectType(money) && Object.keys(money.getFields())).toEqual(expect.arrayContaining(["pence", "formatted"]));
    for (const error of ["ValidationError", "NotFoundError", "ForbiddenError", "CapacityExceededError", "InvalidTransitionError"]) {
      const type = schema.getType(error);
      expect(isObjectType(type) && type.getFields().code, error).toBeTruthy();
    }
  });

  it("lists in each mutation's result union only the errors its use case can return", () => {
    const members = (union: string) => {
      const type = schema.getType(union);
      return isUnionType(type) ? type.getTypes().map((member) => member.name).sort() : [];
    };
    const base = ["ForbiddenError", "NotFoundError", "ValidationError"];
    expect(members("RecordDeliveryResult")).toEqual([...base, "RecordDeliveryPayload"].sort());
    expect(members("CorrectDeliveryResult")).toEqual([...base, "CorrectDeliveryPayload"].sort());
    expect(members("BookAdviserResult")).toEqual([...base, "BookAdviserPayload", "CapacityExceededError"].sort());
    expect(members("RequestEngagementResult")).toEqual([...base, "RequestEngagementPayload"].sort());
    expect(members("DecideEngagementResult")).toEqual([...base, "DecideEngagementPayload", "InvalidTransitionError"].sort());
    expect(members("IssueStatementResult")).toEqual([...base, "IssueStatementPayload"].sort());
    expect(members("RecordOutcomeMeasurementResult")).toEqual([...base, "RecordOutcomeMeasurementPayload"].sort());
    const validation = schema.getType("ValidationError");
    expect(isObjectType(validation) && Object.keys(validation.getFields()).sort()).toEqual(["code", "field", "issues", "message"]);
  });
});
