import { describe, expect, it } from 'vitest';
import { Driver, T0, wallMin } from './fixtures/harness';

/** The message of a refused command, which the console shows as it is. */
function refusal(d: Driver, command: Parameters<Driver['try']>[0], at = T0 + wallMin(1)): string {
	const r = d.try(command, at);
	if (r.ok) throw new Error(`${command.type} was accepted`);
	return r.error.message;
}

describe('refusals read as sentences for people', () => {
	it('names the inject by its title, not its id, when it is already on hold (observation: "syslog-gap" is already on hold)', () => {
		const d = new Driver();
		d.start();
		d.do({ type: 'inject.hold', injectId: 'news' }, T0 + wallMin(1));
		const message = refusal(d, { type: 'inject.hold', injectId: 'news' }, T0 + wallMin(2));
		expect(message).toBe('"Inject news" is already on hold: it waits for you when it falls due.');
		expect(message).not.toContain('"news"');
	});

	it('says what cannot be done and why after the end (observation: inject.release is not possible while ended)', () => {
		const d = new Driver();
		d.start();
		d.do({ type: 'exercise.end' }, T0 + wallMin(1));
		expect(refusal(d, { type: 'inject.release', injectId: 'manual-drill' })).toBe(
			'Injects cannot be released now: the exercise has ended.'
		);
		expect(
			refusal(d, {
				type: 'inject.adhoc',
				inject: { id: 'x', title: 'T', body: 'B', channel: 'chat', audience: 'all' }
			})
		).toBe('Ad-hoc injects cannot be sent now: the exercise has ended.');
	});

	it('names teams and decisions by name, never by id', () => {
		const d = new Driver();
		d.start();
		const message = refusal(d, {
			type: 'answer.submit',
			teamId: 'legal',
			decisionId: 'd-determination',
			answer: { type: 'single', option: 'yes' }
		});
		expect(message).toBe('"Prompt d-determination" has not reached Legal yet.');
	});

	it('never puts a command type or a state id in a refusal', () => {
		const d = new Driver();
		const message = refusal(d, { type: 'exercise.pause' });
		expect(message).toBe('The exercise cannot be paused now: the exercise has not started yet.');
		expect(message).not.toMatch(/exercise\.pause|lobby/);
	});
});
