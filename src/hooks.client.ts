import { defineCustomClientStrategy } from '$lib/paraglide/runtime';

// Before the browser's own languages: the language the server rendered this page in (see i18n.config.js), so
// the page hydrates in it even when Accept-Language and navigator.languages disagree.
defineCustomClientStrategy('custom-htmlLang', {
	getLocale: () => document.documentElement.lang || undefined,
	setLocale: () => {}
});
