/**
 * The site's routes, without the base path: `paths.ts` turns them into links under SITE_BASE, the
 * search index (`search.ts`, run outside Vite where the base is unknown) uses them as they are.
 */
export const reportRoute = (id: string) => `reports/${id}/`;
export const agencyRoute = (id: string) => `agencies/${id}/`;
export const regionRoute = (key: string) => `regions/${key}/`;
export const themeRoute = (id: string) => `themes/${id}/`;
