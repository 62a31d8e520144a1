/**
 * A yes/no checker compiled once from a zod schema, for the hot path of validation.
 *
 * zod's parse builds a new copy of every object and array it checks and allocates a result per
 * value; for a report record (hundreds of cells, dozens of checks) that cost more than most of the
 * parser's stages. The checker walks the value without allocating and answers whether zod would
 * accept it *and* return an equal value (the same keys in the same order, nothing stripped), so
 * the value itself can stand for zod's output.
 *
 * It is generated from the schema's own definition (`_zod.def`) — there is no second copy of the
 * schema — as JavaScript source compiled with `new Function` (as zod itself does for objects):
 * one function per object, array and record type, with plain inline tests for the values, which
 * V8 runs several times faster than a tree of closures. Kinds and checks it does not know are
 * handed to zod itself (`safeParse`), so an unknown construct costs speed, never correctness.
 * `false` only means "ask zod": the caller then runs the full parse for the verdict and the issues.
 */
import type { z } from "zod";
import { util } from "zod/v4/core";

export type QuickCheck = (value: unknown) => boolean;

/** Compile `schema`: checker(value) true ⇒ schema.safeParse(value) succeeds with data equal to value. */
export function compileCheck(schema: z.ZodType): QuickCheck {
  const c = new Compiler();
  const root = c.fn(schema as unknown as Node);
  const body = `${c.functions.join("\n")}\nreturn ${root};`;
  return new Function("ctx", body)(c.ctx) as QuickCheck;
}

/** The parts of a zod 4 schema the compiler reads. */
interface Node {
  _zod: { def: Def; optin?: string; values?: unknown };
  safeParse(value: unknown): { success: boolean; data?: unknown };
}
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  coerce?: boolean;
  shape?: Record<string, Node>;
  catchall?: Node;
  element?: Node;
  innerType?: Node;
  keyType?: Node;
  valueType?: Node;
  entries?: Record<string, unknown>;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  value?: number;
  inclusive?: boolean;
  when?: unknown;
}

/** Enums with at most this many values are tested with === rather than a Set. */
const SMALL_ENUM = 4;

class Compiler {
  /** source of the generated functions */
  readonly functions: string[] = [];
  /** values the generated code refers to (regexes, sets, zod nodes), as ctx[i] */
  readonly ctx: unknown[] = [];
  private readonly names = new Map<Node, string>();

  private constant(value: unknown): string {
    this.ctx.push(value);
    return `ctx[${this.ctx.length - 1}]`;
  }

  /** The name of a generated function `(v) => boolean` for `node` (one per node). */
  fn(node: Node): string {
    let name = this.names.get(node);
    if (name) return name;
    name = `f${this.names.size}`;
    this.names.set(node, name);
    const body = this.body(node);
    this.functions.push(`function ${name}(v) {\n${body}\n}`);
    return name;
  }

  /** Function body for objects, arrays and records; `return <test>` for the rest. */
  private body(node: Node): string {
    const def = node._zod.def;
    const plain = !def.coerce && !(def.checks ?? []).length;
    if (plain && def.type === "object" && !def.catchall) return this.objectBody(def.shape!);
    if (plain && def.type === "array")
      return `if (!Array.isArray(v)) return false;\nfor (let i = 0; i < v.length; i++) { const x = v[i]; if (!(${this.test(def.element!, "x")})) return false; }\nreturn true;`;
    if (plain && def.type === "record" && !def.keyType!._zod.values) {
      const key = this.leafTest(def.keyType!, "k");
      if (key !== null) return this.recordBody(key, def.valueType!);
    }
    return `return ${this.test(node, "v")};`;
  }

  /** A JavaScript expression that is true when `x` (a variable name) passes `node`. */
  test(node: Node, x: string): string {
    const leaf = this.leafTest(node, x);
    if (leaf !== null) return leaf;
    const def = node._zod.def;
    const plain = !def.coerce && !(def.checks ?? []).length;
    if (plain && def.type === "nullable") return `(${x} === null || ${this.test(def.innerType!, x)})`;
    // an inner type that itself takes `undefined` (optional, default) decides alone in zod
    if (plain && def.type === "optional" && def.innerType!._zod.optin !== "optional")
      return `(${x} === undefined || ${this.test(def.innerType!, x)})`;
    if (plain && (def.type === "object" || def.type === "array" || def.type === "record") && this.compilable(node))
      return `${this.fn(node)}(${x})`;
    // anything else (z.custom, transforms, unknown checks): zod's verdict, and its output must be the input
    const zod = this.constant(node);
    return `((r) => r.success && r.data === ${x})(${zod}.safeParse(${x}))`;
  }

