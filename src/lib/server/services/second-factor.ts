/**
 * The optional second factor of local accounts: an authenticator app (TOTP) with recovery codes. Turning it on
 * shows a secret and its QR code and takes effect once a code from the app is confirmed; turning it off needs
 * the password. Code attempts at sign-in are counted per account (see Sessions.completeSecondFactor).
 */
import { m } from '$lib/paraglide/messages';
import { formatNumber } from '$lib/locale-format';
import { qrDataUrl } from '$lib/server/qr';
import { verifyPassword } from '../auth/password';
import type { RateLimiter } from '../auth/rate-limit';
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri } from '../auth/totp';
import type { Store, UserRecord } from '../db/store';
import { fault } from '../errors';
import type { AuditLog } from './audit-log';
import { clientAddress, type RequestLike } from './request';
import type { Facilitator } from './sessions';

/** What the account page shows about the second factor. */
export interface SecondFactorStatus {
	/** Local accounts only: single sign-on accounts use their provider's. */
	available: boolean;
	enabled: boolean;
	recoveryCodesLeft: number;
	/** Enrolment started but not confirmed: the secret to enter by hand and its QR code (SVG). */
	/** While setting up: the secret and its QR code as an image data URL (an <img>, never raw markup). */
	pending: { secret: string; qr: string } | null;
}

/** Enrolment, confirmation and removal of the second factor. */
export class SecondFactor {
	constructor(
		private readonly store: Store,
		private readonly audit: AuditLog,
		/** Wrong codes and passwords per account. */
		private readonly attempts: RateLimiter,
		private readonly now: () => number
	) {}

	async #user(f: Facilitator): Promise<UserRecord> {
		const user = await this.store.users.byId(f.userId);
		if (!user) fault('account/not_found', 'Your account no longer exists.', 404);
		return user;
	}

	async status(f: Facilitator): Promise<SecondFactorStatus> {
		const user = await this.#user(f);
		const pending =
			user.totpSecret && !user.totpEnabledAt
				? {
						secret: user.totpSecret,
						qr: await qrDataUrl(totpUri(user.totpSecret, user.username))
					}
				: null;
		return {
			available: !user.externalId,
			enabled: user.totpEnabledAt !== null,
			recoveryCodesLeft: user.totpEnabledAt ? await this.store.users.recoveryCodesLeft(user.id) : 0,
			pending
		};
	}

	/** Starts enrolment with a fresh secret (replacing an unconfirmed one). */
	async begin(f: Facilitator): Promise<void> {
		const user = await this.#user(f);
		if (user.externalId) {
			fault('totp/unavailable', m.account_err_sso(), 409);
		}
		if (user.totpEnabledAt) fault('totp/already_on', m.account_err_already_on(), 409);
		await this.store.users.setTotp(user.id, { secret: newTotpSecret(), enabledAt: null });
	}

	/** Confirms enrolment with a code from the app; returns the recovery codes (shown once). */
	async confirm(event: RequestLike, f: Facilitator, code: string): Promise<string[]> {
		const user = await this.#user(f);
		if (!user.totpSecret || user.totpEnabledAt) {
			fault('totp/not_pending', m.account_err_not_pending(), 409);
		}
		this.#count(user.id);
		if ((await checkTotp(user.totpSecret, code, this.now())) === null) {
			fault('totp/wrong_code', m.account_err_wrong_code());
		}
		this.attempts.reset(`second-factor:${user.id}`);
		const codes = newRecoveryCodes();
		await this.store.users.setTotp(user.id, { secret: user.totpSecret, enabledAt: new Date(this.now()) });
		await this.store.users.replaceRecoveryCodes(user.id, codes.map(hashRecoveryCode));
		await this.audit.record(
			{ userId: user.id, name: user.displayName },
			'auth.second_factor_on',
			user.username,
			{},
			clientAddress(event)
		);
		return codes;
	}

	/** Turns the second factor off after checking the password. */
	async disable(event: RequestLike, f: Facilitator, password: string): Promise<void> {
		const user = await this.#user(f);
		if (!user.totpSecret) fault('totp/off', m.account_err_off(), 409);
		this.#count(user.id);
		if (!(await verifyPassword(password, user.passwordHash || undefined))) {
			fault('auth/invalid_credentials', m.account_err_password());
		}
		await this.store.users.setTotp(user.id, { secret: null, enabledAt: null });
		await this.store.users.replaceRecoveryCodes(user.id, []);
		await this.audit.record(
			{ userId: user.id, name: user.displayName },
			'auth.second_factor_off',
			user.username,
			{},
			clientAddress(event)
		);
	}

	#count(userId: string): void {
		const decision = this.attempts.take(`second-factor:${userId}`);
		if (!decision.allowed) {
			fault(
				'auth/rate_limited',
				m.account_err_attempts({
					wait: formatNumber(Math.max(1, Math.ceil(decision.retryAfterMs / 60_000)), {
						style: 'unit',
						unit: 'minute',
						unitDisplay: 'long'
					})
				}),
				429
			);
		}
	}
}
