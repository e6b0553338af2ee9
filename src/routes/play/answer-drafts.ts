/**
 * Unsent answers kept in this browser, so a reload (or a phone that drops the tab) does not lose what a participant
 * typed. One localStorage entry per exercise, team and decision; what is read back is checked against the decision
 * as it is shown now (unknown options, a ranking of other options, over-long text are dropped), and the entry goes
 * once the server has acknowledged the team's answer.
 */
import type { DecisionView } from '$lib/engine/types';
import type { AnswerDraft, DraftStore } from '$lib/client/answers';
import { MAX_TEXT_ANSWER } from '$lib/realtime/contract';

type DraftDecision = Pick<DecisionView, 'id' | 'type' | 'options' | 'justify'>;

const CONFIDENCES = new Set(['low', 'medium', 'high']);
/** Longer than any number a person types; guards against a tampered entry. */
const MAX_NUMBER_INPUT = 40;

/** The storage key of one decision's draft. */
export function draftKey(exerciseId: string, teamId: string, decisionId: string): string {
	return `switchboard:draft:${exerciseId}:${teamId}:${decisionId}`;
}

const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, MAX_TEXT_ANSWER) : '');

/**
 * The parts of a stored draft that still fit the decision as shown, or null when nothing usable is left.
 * Only the fields the decision's type uses are kept.
 */
export function sanitiseDraft(decision: DraftDecision, raw: unknown): AnswerDraft | null {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
	const stored = raw as Record<string, unknown>;
	const known = decision.options.map((o) => o.id);
	const draft: AnswerDraft = {};
	switch (decision.type) {
		case 'single':
			if (typeof stored.option === 'string' && known.includes(stored.option)) draft.option = stored.option;
			break;
		case 'multiple':
			if (Array.isArray(stored.options))
				draft.options = known.filter((id) => (stored.options as unknown[]).includes(id));
			break;
		case 'text':
			draft.text = text(stored.text);
			break;
		case 'numeric':
			if (typeof stored.numeric === 'number' && Number.isFinite(stored.numeric))
				draft.numeric = stored.numeric;
			else if (typeof stored.numeric === 'string' && stored.numeric.length <= MAX_NUMBER_INPUT)
				draft.numeric = stored.numeric;
			break;
		case 'ranking': {
			const order = Array.isArray(stored.order) ? stored.order : [];
			const permutation =
				order.length === known.length &&
				new Set(order).size === order.length &&
				order.every((id) => typeof id === 'string' && known.includes(id));
			if (permutation) draft.order = order as string[];
			break;
		}
	}
	if (decision.justify) draft.justification = text(stored.justification);
	if (typeof stored.confidence === 'string' && CONFIDENCES.has(stored.confidence))
		draft.confidence = stored.confidence as AnswerDraft['confidence'];
	return isEmptyDraft(decision, draft) ? null : draft;
}

/** Whether a draft holds nothing a person entered (a ranking still in its starting order counts as empty). */
export function isEmptyDraft(decision: Pick<DecisionView, 'options'>, draft: AnswerDraft): boolean {
	const startingOrder = decision.options.map((o) => o.id).join('\n');
	return (
		!draft.option &&
		!(draft.options ?? []).length &&
		!(draft.text ?? '').trim() &&
		String(draft.numeric ?? '').trim() === '' &&
		(!draft.order || draft.order.join('\n') === startingOrder) &&
		!(draft.justification ?? '').trim() &&
		!draft.confidence
	);
}

/** The drafts of one team in one exercise, kept in `storage` (localStorage in the browser). */
export function answerDrafts(
	exerciseId: string,
	teamId: string,
	storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = globalThis.localStorage
): DraftStore {
	const key = (decisionId: string) => draftKey(exerciseId, teamId, decisionId);
	// Storage may be missing, full or disabled (private mode): drafts then simply do not survive a reload.
	const attempt = <T>(fn: () => T, fallback: T): T => {
		try {
			return storage ? fn() : fallback;
		} catch {
			return fallback;
		}
	};
	return {
		load: (decision) =>
			attempt(() => {
				const raw = storage!.getItem(key(decision.id));
				return raw === null ? null : sanitiseDraft(decision, JSON.parse(raw));
			}, null),
		save: (decision, draft) =>
			attempt(() => {
				if (isEmptyDraft(decision, draft)) storage!.removeItem(key(decision.id));
				else storage!.setItem(key(decision.id), JSON.stringify(draft));
			}, undefined),
		clear: (decisionId) => attempt(() => storage!.removeItem(key(decisionId)), undefined)
	};
}
