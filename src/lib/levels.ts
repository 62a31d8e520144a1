/**
 * Agency levels. Records normally carry `agency.level` (set by the parser); this is only the
 * fallback used when a record lacks it, so that the by-level charts still group every agency.
 */
export const LEVEL_ORDER = ["街道", "乡镇", "县区政府", "市政府", "省政府", "部门", "其他"];

export function inferLevel(name: string): string {
  const n = name.replace(/\s+/g, "");
  if (/街道(办事处)?$|街道办$/.test(n)) return "街道";
  if (/(乡|镇|苏木)(人民政府)?$/.test(n)) return "乡镇";
  if (/(区|县|旗|县级市)人民政府(办公室)?$/.test(n)) return "县区政府";
  if (/(市|州|盟)人民政府(办公室|办公厅)?$/.test(n)) return "市政府";
  if (/(省|自治区)人民政府(办公厅)?$/.test(n)) return "省政府";
  if (/(局|委员会|委|办公室|厅|中心|院|所|署|处|队)$/.test(n)) return "部门";
  return "其他";
}
