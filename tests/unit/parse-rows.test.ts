/** The CSV reader: quoting, line breaks in quotes, BOM, CRLF, empty lines, wrong column counts. */
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { importLimits } from "@/lib/import/limits";
import { parseRows, type RawRow } from "@/lib/import/parse-rows";

async function read(text: string | string[], format: "csv" | "ndjson" = "csv"): Promise<RawRow[]> {
  const out: RawRow[] = [];
  const chunks = (Array.isArray(text) ? text : [text]).map((t) => Buffer.from(t));
  for await (const r of parseRows(Readable.from(chunks), format)) out.push(r);
  return out;
}

describe("parseRows (csv)", () => {
  it("flags only the rows with a wrong number of fields", async () => {
    const out = await read("a,b,c\n1,2,3\n4,5\n6,7,8\n9,10,11,12\n13,14,15\n");
    expect(out.map((r) => [r.line, r.error ?? null])).toEqual([
      [2, null],
      [3, "wrong number of columns"],
      [4, null],
      [5, "wrong number of columns"],
      [6, null],
    ]);
    expect(out[2].record).toEqual({ a: "6", b: "7", c: "8" });
  });

  it("reads quoted fields, escaped quotes, commas and line breaks inside quotes, CRLF, BOM, empty lines", async () => {
    const text = '\uFEFF a , b ,c\r\n"x, y",  "say ""hi""" , 3\r\n\r\n"multi\nline", ,"z"\n last,,  \n';
    const out = await read(text);
    expect(out).toEqual([
      { line: 2, record: { a: "x, y", b: 'say "hi"', c: "3" } },
      { line: 4, record: { a: "multi\nline", b: undefined, c: "z" } },
      { line: 6, record: { a: "last", b: undefined, c: undefined } },
    ]);
  });

  it("gives the same rows whatever the chunking, multi-byte characters split across chunks included", async () => {
    const text = 'plate,type\n贵H12345,illegal_parking\n"贵H,1",other\n';
    const bytes = Buffer.from(text);
    const whole = await read(text);
    const pieces: string[] = [];
    const split: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 3) split.push(bytes.subarray(i, i + 3));
    const out: RawRow[] = [];
    for await (const r of parseRows(Readable.from(split), "csv")) out.push(r);
    expect(out).toEqual(whole);
    expect(whole.map((r) => r.record?.plate)).toEqual(["贵H12345", "贵H,1"]);
    void pieces;
  });

  it("reports an unterminated quote instead of swallowing the rest", async () => {
    const out = await read('a,b\n"open,1\n2,3\n');
    expect(out).toEqual([{ line: 2, record: null, error: "unterminated quoted field" }]);
  });
});

describe("parseRows (ndjson)", () => {
  it("reads objects and flags the lines that are not", async () => {
    const out = await read('{"a":1}\n\n[1]\nnot json\n{"b":"x"}', "ndjson");
    expect(out.map((r) => [r.line, r.error ?? r.record])).toEqual([
      [1, { a: 1 }],
      [3, "not a JSON object"],
      [4, "invalid JSON"],
      [5, { b: "x" }],
    ]);
  });
});

describe("parseRows field checks (NUL, length)", () => {
  const limits = { ...importLimits(), maxFieldChars: 5 };
  const read1 = async (text: string, format: "csv" | "ndjson") => {
    const out: RawRow[] = [];
    for await (const r of parseRows(Readable.from([Buffer.from(text)]), format, limits)) out.push(r);
    return out.map((r) => (r.record ? "ok" : `${r.field}:${r.error}`));
  };

  it("reports the first NUL in field order over any long field, then the first long field", async () => {
    expect(await read1("a,b,c\n123456,x\u0000,1\n1234567,12345678,1\nok,ok,ok\n", "csv")).toEqual([
      "b:validation.nul",
      "a:validation.tooLong",
      "ok",
    ]);
  });

  it("checks NDJSON rows the same way, nested values and keys included", async () => {
    const rows = [
      { a: "123456", b: { c: "x\u0000" } },
      { a: 1, b: [] },
      { a: 1, b: { c: "1234567" } },
      { "k\u0000": "1" },
      { a: 1, b: true, c: null },
    ];
    expect(await read1(rows.map((r) => JSON.stringify(r)).join("\n"), "ndjson")).toEqual([
      "b.c:validation.nul",
      "ok",
      "b:validation.tooLong",
      "key:validation.nul",
      "ok",
    ]);
  });
});
