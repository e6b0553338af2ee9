/**
 * The message timeline of the review and the Markdown report: per team, each message with every step
 * (drafted, submitted, approved or sent back with the comment, sent, each persona's reply) at its scenario time.
 */
import { formatElapsed } from '$lib/client/scenario-time';
import type { MessageStepView, MessageView } from '$lib/engine/types';
import { m as words } from '$lib/paraglide/messages';

const STEP_WORDS: Record<Exclude<MessageStepView['kind'], 'reply'>, () => string> = {
	drafted: words.md_step_drafted,
	submitted: words.md_step_submitted,
	approved: words.md_step_approved,
	returned: words.md_step_returned,
	sent: words.md_step_sent
};

/** One step in words: "T+02:10 approved by Executives (Sam): "Fine"". */
export function stepText(m: MessageView, s: MessageStepView, teamName: (id: string) => string): string {
	const when = formatElapsed(s.scenarioAt);
	const who = s.kind === 'reply' ? (s.personaName ?? words.md_persona()) : s.teamId ? teamName(s.teamId) : '';
	const by = s.by ? ` (${s.by})` : '';
	const said = s.kind === 'reply' ? `: ${s.body ?? ''}` : s.comment ? `: "${s.comment}"` : '';
	const verb =
		s.kind === 'reply'
			? words.md_reply_from({ who })
			: who
				? words.md_step_by({ step: STEP_WORDS[s.kind](), who })
				: STEP_WORDS[s.kind]();
	return `${when} ${verb}${by}${said}`;
}

/** The "Messages by team" section of the Markdown report; texts arrive already made inert. */
export function messagesMarkdown(
	teams: { id: string; name: string }[],
	messages: MessageView[] | undefined
): string[] {
	const all = messages ?? [];
	const name = (id: string) => teams.find((t) => t.id === id)?.name ?? id;
	const out = [`## ${words.md_messages()}`, ''];
	for (const t of teams) {
		out.push(`### ${t.name}`, '');
		const own = all.filter((m) => m.teamId === t.id);
		if (own.length === 0) out.push(words.md_no_messages(), '');
		for (const m of own) {
			const to = m.to.map((r) => r.name).join(', ') || words.md_no_recipient();
			out.push(
				`- ${words.md_message_line({ subject: m.subject || words.md_untitled(), channel: m.channel, to, status: m.status })}`
			);
			for (const s of m.steps) out.push(`  - ${stepText(m, s, name).replace(/\r?\n/g, ' ')}`);
			if (m.rubric && m.mark) {
				const marks = m.rubric.criteria.map((c) => `${c.label} ${m.mark!.marks[c.id] ?? 0}×${c.points}`);
				const note = m.mark.note ? ` — ${m.mark.note.replace(/\r?\n/g, ' ')}` : '';
				const marked = words.md_marked({
					rubric: m.rubric.title,
					points: m.mark.points,
					max: m.mark.maxPoints,
					marks: marks.join(', ')
				});
				out.push(`  - ${marked}${note}`);
			} else if (m.rubric && m.status === 'sent')
				out.push(`  - ${words.md_not_marked({ rubric: m.rubric.title })}`);
			if (m.breaches?.length)
				out.push(`  - ${words.md_breached({ holds: m.breaches.map((b) => b.name).join(', ') })}`);
		}
		if (own.length) out.push('');
	}
	return out;
}
