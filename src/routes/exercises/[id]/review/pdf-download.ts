import { m } from '$lib/paraglide/messages';
/**
 * Fetches the PDF report and hands it to the browser as a download, returning the line to show: done, or the
 * server's own explanation (no browser on the server, busy, not allowed) instead of a bare status code.
 */
export async function downloadPdf(
	href: string,
	fetcher: typeof fetch = fetch
): Promise<{ kind: 'done' | 'error'; text: string }> {
	let response: Response;
	try {
		response = await fetcher(href, { headers: { accept: 'application/pdf, application/json' } });
	} catch {
		return { kind: 'error', text: m.review_pdf_unreachable() };
	}
	if (!response.ok) {
		const body = await response.json().catch(() => null);
		const message = typeof body?.message === 'string' ? body.message : null;
		return {
			kind: 'error',
			text: message ?? m.review_pdf_failed({ status: response.status })
		};
	}
	const name =
		/filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'report.pdf';
	const url = URL.createObjectURL(await response.blob());
	const link = Object.assign(document.createElement('a'), { href: url, download: name });
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
	return { kind: 'done', text: m.review_pdf_done({ name }) };
}
