import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { originAllowed, type OriginPolicy } from './handshake';

/** A handshake request as Node hands it over: headers and whether the socket is TLS. */
function request(headers: Record<string, string>, encrypted = false): IncomingMessage {
	return { headers, socket: { encrypted } } as unknown as IncomingMessage;
}

const plain: OriginPolicy = {};

describe('the handshake Origin check', () => {
	it('accepts its own origin and requests without an Origin header', () => {
		expect(
			originAllowed(request({ host: 'ttx.example:3000', origin: 'http://ttx.example:3000' }), plain)
		).toBe(true);
		expect(originAllowed(request({ host: 'ttx.example:3000' }), plain)).toBe(true);
	});

	it('compares the scheme as well as the host: https://host is not http://host', () => {
		expect(originAllowed(request({ host: 'ttx.example', origin: 'https://ttx.example' }), plain)).toBe(false);
		expect(originAllowed(request({ host: 'ttx.example', origin: 'https://ttx.example' }, true), plain)).toBe(
			true
		);
	});

	it('ignores X-Forwarded-Host unless a trusted proxy setting names it', () => {
		const forged = request({
			host: 'ttx.example',
			'x-forwarded-host': 'evil.example',
			origin: 'http://evil.example'
		});
		expect(originAllowed(forged, plain)).toBe(false);
		expect(originAllowed(forged, { hostHeader: 'x-forwarded-host' })).toBe(true);
	});

	it('reads the scheme from the proxy header only when trusted', () => {
		const proxied = request({
			host: 'ttx.example',
			'x-forwarded-proto': 'https',
			origin: 'https://ttx.example'
		});
		expect(originAllowed(proxied, plain)).toBe(false);
		expect(originAllowed(proxied, { protocolHeader: 'x-forwarded-proto' })).toBe(true);
	});

	it('accepts the configured public origin exactly, scheme included', () => {
		const policy: OriginPolicy = { origin: 'https://ttx.example.org/' };
		expect(originAllowed(request({ host: '10.0.0.5:3000', origin: 'https://ttx.example.org' }), policy)).toBe(
			true
		);
		expect(originAllowed(request({ host: '10.0.0.5:3000', origin: 'http://ttx.example.org' }), policy)).toBe(
			false
		);
	});

	it('refuses a malformed Origin', () => {
		expect(originAllowed(request({ host: 'ttx.example', origin: 'not a url' }), plain)).toBe(false);
	});
});
