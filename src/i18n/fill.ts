/**
 * The one `{placeholder}` filler, for pages, chart layouts and browser code alike (it imports nothing,
 * so the browser bundles stay small).
 */

/** Fills `{name}` in a template; a placeholder without a value is left visible, so a dictionary mistake is noticed. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    return value === undefined ? placeholder : String(value);
  });
}
