import { describe, expect, it } from "vitest";
import {
  generateReceiptCode,
  hashReceiptCode,
  normaliseReceiptCode,
  RECEIPT_ALPHABET,
  verifyReceiptCode,
} from "../../../../src/features/concerns/domain/receipt";

const pepper = "test-pepper-0123456789abcdef0123456789";

describe("generateReceiptCode", () => {
  it("gives three groups of four unambiguous symbols", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateReceiptCode();
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}(-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}){2}$/);
    }
    expect(RECEIPT_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it("does not repeat itself", () => {
    const codes = new Set(Array.from({ length: 1000 }, generateReceiptCode));
    expect(codes.size).toBe(1000);
  });
});

describe("hashing and verifying", () => {
  it("stores only a hash, which does not contain the code", () => {
    const code = generateReceiptCode();
    const stored = hashReceiptCode(code, pepper);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.toUpperCase()).not.toContain(code.replaceAll("-", ""));
  });

  it("accepts the code however the reporter types it", () => {
    const stored = hashReceiptCode("K7QH-3MZP-XW9D", pepper);
    for (const typed of ["K7QH-3MZP-XW9D", "k7qh 3mzp xw9d", "K7QH3MZPXW9D", " k7qh-3mzp-xw9d "]) {
      expect(verifyReceiptCode(typed, stored, pepper)).toBe(true);
    }
  });

  it("rejects a different code, a different pepper and malformed input", () => {
    const stored = hashReceiptCode("K7QH-3MZP-XW9D", pepper);
    expect(verifyReceiptCode("K7QH-3MZP-XW9E", stored, pepper)).toBe(false);
    expect(verifyReceiptCode("K7QH-3MZP-XW9D", stored, `${pepper}x`)).toBe(false);
    expect(verifyReceiptCode("K7QH-3MZP", stored, pepper)).toBe(false);
    expect(verifyReceiptCode("K7QH-3MZP-XW9D", "not-hex", pepper)).toBe(false);
  });

  it("refuses a short pepper", () => {
    expect(() => hashReceiptCode("K7QH-3MZP-XW9D", "short")).toThrow(/at least 32/);
  });

  it("normalises only plausible codes", () => {
    expect(normaliseReceiptCode("abcd-efgh-jkmn")).toBe("ABCDEFGHJKMN");
    expect(normaliseReceiptCode("ABCD-EFGH-JKM0")).toBeNull();
    expect(normaliseReceiptCode("ABCD-EFGH")).toBeNull();
  });
});
