/**
 * SVG written as text, for the marks every chart shares between the site's pages (set into the page
 * by the chart components) and the standalone chart images (src/charts/chartImage.ts). Text from the
 * data is escaped here (src/format/escapeXml.ts), the one place markup is assembled outside Astro's templates.
 */
import { escapeXml } from '../format/escapeXml.ts';

export type Attributes = Readonly<Record<string, string | number | undefined>>;

/**
 * One element; attributes whose value is undefined are left out, as Astro leaves them out. `content`
 * is markup. Always with an end tag, as Astro writes an element: the same in HTML and in XML.
 */
export function svgElement(name: string, attributes: Attributes, content = ''): string {
  const written = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  return `<${name}${written}>${content}</${name}>`;
}

/** An element holding plain text, escaped. */
export function svgText(name: string, attributes: Attributes, text: string): string {
  return svgElement(name, attributes, escapeXml(text));
}
