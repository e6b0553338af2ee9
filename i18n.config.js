// Paraglide JS options, shared by the Vite plugin (dev, build, vitest) and scripts/i18n-compile.mjs (npm run check).
// The locale of a request: the language chosen with the header switch (cookie), else the browser's
// Accept-Language, else English. In the browser, the page's <html lang> (set by the server) comes before the
// browser's own languages, so the page hydrates in the language it was rendered in.

/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['cookie', 'custom-htmlLang', 'preferredLanguage', 'baseLocale'],
	cookieName: 'switchboard_locale',
	emitTsDeclarations: false
};
