/**
 * Score entries as the override list names them: what they score (the decision's prompt, its timing or
 * reasoning, a clock), how they scored and their points, so two entries never read the same
 * (observation: the list repeated identical entries).
 */
import type { Decision, ScoreEntry } from '$lib/engine/types';
import { formatNumber } from '$lib/locale-format';
import { m } from '$lib/paraglide/messages';

const MAX_PROMPT = 60;

function shorten(text: string): string {
	const one = text.replace(/\s+/g, ' ').trim();
	return one.length > MAX_PROMPT ? `${one.slice(0, MAX_PROMPT - 1).trimEnd()}…` : one;
}

/** What one entry scores, in words. */
export function entrySubject(entry: Pick<ScoreEntry, 'id' | 'rule'>, decisions: Decision[]): string {
	const [kind, ref] = entry.id.split(':');
	const prompt = decisions.find((d) => d.id === ref)?.prompt;
	if (!prompt) return entry.rule;
	const short = { prompt: shorten(prompt) };
	if (kind === 'timeliness') return m.console_entry_timing(short);
	if (kind === 'justification') return m.console_entry_reasoning(short);
	return m.console_entry_answer(short);
}

/** One option per entry: "Answer to “Evict now?”: Option 'Coordinated eviction' · 5 of 8 points". */
export function overrideChoices(
	entries: ScoreEntry[],
	decisions: Decision[]
): { id: string; label: string }[] {
	const labels = entries.map((e) => {
		const subject = entrySubject(e, decisions);
		const what = subject === e.rule ? subject : m.console_entry_rule({ subject, rule: e.rule });
		const points = { points: formatNumber(e.points), max: formatNumber(e.maxPoints) };
		return `${what} · ${e.override ? m.console_entry_overridden(points) : m.console_entry_points(points)}`;
	});
	return entries.map((e, i) => {
		const same = labels.filter((l) => l === labels[i]).length;
		const nth = labels.slice(0, i + 1).filter((l) => l === labels[i]).length;
		return {
			id: e.id,
			label: same > 1 ? m.console_entry_nth({ label: labels[i], nth, count: same }) : labels[i]
		};
	});
}
