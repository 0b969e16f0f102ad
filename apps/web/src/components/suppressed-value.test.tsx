import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SuppressedValue } from "./suppressed-value.js";

describe("SuppressedValue", () => {
  it("renders a suppressed count as the word suppressed with its explanation", () => {
    const html = renderToStaticMarkup(<SuppressedValue row={{ suppressed: true, value: null, rate: null }} kind="count" />);
    expect(html).toContain(">suppressed<");
    expect(html).toContain('title="Suppressed at source: a count of 1 to 5, never zero"');
    expect(html).not.toMatch(/>0</);
  });

  it("renders a published rate as the gateway's exact string", () => {
    const html = renderToStaticMarkup(<SuppressedValue row={{ suppressed: false, value: 6, rate: "59.88" }} kind="rate" />);
    expect(html).toBe("59.88");
  });
});
