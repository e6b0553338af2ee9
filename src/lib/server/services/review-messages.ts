/**
 * The message timeline of the review and the Markdown report: per team, each message with every step
 * (drafted, submitted, approved or sent back with the comment, sent, each persona's reply) at its scenario time.
 */
import { formatElapsed } from '$lib/client/scenario-time';
import type { MessageStepView, MessageView } from '$lib/engine/types';

const STEP_WORDS: Record<MessageStepView['kind'], string> = {
	drafted: 'drafted',
	submitted: 'submitted for approval',
	approved: 'approved',
	returned: 'sent back',
	sent: 'sent',
	reply: 'reply'
};

/** One step in words: "T+02:10 approved by Executives (Sam): "Fine"". */
export function stepText(m: MessageView, s: MessageStepView, teamName: (id: string) => string): string {
	const when = formatElapsed(s.scenarioAt);
	const who = s.kind === 'reply' ? (s.personaName ?? 'persona') : s.teamId ? teamName(s.teamId) : '';
	const by = s.by ? ` (${s.by})` : '';
	const said = s.kind === 'reply' ? `: ${s.body ?? ''}` : s.comment ? `: "${s.comment}"` : '';
	const verb = s.kind === 'reply' ? `reply from ${who}` : `${STEP_WORDS[s.kind]}${who ? ` by ${who}` : ''}`;
	return `${when} ${verb}${by}${said}`;
}

/** The "Messages by team" section of the Markdown report; texts arrive already made inert. */
export function messagesMarkdown(
	teams: { id: string; name: string }[],
	messages: MessageView[] | undefined
): string[] {
	const all = messages ?? [];
	const name = (id: string) => teams.find((t) => t.id === id)?.name ?? id;
	const out = ['## Messages by team', ''];
	for (const t of teams) {
		out.push(`### ${t.name}`, '');
		const own = all.filter((m) => m.teamId === t.id);
		if (own.length === 0) out.push('No messages written.', '');
		for (const m of own) {
			const to = m.to.map((r) => r.name).join(', ') || 'no recipient yet';
			out.push(`- **${m.subject || 'Untitled'}** (${m.channel}) to ${to}: ${m.status}`);
			for (const s of m.steps) out.push(`  - ${stepText(m, s, name).replace(/\r?\n/g, ' ')}`);
			if (m.rubric && m.mark) {
				const marks = m.rubric.criteria.map((c) => `${c.label} ${m.mark!.marks[c.id] ?? 0}×${c.points}`);
				const note = m.mark.note ? ` — ${m.mark.note.replace(/\r?\n/g, ' ')}` : '';
				out.push(
					`  - Marked against "${m.rubric.title}": ${m.mark.points} of ${m.mark.maxPoints} (${marks.join(', ')})${note}`
				);
			} else if (m.rubric && m.status === 'sent') out.push(`  - Not marked yet against "${m.rubric.title}"`);
			if (m.breaches?.length)
				out.push(`  - Sent while a hold was in force: ${m.breaches.map((b) => b.name).join(', ')} breached`);
		}
		if (own.length) out.push('');
	}
	return out;
}
