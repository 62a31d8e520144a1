/**
 * Record paths of table cells ("table3.granted.total"), as used in `cellLines` and in checks'
 * `cells`. Made once from the schema's constants: building them per report costs a new string
 * (and its hash, when it becomes a key) per cell.
 */
import {
  OUTCOME_KEYS,
  TABLE2_COLUMNS,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  TABLE4_GROUPS,
  type Table3Row,
  type Table4Group,
} from "../../src/schema.ts";

type Form = keyof typeof TABLE2_COLUMNS;

/** form → item → paths, in the order of TABLE2_COLUMNS[form][item] */
export const TABLE2_PATHS = {} as Record<Form, Record<string, readonly string[]>>;
for (const form of Object.keys(TABLE2_COLUMNS) as Form[]) {
  const items: Record<string, readonly string[]> = {};
  for (const [item, cols] of Object.entries(TABLE2_COLUMNS[form]) as [string, readonly string[]][])
    items[item] = cols.map((c) => `table2.${item}.${c}`);
  TABLE2_PATHS[form] = items;
}

/** row → paths, in the order of TABLE3_COLUMNS */
// (made in one go: twenty keys set one by one would leave a dictionary-mode object, slower to read)
export const TABLE3_PATHS = Object.fromEntries(
  TABLE3_ROWS.map((row) => [row, TABLE3_COLUMNS.map((c) => `table3.${row}.${c}`)]),
) as unknown as Record<Table3Row, readonly string[]>;

/** group → paths, in the order of OUTCOME_KEYS */
export const TABLE4_PATHS = {} as Record<Table4Group, readonly string[]>;
for (const group of TABLE4_GROUPS) TABLE4_PATHS[group] = OUTCOME_KEYS.map((k) => `table4.${group}.${k}`);
