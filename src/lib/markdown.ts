/**
 * Markdown → sanitized HTML for inject bodies, phase updates, scenario summaries and guides. Scenario files and ad-hoc injects
 * are authored text, so the output is passed through an allow-list before the page inserts it as raw HTML.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { SafeHtml } from './safe-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED_TAGS = [
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'p',
	'br',
	'hr',
	'blockquote',
	'pre',
	'code',
	'em',
	'strong',
	'del',
	's',
	'sub',
	'sup',
	'kbd',
	'mark',
	'ul',
	'ol',
	'li',
	'dl',
	'dt',
	'dd',
	'table',
	'thead',
	'tbody',
	'tfoot',
	'tr',
	'th',
	'td',
	'caption',
	'a',
	'span',
	'abbr'
];

const SANITIZE: sanitizeHtml.IOptions = {
	allowedTags: ALLOWED_TAGS,
	allowedAttributes: {
		a: ['href', 'title', 'rel', 'target'],
		abbr: ['title'],
		code: ['class'],
		th: ['align'],
		td: ['align'],
		ol: ['start']
	},
	allowedClasses: { code: [/^language-[\w-]+$/] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	// Dropped tags lose their content too when it is executable or styling; other unknown tags keep their text.
	nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed'],
	transformTags: {
		a: (tagName, attribs) => ({
			tagName,
			attribs: { ...attribs, rel: 'noopener noreferrer', target: '_blank' }
		})
	}
};

/**
 * Renders Markdown to HTML that is safe to insert as raw HTML: allow-listed tags, no scripts or handlers. Live
 * pages get this HTML from the server (src/lib/server/rendered-markdown.ts) rather than importing this module,
 * which would ship the renderer and sanitiser to every browser.
 */
export function renderMarkdown(md: string): SafeHtml {
	const html = marked.parse(md ?? '') as string;
	return sanitizeHtml(html, SANITIZE) as SafeHtml;
}
