/** Build-time facts about the site itself (not about the data). */
import { existsSync } from "node:fs";
import path from "node:path";

/** The /themes/ pages belong to the themes work; link to them only once they exist. */
export const HAS_THEME_PAGES = existsSync(path.resolve(process.cwd(), "src/pages/themes"));