  /** Objects with a catchall and records over fixed keys (z.record(z.enum)) are left to zod. */
  private compilable(node: Node): boolean {
    const def = node._zod.def;
    if (def.type === "object") return !def.catchall;
    if (def.type === "record") return !def.keyType!._zod.values && this.leafTest(def.keyType!, "k") !== null;
    return true;
  }

  /** Strings, numbers, booleans and enums with the checks below; null for anything else. */
  leafTest(node: Node, x: string): string | null {
    const def = node._zod.def;
    if (def.coerce) return null;
    const checks = (def.checks ?? []).map((c) => c._zod.def);
    if (checks.some((c) => c.when)) return null;
    switch (def.type) {
      case "string": {
        const tests = [`typeof ${x} === "string"`];
        for (const c of checks) {
          if (c.check !== "string_format" || c.format !== "regex" || !c.pattern) return null;
          // lastIndex reset as zod does (a /g pattern keeps state between tests)
          const re = this.constant(c.pattern);
          tests.push(`((${re}.lastIndex = 0), ${re}.test(${x}))`);
        }
        return `(${tests.join(" && ")})`;
      }
      case "number": {
        // zod's number rejects NaN and ±Infinity
        const tests = [`typeof ${x} === "number"`, `Number.isFinite(${x})`];
        for (const c of checks) {
          if (c.check === "number_format" && c.format === "safeint") tests.push(`Number.isSafeInteger(${x})`);
          else if (c.check === "greater_than" && typeof c.value === "number") tests.push(`${x} ${c.inclusive ? ">=" : ">"} ${c.value}`);
          else return null;
        }
        return `(${tests.join(" && ")})`;
      }
      case "boolean":
        return checks.length ? null : `typeof ${x} === "boolean"`;
      case "enum": {
        if (checks.length) return null;
        const values = Object.values(def.entries!);
        // a few values: compared inline (cheaper than a Set lookup); === is Set#has's SameValueZero
        // for strings and numbers other than NaN
        if (values.length <= SMALL_ENUM && values.every((e) => typeof e === "string" || (typeof e === "number" && !Number.isNaN(e))))
          return `(${values.map((e) => `${x} === ${JSON.stringify(e)}`).join(" || ")})`;
        return `${this.constant(new Set(values))}.has(${x})`;
      }
      default:
        return null;
    }
  }

  /**
   * z.object (strip mode): zod's object test (a non-array object), every field passes, and no keys
   * but the shape's, in the shape's order — zod's output is a fresh literal listing the shape's keys
   * in order. (Keys are listed with for-in, much faster than Reflect.ownKeys: symbol keys and
   * non-enumerable properties, which plain code never makes, are ignored as JSON ignores them.)
   */
  private objectBody(shape: Record<string, Node>): string {
    const keys = Object.keys(shape);
    const lines = ["if (typeof v !== \"object\" || v === null || Array.isArray(v)) return false;"];
    keys.forEach((key, i) => lines.push(`const v${i} = v[${JSON.stringify(key)}]; if (!(${this.test(shape[key], `v${i}`)})) return false;`));
    // own keys: a subsequence of the shape's (a skipped key was absent and passed as undefined)
    lines.push(`const shapeKeys = ${this.constant(keys)};`);
    // for-in rather than Object.keys: no array per object, and the keys come from V8's enum cache
    // (the prototype chain's enumerable keys are listed too: more keys can only fail the test, and
    // then zod decides)
    lines.push("let next = 0;");
    lines.push("for (const k in v) { while (next < shapeKeys.length && shapeKeys[next] !== k) next++; if (next === shapeKeys.length) return false; next++; }");
    lines.push("return true;");
    return lines.join("\n");
  }

  /**
   * z.record / z.partialRecord whose key schema lists no fixed values: zod's plain-object test, and
   * every own key and its value pass. zod reads keys with Reflect.ownKeys; a for-in loop lists the
   * same string keys (symbol keys are refused here, so zod decides; non-enumerable properties plain
   * code never makes, as in objectBody) and is many times faster on a fast-mode object such as the
   * ~200-key cellLines (V8 reads each value by its slot from the enum cache, no key lookup).
   * for-in also lists the prototype chain's enumerable keys: they are tested too, which can only
   * answer false (then zod decides), never accept a value zod would not.
   */
  private recordBody(keyTest: string, valueType: Node): string {
    return [
      `if (!${this.constant(util.isPlainObject)}(v) || Object.getOwnPropertySymbols(v).length) return false;`,
      "for (const k in v) {",
      // zod skips "__proto__" (it is not copied to the output): not the same value then
      `  if (k === "__proto__" || !(${keyTest})) return false;`,
      `  const x = v[k]; if (!(${this.test(valueType, "x")})) return false;`,
      "}",
      "return true;",
    ].join("\n");
  }
}
