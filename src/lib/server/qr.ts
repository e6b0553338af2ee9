/** QR codes for the lobby, drawn on the server so the browser needs no QR library. */
import QRCode from 'qrcode';

/** An SVG QR code for `text` as a data URL for an <img>, which keeps the markup out of raw HTML insertion. */
export async function qrDataUrl(text: string): Promise<string> {
	const svg = await QRCode.toString(text, {
		type: 'svg',
		margin: 1,
		errorCorrectionLevel: 'M',
		color: { dark: '#000000', light: '#ffffff' }
	});
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
