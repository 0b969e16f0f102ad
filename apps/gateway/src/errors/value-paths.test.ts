import { backends, createTestDatabase, insertMinimalRegion, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, StatementCounter, tokenFor } from "../testing/harness.js";
import { createGateway, type Gateway } from "../yoga.js";

const record = (fields: string) =>
  `mutation { recordDelivery(input: { engagementId: "eng-1", adviserId: "adv-1", date: "2011-05-23", ${fields} }) { __typename } }`;
const recordWith = `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { __typename } }`;
const valid = { engagementId: "eng-1", adviserId: "adv-1", date: "2011-05-23", days: "1" };

describe.each(backends())("refused values name their field, on %s", (backend) => {
  let database: TestDatabase;
  let gateway: Gateway;
  let token: string;
  const counter = new StatementCounter();

  beforeAll(async () => {
    database = await createTestDatabase(backend, { log: counter.log });
    await insertMinimalRegion(database.db);
    gateway = createGateway({ db: database.db, env: { NODE_ENV: "test" } });
    token = await tokenFor({ role: "REGION_ADMIN", region: "test" });
  });
  afterAll(() => database?.close());

  const refusal = async (query: string, variables?: Record<string, unknown>) => {
    counter.reset();
    const response = await execute(gateway, query, { token, ...(variables ? { variables } : {}) });
    expect(response.data ?? null, JSON.stringify(response)).toBeNull();
    expect(counter.count).toBe(0);
    return response.errors?.map((error) => ({ code: error.extensions?.code, field: error.extensions?.field }));
  };

  it("a negative Days names input.days, as a literal and as a variable, nested or whole", async () => {
    const expected = [{ code: "VALIDATION", field: "input.days" }];
    expect(await refusal(record('days: "-1"'))).toEqual(expected);
    expect(await refusal(recordWith, { input: { ...valid, days: "-1" } })).toEqual(expected);
    expect(await refusal(`mutation($d: Days!) { recordDelivery(input: { engagementId: "e", adviserId: "a", date: "2011-05-23", days: $d }) { __typename } }`, { d: -1 })).toEqual(expected);
    expect(await refusal(record('days: "1", onSiteAt: "2011-02-30T09:00:00Z"'))).toEqual([{ code: "VALIDATION", field: "input.onSiteAt" }]);
    expect(await refusal(recordWith, { input: { ...valid, onSiteAt: "2011-05-23T09:00:00" } })).toEqual([{ code: "VALIDATION", field: "input.onSiteAt" }]);
    expect(await refusal(recordWith, { input: { ...valid, date: "2011-02-30" } })).toEqual([{ code: "VALIDATION", field: "input.date" }]);
  });

  it("refuses a NUL character in any text, literal or variable, naming the field", async () => {
    expect(await refusal(record('days: "1", notes: "a\\u0000b"'))).toEqual([{ code: "VALIDATION", field: "input.notes" }]);
    expect(await refusal(recordWith, { input: { ...valid, notes: "a\u0000b" } })).toEqual([{ code: "VALIDATION", field: "input.notes" }]);
    expect(await refusal(`query($t: String) { region(code: "test") { engagements(theme: $t) { totalCount } } }`, { t: "\u0000" })).toEqual([
      { code: "VALIDATION", field: "theme" },
    ]);
    expect(await refusal('{ region(code: "te\\u0000st") { code } }')).toEqual([{ code: "VALIDATION", field: "code" }]);
  });
});
