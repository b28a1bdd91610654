/**
 * A PDF page by page as a reader gets it, through pdf.js: each page's text and the roles of its
 * structure (H1, P, L …). Two files that differ only in the order of their objects read the same.
 */
export async function pagesAsRead(bytes: Buffer): Promise<{ text: string; roles: string[] }[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
      type Node = { role?: string; children?: Node[] };
      const roles = (node: Node): string[] => [...(node.role ? [node.role] : []), ...(node.children ?? []).flatMap(roles)];
      pages.push({ text, roles: roles(((await page.getStructTree()) ?? {}) as Node) });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
