// The few parts of oidc-provider (which ships no types) the test identity provider uses.
declare module 'oidc-provider' {
	import type { IncomingMessage, ServerResponse } from 'node:http';
	interface GrantLike {
		addOIDCScope(scope: string): void;
		save(): Promise<string>;
	}
	export default class Provider {
		constructor(issuer: string, configuration: Record<string, unknown>);
		callback(): (req: IncomingMessage, res: ServerResponse) => void;
		interactionDetails(
			req: IncomingMessage,
			res: ServerResponse
		): Promise<{ uid: string; params: Record<string, string>; prompt: { name: string } }>;
		interactionFinished(
			req: IncomingMessage,
			res: ServerResponse,
			result: Record<string, unknown>,
			options?: { mergeWithLastSubmission?: boolean }
		): Promise<void>;
		Grant: new (input: { accountId: string; clientId: string }) => GrantLike;
		on(event: string, listener: (...args: unknown[]) => void): void;
	}
}
