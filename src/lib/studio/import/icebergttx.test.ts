import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '$lib/engine/scenario';
import { importIcebergTtx } from './icebergttx';
import { formatNote } from './report';

const json = readFileSync('test/fixtures/import/icebergttx-fibre-cut.json', 'utf8');
const options = { fileName: 'icebergttx-fibre-cut.json', today: '2026-03-02' };

function imported(text = json) {
	const result = importIcebergTtx(text, options);
	if (!result.ok) throw new Error(result.message);
	return { ...result, data: parse(result.yaml) };
}

const byId = (data: { injects: { id: string }[] }, id: string) =>
	data.injects.find((i) => i.id === id) as Record<string, unknown> & { decision?: Record<string, unknown> };

describe('importIcebergTtx', () => {
	it('imports the fixture into a draft that validates', () => {
		const result = imported();
		const { scenario, issues } = parseScenario(result.yaml, 'draft.yaml');
		expect(issues).toEqual([]);
		expect(scenario!.teams.map((t) => t.name)).toEqual([
			'Network operations',
			'Security operations',
			'Legal and regulatory',
			'Communications'
		]);
		expect(scenario!.durationMinutes).toBe(50);
		expect(scenario!.guide?.hotwashQuestions).toEqual([
			'Discuss when the team treated the outage as deliberate, and who decided to tell the regulator.'
		]);
	});

	it('turns a branch into a per-team answer trigger when the choosing team receives the next inject', () => {
		const { data } = imported();
		expect(byId(data, 'fibre_alarm').trigger).toEqual({ at: '0m' });
		expect(byId(data, 'field_report').trigger).toEqual({ when: 'd-fibre_alarm', options: ['dispatch'] });
		expect(byId(data, 'fibre_alarm').decision).toMatchObject({
			type: 'single',
			options: [
				{ id: 'dispatch', label: 'Send a field crew to the last splice point', points: 1 },
				{ id: 'reroute', label: 'Reroute premium traffic first and wait for daylight', points: 1 }
			]
		});
	});

	it('has the facilitator release a branch that other teams receive, and says when', () => {
		const { data, notes } = imported();
		const warning = byId(data, 'capacity_warning');
		expect(warning.trigger).toBe('manual');
		expect(warning.notes).toContain(
			'Release when Network operations chooses "Reroute premium traffic first and wait for daylight" in "Loss of light on the northern ring".'
		);
		expect(notes.map(formatNote)).toContain(
			'Protection path near saturation: changed: the teams that choose do not all receive it, so the facilitator releases it (the notes say when)'
		);
	});

	it('lets the next inject follow a one-choice inject directly', () => {
		const { data } = imported();
		expect(byId(data, 'soc_triage').trigger).toEqual({ after: 'capacity_warning' });
		expect(byId(data, 'capacity_warning').decision).toMatchObject({ type: 'text' });
	});

	it('turns expected actions into rubric criteria, or facilitator notes where there are choices', () => {
		const { data } = imported();
		expect(byId(data, 'field_report').decision).toMatchObject({
			type: 'text',
			rubric: [
				{ id: 'action-1', label: 'Preserve the site as a possible crime scene', points: 1 },
				{ id: 'action-2', label: 'Tell security operations about the deliberate damage', points: 1 }
			]
		});
		expect(byId(data, 'fibre_alarm').notes).toContain('Expected actions:\n- Open a major incident');
		expect(byId(data, 'press_enquiry').decision).toBeUndefined();
		expect(byId(data, 'press_enquiry').notes).toContain('- Agree a holding statement with legal');
	});

	it('delivers inbound messages after their inject and keeps outbound ones as notes', () => {
		const { data, notes } = imported();
		const photos = data.injects.find((i: { title: string }) => i.title === 'Photos from the cable vault');
		expect(photos).toMatchObject({
			channel: 'email',
			from: 'Field crew lead',
			trigger: { after: 'field_report', delay: '2m' }
		});
		expect(byId(data, 'regulator_call').notes).toContain(
			'Teams are expected to send Regulator duty desk a message'
		);
		expect(notes.map(formatNote)).toContain(
			'The regulator\'s duty desk calls: changed: the outbound message to Regulator duty desk ("Initial incident notification") is kept as a facilitator note: teams write their own'
		);
	});

	it('reports what it could not keep', () => {
		const notes = imported().notes.map(formatNote);
		expect(notes).toContain(
			'A claim of responsibility: not-kept: the choice "Treat the claim as opportunistic for now" leads to "missing_followup", which is not among the injects'
		);
		expect(notes).toContain(
			'tags: not-kept: the scenario format has no tags (telecom, resilience, sabotage)'
		);
	});

	it('drops a choice that loops back and says so', () => {
		const looped = JSON.parse(json);
		looped.injects[1].options = [{ id: 'again', label: 'Start over', next_inject_id: 'fibre_alarm' }];
		const result = imported(JSON.stringify(looped));
		expect(parseScenario(result.yaml, 'draft.yaml').issues).toEqual([]);
		expect(result.notes.map(formatNote)).toContain(
			'Crew at the cable vault: not-kept: the choice "Start over" leads back to "Loss of light on the northern ring", an earlier inject; a scenario cannot loop'
		);
	});

	it('refuses what is not an IcebergTTX scenario, naming the problem', () => {
		expect(importIcebergTtx('{ nope', options)).toMatchObject({ ok: false });
		expect(importIcebergTtx('{"title": "x", "start_inject_id": "a"}', options)).toMatchObject({
			ok: false,
			message: expect.stringContaining('injects')
		});
		expect(importIcebergTtx(json.replace('"1.0"', '"2.0"'), options)).toEqual({
			ok: false,
			message: 'This importer reads IcebergTTX schema_version "1.0"; the file says "2.0".',
			notes: []
		});
	});

	it('refuses more than 1,000 injects', () => {
		const injects = Array.from({ length: 1001 }, (_, i) => ({
			id: `i${i}`,
			title: `Inject ${i}`,
			content: 'Text'
		}));
		expect(
			importIcebergTtx(JSON.stringify({ title: 'Many', injects, start_inject_id: 'i0' }), options)
		).toEqual({
			ok: false,
			message: 'The file has 1,001 injects; a scenario may have at most 1,000.',
			notes: []
		});
	});
});
