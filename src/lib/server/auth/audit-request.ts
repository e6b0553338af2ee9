/** Records a privileged action taken through a page or endpoint, with the signed-in user and their address. */
import { app } from '../app';
import type { AuditDetail } from '../db/store';
import { clientAddress, type RequestLike } from '../services/request';

/** Appends one audit entry for `user` acting on this request. */
export async function auditRequest(
	event: RequestLike,
	user: { userId: string; name: string },
	action: string,
	target: string,
	detail: AuditDetail = {}
): Promise<void> {
	await app().audit.record(
		{ userId: user.userId, name: user.name },
		action,
		target,
		detail,
		clientAddress(event)
	);
}
