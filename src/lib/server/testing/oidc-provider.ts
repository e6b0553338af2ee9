/**
 * A real OpenID Connect provider for tests (the `oidc-provider` package) on a free port. Its sign-in page asks
 * only for a username of the accounts given (no password), then grants consent by itself. `signInAs` makes it
 * skip the page, for tests that drive the flow with fetch.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person known to the test provider. */
export interface IdpAccount {
	name: string;
	email?: string;
	/** Values of the "roles" claim (groups). */
	roles: string[];
}

export interface TestIdp {
	/** The issuer URL the app is configured with. */
	issuer: string;
	clientId: string;
	clientSecret: string;
	/** When set, the provider signs this account in without showing its page. */
	signInAs: string | null;
	close(): Promise<void>;
}

/** Starts the provider; `redirectUri` is the app's callback, `claimedIssuer` overrides what it calls itself. */
export async function startTestIdp(options: {
	redirectUri: string;
	accounts: Record<string, IdpAccount>;
	claimedIssuer?: (issuer: string) => string;
	/** ID token lifetime in seconds (default 60). */
	idTokenTtl?: number;
}): Promise<TestIdp> {
	const server: Server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const clientId = 'switchboard-test';
	const clientSecret = 'a-test-client-secret-that-is-long-enough';
	const provider = new Provider(options.claimedIssuer?.(issuer) ?? issuer, {
		clients: [
			{
				client_id: clientId,
				client_secret: clientSecret,
				redirect_uris: [options.redirectUri],
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_basic'
			}
		],
		claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'roles'], email: ['email'] },
		features: { devInteractions: { enabled: false } },
		interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
		cookies: { keys: ['test-cookie-key-one', 'test-cookie-key-two'] },
		ttl: { IdToken: options.idTokenTtl ?? 60 },
		findAccount: (_ctx: unknown, id: string) => {
			const account = options.accounts[id];
			if (!account) return undefined;
			return {
				accountId: id,
				claims: () => ({
					sub: id,
					name: account.name,
					preferred_username: id,
					email: account.email,
					roles: account.roles
				})
			};
		}
	});
	provider.on('server_error', (_ctx, e) => console.error('[test idp]', e));
	const idp: TestIdp = {
		issuer,
		clientId,
		clientSecret,
		signInAs: null,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
	const handler = provider.callback();

	server.on('request', (req, res) => {
		const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url?.split('?')[0] ?? '');
		if (!match) return handler(req, res);
		void (async () => {
			try {
				const details = await provider.interactionDetails(req, res);
				let accountId = idp.signInAs;
				if (req.method === 'POST' && match[2]) {
					let body = '';
					for await (const chunk of req) body += chunk;
					accountId = new URLSearchParams(body).get('username');
				}
				if (!accountId || !options.accounts[accountId]) {
					res.setHeader('content-type', 'text/html; charset=utf-8');
					res.end(
						`<!doctype html><html lang="en"><head><title>Test identity provider</title></head><body><main>` +
							`<h1>Test identity provider</h1>${accountId ? '<p role="alert">Unknown user.</p>' : ''}` +
							`<form method="post" action="/interaction/${details.uid}/login">` +
							`<label for="u">IdP username</label> <input id="u" name="username" autocomplete="off">` +
							`<button type="submit">Continue</button></form></main></body></html>`
					);
					return;
				}
				const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
				grant.addOIDCScope(details.params.scope);
				const grantId = await grant.save();
				await provider.interactionFinished(
					req,
					res,
					{ login: { accountId }, consent: { grantId } },
					{ mergeWithLastSubmission: false }
				);
			} catch (e) {
				res.statusCode = 500;
				res.end(String(e));
			}
		})();
	});
	return idp;
}

/** Follows the provider's redirects with a cookie jar until it sends the browser back to `redirectUri`. */
export async function followToCallback(start: URL, redirectUri: string): Promise<URL> {
	const jar = new Map<string, string>();
	let url = start.href;
	for (let hop = 0; hop < 20; hop++) {
		const res = await fetch(url, {
			redirect: 'manual',
			headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') }
		});
		for (const line of res.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const at = pair.indexOf('=');
			jar.set(pair.slice(0, at), pair.slice(at + 1));
		}
		const location = res.headers.get('location');
		if (!location)
			throw new Error(`the provider stopped at ${url} (${res.status}): ${(await res.text()).slice(0, 300)}`);
		const next = new URL(location, url);
		if (next.href.startsWith(redirectUri)) return next;
		url = next.href;
	}
	throw new Error('too many redirects at the provider');
}
