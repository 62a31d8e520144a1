/**
 * parseFiles hands the parser batches of files: a file that cannot be read, or whose parse
 * throws, becomes an unparsed entry with the reason, in its place; the other files of its batch
 * are parsed as usual. No file vanishes.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFiles } from "../../scripts/corpus/parse-files.ts";
import { BATCH_SIZE } from "../../scripts/parse/index.ts";
import { SHARED } from "../../scripts/bench/corpus.ts";

const seeds = readdirSync(join(SHARED, "seeds")).sort().map((f) => join(SHARED, "seeds", f));

describe("parseFiles", () => {
  it("lists an unreadable file and a failing parse in their places, across batches", async () => {
    // more files than one batch holds, with the trouble in the middle of the first and in the second
    const paths = [...seeds, "/nonexistent/missing.txt", ...seeds, ...seeds, ...seeds];
    expect(paths.length).toBeGreaterThan(BATCH_SIZE);
    const bad = seeds[2]; // every copy of this seed gets an override the schema refuses
    const overrides = [{ file: bad, id: "不是 URL 安全的 id" }];
    const corpus = await parseFiles(paths, { overrides });
    expect(corpus.order).toHaveLength(paths.length);
    paths.forEach((path, i) => {
      const entry = corpus.order[i];
      if (path === bad || path.includes("missing")) {
        expect("unparsed" in entry && entry.unparsed.path).toBe(path);
        expect("unparsed" in entry && entry.unparsed.reason).toMatch(/^读取或解析出错：/);
      } else expect("id" in entry).toBe(true);
    });
    expect(corpus.unparsed.find((u) => u.path.includes("missing"))?.reason).toContain("ENOENT");
    expect(corpus.unparsed.find((u) => u.path === bad)?.reason).toContain(bad);
    expect(corpus.reports).toHaveLength(paths.length - 5);
  });
});
