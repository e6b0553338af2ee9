/**
 * HTML that went through the Markdown renderer's allow-list sanitiser (src/lib/markdown.ts). Only a value of
 * this type may be inserted as raw HTML (components/Prose.svelte); plain text cannot be passed where SafeHtml is
 * expected without a cast, which review will see.
 */
export type SafeHtml = string & { readonly __safeHtml: unique symbol };
