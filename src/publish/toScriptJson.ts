/**
 * JSON for a `<script type="application/json">` element: `<` is written as \u003c, so no value
 * (a village called `</script><img …>`) can end the element early; JSON.parse reads it back unchanged.
 */
export function toScriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
