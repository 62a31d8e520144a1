/**
 * The theme taxonomy: data/themes.json, validated with zod and compiled to regular expressions.
 *
 * The file is meant to be edited by whoever maintains the taxonomy, so every mistake is reported
 * with the theme it is in ("data/themes.json: theme "publicity" (#3), patterns[1] …").
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { Lexicon } from "./lexicon.ts";

export const DEFAULT_TAXONOMY_PATH = fileURLToPath(new URL("../../data/themes.json", import.meta.url));

const cue = z.string().trim().min(1, "must not be empty");

export const ThemeDef = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, "id must be lower-case letters, digits and '-' (it is used in URLs)"),
  name: z.string().min(1, "name (Chinese) is required"),
  description: z.string().min(1, "description is required"),
  topics: z.array(cue).default([]),
  patterns: z.array(cue).default([]),
  remedies: z.array(cue).default([]),
});
export type ThemeDef = z.infer<typeof ThemeDef>;

export const TaxonomyFile = z.object({
  version: z.number().int().positive(),
  deficiency: z.array(cue).min(1),
  negations: z.array(cue).default([]),
  themes: z.array(z.unknown()).min(1),
});

export interface CompiledTheme extends ThemeDef {
  /** all `patterns` as one global regex */
  patternRe: RegExp | null;
  /** all `remedies` as one global regex */
  remedyRe: RegExp | null;
}

export interface Taxonomy {
  themes: CompiledTheme[];
  byId: Map<string, CompiledTheme>;
  /** any deficiency marker */
  deficiencyRe: RegExp;
  /** any negation marker */
  negationRe: RegExp | null;
  /** every topic word, longest first, global */
  topicRe: RegExp | null;
  /** topic word → ids of the themes it belongs to */
  topicThemes: Map<string, string[]>;
  /** the same three word lists as lexicons: what detect.ts looks them up with (the regexes serve everyone else) */
  deficiencyWords: Lexicon;
  negationWords: Lexicon | null;
  topicWords: Lexicon | null;
  /** where it was loaded from, for messages */
  origin: string;
}

export class TaxonomyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TaxonomyError";
  }
}

const CLAUSE_END = "，,；;。！？!?：:\\n";
const SENTENCE_END = "；;。！？!?\\n";

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/**
 * Compile one cue of the mini pattern syntax to a regex source:
 * literal text, (a|b) groups, (…)? optional group, x? optional character, * = gap ≤ 8 chars within a clause,
 * ~ = gap ≤ 20 chars that may cross a comma but not a sentence end. Throws on unbalanced groups.
 */
export function compilePattern(pattern: string): string {
  let out = "";
  let depth = 0;
  let literal = false; // the last token was one literal character (so "?" may follow it)
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const wasLiteral = literal;
    literal = false;
    if (c === "(") {
      depth++;
      out += "(?:";
    } else if (c === ")") {
      if (depth === 0) throw new Error(`unbalanced ")" at position ${i + 1}`);
      depth--;
      out += ")";
      if (pattern[i + 1] === "?") {
        out += "?";
        i++;
      }
    } else if (c === "|") {
      if (depth === 0) throw new Error(`"|" is only allowed inside (…), at position ${i + 1}`);
      out += "|";
    } else if (c === "*") {
      out += `[^${CLAUSE_END}]{0,8}?`;
    } else if (c === "~") {
      out += `[^${SENTENCE_END}]{0,20}?`;
    } else if (c === "?") {
      if (!wasLiteral) throw new Error(`"?" must follow a character or ")", at position ${i + 1}`);
      out += "?";
    } else {
      out += escapeRe(c);
      literal = true;
    }
  }
  if (depth !== 0) throw new Error(`missing ")"`);
  if (/^(\[\^[^\]]*\]\{0,\d+\}\?)+$/.test(out) || out === "") throw new Error("pattern has no literal text");
  return out;
}

function alternation(sources: string[]): RegExp | null {
  if (sources.length === 0) return null;
  return new RegExp(sources.map((s) => `(?:${s})`).join("|"), "g");
}

function words(list: string[]): RegExp | null {
  if (list.length === 0) return null;
  const sorted = [...new Set(list)].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map(escapeRe).join("|"), "g");
}

function formatZod(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`).join("; ");
}

/** Validate and compile a parsed themes.json. `origin` names the file in error messages. */
export function compileTaxonomy(raw: unknown, origin = "themes.json"): Taxonomy {
  const file = TaxonomyFile.safeParse(raw);
  if (!file.success) throw new TaxonomyError(`${origin}: ${formatZod(file.error)}`);
  const themes: CompiledTheme[] = [];
  const byId = new Map<string, CompiledTheme>();
  const topicThemes = new Map<string, string[]>();
  file.data.themes.forEach((t, index) => {
    const label =
      t && typeof t === "object" && typeof (t as { id?: unknown }).id === "string"
        ? `theme "${(t as { id: string }).id}" (#${index + 1})`
        : `theme #${index + 1}`;
    const parsed = ThemeDef.safeParse(t);
    if (!parsed.success) throw new TaxonomyError(`${origin}: ${label}: ${formatZod(parsed.error)}`);
    const def = parsed.data;
    if (byId.has(def.id)) throw new TaxonomyError(`${origin}: ${label}: id "${def.id}" is used twice`);
    if (def.topics.length === 0 && def.patterns.length === 0)
      throw new TaxonomyError(`${origin}: ${label}: needs at least one of topics or patterns`);
    const compile = (field: "patterns" | "remedies") =>
      def[field].map((p, k) => {
        try {
          const src = compilePattern(p);
          new RegExp(src);
          return src;
        } catch (e) {
          throw new TaxonomyError(`${origin}: ${label}: ${field}[${k}] "${p}" is not a valid pattern: ${(e as Error).message}`);
        }
      });
    const theme: CompiledTheme = { ...def, patternRe: alternation(compile("patterns")), remedyRe: alternation(compile("remedies")) };
    for (const w of def.topics) {
      if (/[，,；;。！？!?：:\s]/.test(w)) throw new TaxonomyError(`${origin}: ${label}: topic "${w}" must be one word (no punctuation or spaces)`);
      const ids = topicThemes.get(w) ?? [];
      if (!ids.includes(def.id)) ids.push(def.id);
      topicThemes.set(w, ids);
    }
    themes.push(theme);
    byId.set(def.id, theme);
  });
  return {
    themes,
    byId,
    deficiencyRe: words(file.data.deficiency)!,
    negationRe: words(file.data.negations),
    topicRe: words([...topicThemes.keys()]),
    topicThemes,
    deficiencyWords: new Lexicon(file.data.deficiency),
    negationWords: file.data.negations.length ? new Lexicon(file.data.negations) : null,
    topicWords: topicThemes.size ? new Lexicon(topicThemes.keys()) : null,
    origin,
  };
}

/** Read, validate and compile a themes.json file. */
export function loadTaxonomy(path = DEFAULT_TAXONOMY_PATH): Taxonomy {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new TaxonomyError(`${path}: cannot read the theme taxonomy (${(e as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new TaxonomyError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  return compileTaxonomy(raw, path);
}

let cached: Taxonomy | undefined;
/** data/themes.json, loaded once. */
export function defaultTaxonomy(): Taxonomy {
  cached ??= loadTaxonomy();
  return cached;
}
