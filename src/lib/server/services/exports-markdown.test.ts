import { marked } from 'marked';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { fakeRequest, manualClock, startApp } from '../testing/harness';
import type { Facilitator } from './sessions';
import { overwriteGetLocale } from '$lib/paraglide/runtime';

const HOSTILE_HTML = '<img src=x onerror=alert(1)>';
const HOSTILE_LINK = '[click me](javascript:alert(2))';

describe('Markdown export', () => {
	let app: App;
	let close: () => Promise<void>;
	let f: Facilitator;
	let id: string;

	beforeEach(async () => {
		const clock = manualClock();
		({ app, close } = await startApp(clock));
		f = await app.sessions.setup(fakeRequest(), {
			name: 'Dana',
			username: 'dana',
			password: 'correct horse battery'
		});
		({ id } = await app.exercises.create(f, {
			scenarioId: 'server-drill',
			organisation: `Northwind ${HOSTILE_HTML}`,
			teams: ['soc', 'legal']
		}));
		const host = await app.hosts.get(id);
		const soc = {
			role: 'participant' as const,
			teamId: 'soc',
			userId: 'p1',
			name: `Mallory ${HOSTILE_HTML}`
		};
		await host.submit({ role: 'facilitator', userId: f.userId }, { type: 'exercise.start' }, 'k-start');
		await host.submit(
			soc,
			{
				type: 'answer.submit',
				decisionId: 'd-scope',
				teamId: 'soc',
				answer: { type: 'text', text: `Scope: ${HOSTILE_HTML} and ${HOSTILE_LINK}` }
			},
			'k-answer'
		);
		await host.submit(
			{ role: 'evaluator', userId: 'e1', name: `Eve <script>alert(3)</script>` },
			{ type: 'note.add', noteId: 'n1', teamId: 'soc', objectiveId: 'obj-a', text: `Noted ${HOSTILE_HTML}` },
			'k-note'
		);
	});
	afterEach(() => close());

	it('escapes raw HTML and links from names and answers, so a naive renderer runs none of it', async () => {
		const { body } = await app.review.exportMarkdown(f, id);
		expect(body).toContain('Northwind');
		expect(body).toContain('Scope:');
		const html = await marked.parse(body);
		expect(html).not.toMatch(/<img|<script|<[^>]*onerror|href="javascript:/i);
		// The text itself survives, shown as text.
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
	});

	it('is written in the language of the person exporting it, headings and sentences alike', async () => {
		const english = (await app.review.exportMarkdown(f, id)).body;
		overwriteGetLocale(() => 'fr');
		try {
			const { body } = await app.review.exportMarkdown(f, id);
			expect(body).toContain("# Rapport de retour d'expérience : ");
			for (const heading of [
				'## Synthèse pour la direction',
				'## Objectifs, appréciations et éléments probants',
				'## Décisions par équipe',
				"## Plan d'amélioration",
				'## Avis des participants'
			])
				expect(body).toContain(heading);
			expect(body).toContain('| Équipe | Appréciation | Suggestion |');
			for (const english of ['## Executive summary', 'Decisions by team', 'Improvement plan', '| Team |'])
				expect(body).not.toContain(english);
		} finally {
			overwriteGetLocale(() => 'en');
		}
		expect((await app.review.exportMarkdown(f, id)).body).toBe(english);
	});
});
