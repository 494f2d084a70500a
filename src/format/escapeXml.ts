/**
 * Text or an attribute value for XML (the Atom feed, the sitemap, the chart pictures' SVG): the five
 * characters XML reserves, as entities.
 */
export const escapeXml = (text: string): string =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
