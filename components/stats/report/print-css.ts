/** Pieces of the report's print stylesheet built from translated text. */

/** Text safe inside a CSS string in a <style> element (no quotes, escapes or tags). */
export const cssText = (s: string) => s.replace(/["\\<>\n\r]/g, " ");

/** "第 {page} 页，共 {pages} 页" → "第 " counter(page) " 页，共 " counter(pages) " 页" (CSS content). */
export const pageCounter = (template: string) =>
  template
    .split(/(\{pages?\})/)
    .filter(Boolean)
    .map((part) => (part === "{page}" ? "counter(page)" : part === "{pages}" ? "counter(pages)" : `"${cssText(part)}"`))
    .join(" ");
