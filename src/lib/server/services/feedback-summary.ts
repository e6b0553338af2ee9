/**
 * The participant feedback form tabletop packages hand out at the end, and its aggregation for the hot wash and
 * the report: a 1–5 agreement scale on a few statements, what went well, what to improve, one-word takeaways.
 */
import type { FeedbackComments, FeedbackRatings } from '../db/store';
import { m } from '$lib/paraglide/messages';

/** Statements rated from 1 (strongly disagree) to 5 (strongly agree). */
/** Each statement's text is read in the current request's language. */
export const FEEDBACK_STATEMENTS = [
	{
		id: 'objectives',
		get text() {
			return m.feedback_stmt_objectives();
		}
	},
	{
		id: 'realism',
		get text() {
			return m.feedback_stmt_realism();
		}
	},
	{
		id: 'roles',
		get text() {
			return m.feedback_stmt_roles();
		}
	},
	{
		id: 'materials',
		get text() {
			return m.feedback_stmt_materials();
		}
	},
	{
		id: 'prepared',
		get text() {
			return m.feedback_stmt_prepared();
		}
	}
] as const;

/** Free-text questions of the form, by comment key. */
export const FEEDBACK_QUESTIONS = {
	get wentWell() {
		return m.feedback_q_went_well();
	},
	get improve() {
		return m.feedback_q_improve();
	},
	get takeaway() {
		return m.feedback_q_takeaway();
	}
};

/** Words of the 1–5 scale. */
export function scaleLabels(): string[] {
	return [
		m.feedback_scale_1(),
		m.feedback_scale_2(),
		m.feedback_scale_3(),
		m.feedback_scale_4(),
		m.feedback_scale_5()
	];
}

/** One statement's results. */
export interface StatementResult {
	id: string;
	text: string;
	responses: number;
	/** Mean rating to one decimal, null with no responses. */
	mean: number | null;
	/** How many chose 1, 2, 3, 4, 5. */
	counts: [number, number, number, number, number];
}

/** Everything the facilitator sees of the feedback collected so far. */
export interface FeedbackSummary {
	responses: number;
	statements: StatementResult[];
	wentWell: string[];
	improve: string[];
	/** Takeaway words, most frequent first. */
	takeaways: { word: string; count: number }[];
}

/** Aggregates stored feedback forms. */
export function summariseFeedback(
	forms: { ratings: FeedbackRatings; comments: FeedbackComments }[]
): FeedbackSummary {
	const statements = FEEDBACK_STATEMENTS.map((s): StatementResult => {
		const values = forms.map((f) => f.ratings[s.id]).filter((v) => Number.isInteger(v) && v >= 1 && v <= 5);
		const counts: StatementResult['counts'] = [0, 0, 0, 0, 0];
		for (const v of values) counts[v - 1]++;
		const mean = values.length
			? Math.round((10 * values.reduce((a, b) => a + b, 0)) / values.length) / 10
			: null;
		return { id: s.id, text: s.text, responses: values.length, mean, counts };
	});
	const texts = (key: string) => forms.map((f) => f.comments[key]?.trim() ?? '').filter((t) => t.length > 0);
	const words = new Map<string, number>();
	for (const t of texts('takeaway')) {
		const word = t
			.toLowerCase()
			.replace(/[^\p{L}\p{N}-]+/gu, ' ')
			.trim()
			.split(/\s+/)[0];
		if (word) words.set(word, (words.get(word) ?? 0) + 1);
	}
	return {
		responses: forms.length,
		statements,
		wentWell: texts('wentWell'),
		improve: texts('improve'),
		takeaways: [...words]
			.map(([word, count]) => ({ word, count }))
			.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
	};
}
