import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";

describe("parseCsv", () => {
  it("splits rows and cells and numbers the lines", () => {
    expect(parseCsv("number,carrier\n+14155550100,twilio\n")).toEqual([
      { line: 1, cells: ["number", "carrier"] },
      { line: 2, cells: ["+14155550100", "twilio"] },
    ]);
  });

  it("keeps commas inside quoted fields", () => {
    expect(parseCsv('a,"b, c",d')).toEqual([{ line: 1, cells: ["a", "b, c", "d"] }]);
  });

  it("reads a doubled quote inside a quoted field as one quote", () => {
    expect(parseCsv('"say ""hi""",x,""""')).toEqual([{ line: 1, cells: ['say "hi"', "x", '"'] }]);
  });

  it("keeps newlines inside quoted fields and counts them in later line numbers", () => {
    expect(parseCsv('a,"one\ntwo\nthree"\nb,c\n')).toEqual([
      { line: 1, cells: ["a", "one\ntwo\nthree"] },
      { line: 4, cells: ["b", "c"] },
    ]);
  });

  it("treats CRLF as one line ending, outside and inside quotes", () => {
    expect(parseCsv('a,b\r\n"x\r\ny",z\r\nq\r\n')).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x\r\ny", "z"] },
      { line: 4, cells: ["q"] },
    ]);
  });

  it("treats a lone CR as a line ending", () => {
    expect(parseCsv("a\rb")).toEqual([
      { line: 1, cells: ["a"] },
      { line: 2, cells: ["b"] },
    ]);
  });

  it("gives no empty row for a trailing newline, and reads a last line without one", () => {
    expect(parseCsv("a\n")).toEqual([{ line: 1, cells: ["a"] }]);
    expect(parseCsv("a\nb")).toEqual([
      { line: 1, cells: ["a"] },
      { line: 2, cells: ["b"] },
    ]);
  });

  it("skips empty lines but still counts them", () => {
    expect(parseCsv("a\n\n\r\n\nb\n\n")).toEqual([
      { line: 1, cells: ["a"] },
      { line: 5, cells: ["b"] },
    ]);
  });

  it("keeps rows of empty cells: a lone comma or a quoted empty string is not an empty line", () => {
    expect(parseCsv(',\n""\na,,c,\n')).toEqual([
      { line: 1, cells: ["", ""] },
      { line: 2, cells: [""] },
      { line: 3, cells: ["a", "", "c", ""] },
    ]);
  });

  it("returns no rows for empty input", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\n\r\n")).toEqual([]);
  });
});
