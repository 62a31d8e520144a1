/**
 * Client side of the search page: loads pagefind's JS API on demand and renders results. Result
 * text comes from indexed pages (report text): it is inserted as text only; pagefind's <mark>
 * highlights are rebuilt as elements, never via innerHTML.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

function base(): string {
  const b = import.meta.env.BASE_URL || "/";
  return b.endsWith("/") ? b : b + "/";
}

/** Append pagefind's excerpt (text with <mark>…</mark>) as text nodes and <mark> elements. */
export function appendExcerpt(parent: HTMLElement, excerpt: string): void {
  const doc = new DOMParser().parseFromString(`<body>${excerpt}</body>`, "text/html");
  for (const node of Array.from(doc.body.childNodes)) {
    if (node.nodeType === Node.ELEMENT_NODE && (node as Element).tagName === "MARK") {
      const m = document.createElement("mark");
      m.textContent = node.textContent;
      parent.append(m);
    } else {
      parent.append(document.createTextNode(node.textContent ?? ""));
    }
  }
}

export async function runSearch(): Promise<void> {
  const input = document.getElementById("search-q") as HTMLInputElement | null;
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  if (!input || !status || !list) return;
  const q = new URLSearchParams(location.search).get("q")?.trim() ?? "";
  input.value = q;
  const header = document.getElementById("site-q") as HTMLInputElement | null;
  if (header) header.value = q;
  if (!q) {
    status.textContent = "输入机构名称或报告中的词语。";
    return;
  }
  status.textContent = "正在搜索……";
  let pagefind: Pagefind;
  try {
    const url = `${base()}pagefind/pagefind.js`;
    pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({ baseUrl: base() });
    await pagefind.init();
  } catch {
    status.textContent = "搜索索引不可用（构建时需运行 pagefind）。";
    return;
  }
  const res = await pagefind.search(q);
  const top = await Promise.all(res.results.slice(0, 30).map((r) => r.data()));
  status.textContent = res.results.length
    ? `“${q}”：找到 ${res.results.length} 个页面${res.results.length > 30 ? "，显示前 30 个" : ""}。`
    : `没有找到与“${q}”相关的机构或报告。`;
  list.replaceChildren();
  for (const d of top) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = d.url.startsWith("/") || d.url.startsWith("http") ? d.url : base() + d.url;
    a.textContent = d.meta.title || d.url;
    const type = d.meta.type ? ` · ${d.meta.type}` : "";
    const small = document.createElement("small");
    small.className = "muted";
    small.textContent = type;
    const p = document.createElement("p");
    appendExcerpt(p, d.excerpt);
    li.append(a, small, p);
    list.append(li);
  }
}
