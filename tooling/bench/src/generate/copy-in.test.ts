import { describe, expect, it } from "vitest";
import { copyPayload } from "./batch-loader.js";
import { copyText } from "./copy-in.js";

describe("COPY text format", () => {
  it("writes null as \\N and escapes what would end a value or a row", () => {
    expect(copyText(null)).toBe("\\N");
    expect(copyText(true)).toBe("t");
    expect(copyText(12)).toBe("12");
    expect(copyText("a\tb\nc\\d\re")).toBe("a\\tb\\nc\\\\d\\re");
  });

  it("writes arrays as literals and json as text, one line per row", () => {
    const table = { name: "t", columns: [["a", "text[]"], ["b", "jsonb"], ["c", "text"]] as const };
    const payload = copyPayload(table, [
      [["x", 'say "hi"'], { k: 1 }, null],
      [[], null, "plain"],
    ]).toString();
    expect(payload).toBe('{"x","say \\\\"hi\\\\""}\t{"k":1}\t\\N\n{}\t\\N\tplain\n');
  });
});
