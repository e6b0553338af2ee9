/**
 * The "Ask for a decision" part of the ad-hoc inject form: reads the question, its options (or free text), the
 * deadline and whether teams must give their reasoning, and names what is wrong beside each field. The server
 * checks the same rules again (src/lib/server/realtime/commands.ts).
 */
import { m } from '$lib/paraglide/messages';
import { MAX_ADHOC_DEADLINE, MAX_ADHOC_LABEL, MAX_ADHOC_PROMPT } from '$lib/engine/adhoc-decisions';
import { ADHOC_OPTIONS } from '$lib/engine/types';
import type { AdhocQuestion } from '$lib/realtime/contract';

/** Longest deadline in scenario minutes (30 days). */
export const MAX_DEADLINE_MINUTES = MAX_ADHOC_DEADLINE / 60_000;

/** What is wrong, by field: the question, the option list as a whole, an option by its index, the deadline. */
export interface QuestionErrors {
	prompt?: string;
	options?: string;
	option?: Record<number, string>;
	deadline?: string;
}

/** The question to send (null when the inject asks none), or the errors to show beside the fields. */
export function buildAdhocQuestion(
	data: FormData
): { question: AdhocQuestion | null } | { errors: QuestionErrors } {
	if (data.get('ask') !== 'on') return { question: null };
	const errors: QuestionErrors = {};
	const prompt = String(data.get('questionPrompt') ?? '').trim();
	if (!prompt) errors.prompt = m.adhoc_error_prompt();
	else if (prompt.length > MAX_ADHOC_PROMPT)
		errors.prompt = m.adhoc_error_prompt_long({ count: prompt.length, max: MAX_ADHOC_PROMPT });

	const withOptions = data.get('questionKind') !== 'text';
	const options = withOptions ? data.getAll('questionOption').map((v) => String(v).trim()) : [];
	if (withOptions) {
		const option: Record<number, string> = {};
		const seen = new Map<string, number>();
		options.forEach((label, i) => {
			const n = i + 1;
			if (!label) option[i] = m.adhoc_error_option_empty({ n });
			else if (label.length > MAX_ADHOC_LABEL)
				option[i] = m.adhoc_error_option_long({ n, count: label.length, max: MAX_ADHOC_LABEL });
			else if (seen.has(label.toLowerCase()))
				option[i] = m.adhoc_error_option_twice({ n, first: seen.get(label.toLowerCase())! + 1 });
			else seen.set(label.toLowerCase(), i);
		});
		if (Object.keys(option).length) errors.option = option;
		if (options.length < ADHOC_OPTIONS.min || options.length > ADHOC_OPTIONS.max)
			errors.options = m.adhoc_error_options_count({ min: ADHOC_OPTIONS.min, max: ADHOC_OPTIONS.max });
	}

	const rawDeadline = String(data.get('questionDeadline') ?? '').trim();
	const deadline = rawDeadline === '' ? undefined : Number(rawDeadline);
	if (
		deadline !== undefined &&
		!(Number.isInteger(deadline) && deadline >= 1 && deadline <= MAX_DEADLINE_MINUTES)
	)
		errors.deadline = m.adhoc_error_deadline({ max: MAX_DEADLINE_MINUTES });

	if (errors.prompt || errors.options || errors.option || errors.deadline) return { errors };
	return {
		question: {
			prompt,
			...(withOptions ? { options } : {}),
			...(deadline !== undefined ? { deadlineMinutes: deadline } : {}),
			...(withOptions && data.get('questionJustify') === 'on' ? { justify: true } : {})
		}
	};
}
