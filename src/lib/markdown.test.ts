import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders headings, emphasis, lists and tables', () => {
		const html = renderMarkdown('# Title\n\n*a* **b**\n\n- one\n- two\n\n| x | y |\n|---|---|\n| 1 | 2 |');
		expect(html).toContain('<h1>Title</h1>');
		expect(html).toContain('<em>a</em>');
		expect(html).toContain('<strong>b</strong>');
		expect(html).toContain('<li>one</li>');
		expect(html).toContain('<td>1</td>');
	});

	it('drops script and style elements with their content', () => {
		const html = renderMarkdown('hello <script>alert(1)</script><style>body{}</style> world');
		expect(html).not.toContain('script');
		expect(html).not.toContain('alert');
		expect(html).not.toContain('body{}');
		expect(html).toContain('hello');
	});

	it('strips event handler attributes', () => {
		const html = renderMarkdown(
			'<p onclick="steal()">x</p><a href="https://a.example" onmouseover="x()">l</a>'
		);
		expect(html).not.toMatch(/on(click|mouseover)/);
		expect(html).toContain('href="https://a.example"');
	});

	it('removes javascript: URLs from links', () => {
		const html = renderMarkdown('[click](javascript:alert(1)) <a href="JaVaScRiPt:alert(2)">y</a>');
		expect(html.toLowerCase()).not.toContain('javascript:');
	});

	it('marks links as noopener and opens them in a new tab', () => {
		const html = renderMarkdown('[CISA](https://www.cisa.gov)');
		expect(html).toContain('rel="noopener noreferrer"');
		expect(html).toContain('target="_blank"');
	});

	it('drops images and iframes', () => {
		const html = renderMarkdown('![x](https://a.example/x.png)<iframe src="https://a.example"></iframe>');
		expect(html).not.toContain('<img');
		expect(html).not.toContain('<iframe');
	});

	it('keeps the language class on fenced code blocks', () => {
		const html = renderMarkdown('```cisco\nshow run\n```');
		expect(html).toContain('<code class="language-cisco">show run');
	});
});
