import { describe, expect, it } from 'vitest';
import { readExerciseForm } from './exercise-form';

function formData(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
}

const teams = ['soc', 'legal'];
const variables = {
	org: { label: 'Organisation name', default: 'Northwind Telecom', maxLength: 40 },
	region: { label: 'Region', default: 'Midwest', pattern: '[A-Za-z ]+', description: 'letters only' }
};

describe('readExerciseForm', () => {
	it('collects every checked team', () => {
		const { form, errors } = readExerciseForm(
			formData([
				['var-org', 'Northwind'],
				['teams', 'soc'],
				['teams', 'legal'],
				['compression', '30']
			]),
			teams,
			variables
		);
		expect(errors).toEqual({});
		expect(form).toEqual({
			variables: { org: 'Northwind', region: 'Midwest' },
			teams: ['soc', 'legal'],
			compression: 30
		});
	});
	it('asks for at least one team', () => {
		expect(
			readExerciseForm(
				formData([
					['var-org', 'N'],
					['compression', '30']
				]),
				teams,
				variables
			).errors.teams
		).toBe('Choose at least one team.');
	});
	it('names a team that is not in the scenario', () => {
		const { errors } = readExerciseForm(
			formData([
				['var-org', 'N'],
				['teams', 'press'],
				['compression', '30']
			]),
			teams,
			variables
		);
		expect(errors.teams).toContain('press');
	});
	it('rejects a compression that is not a number', () => {
		const { errors } = readExerciseForm(
			formData([
				['var-org', 'N'],
				['teams', 'soc'],
				['compression', 'fast']
			]),
			teams,
			variables
		);
		expect(errors.compression).toContain('between 0.1 and 1440');
	});
	it('asks for the organisation when it is blank', () => {
		const { errors } = readExerciseForm(
			formData([
				['var-org', '  '],
				['teams', 'soc'],
				['compression', '30']
			]),
			teams,
			variables
		);
		expect(errors['var-org']).toBe('Organisation name: enter a value (it is used in the scenario texts).');
	});
	it('checks each variable against its definition and names the field', () => {
		const { errors } = readExerciseForm(
			formData([
				['var-org', 'N'.repeat(41)],
				['var-region', 'Zone 9'],
				['teams', 'soc'],
				['compression', '30']
			]),
			teams,
			variables
		);
		expect(errors).toEqual({
			'var-org': 'Organisation name: use at most 40 characters (this has 41).',
			'var-region': 'Region: "Zone 9" is not in the expected form (letters only).'
		});
	});
	it('reads an optional seat limit and names a bad one', () => {
		const base: [string, string][] = [
			['var-org', 'N'],
			['teams', 'soc'],
			['compression', '30']
		];
		const read = (entries: [string, string][]) => readExerciseForm(formData(entries), teams, variables);
		expect(read(base).form.seatLimit).toBeUndefined();
		expect(read([...base, ['seatLimit', '40']]).form.seatLimit).toBe(40);
		expect(read([...base, ['seatLimit', '0']]).errors.seatLimit).toBe(
			'Enter a whole number of seats from 1 to 5000 (got "0").'
		);
	});
});

describe('the exercise name field', () => {
	const post = (name: string | null) =>
		readExerciseForm(
			formData([
				...(name === null ? [] : ([['name', name]] as [string, string][])),
				['teams', 'soc'],
				['compression', '30']
			]),
			teams,
			variables
		);

	it('keeps the name trimmed', () => {
		const { form, errors } = post('  Night shift drill ');
		expect(errors).toEqual({});
		expect(form.name).toBe('Night shift drill');
	});
	it('leaves a name that was not posted to the server default', () => {
		expect(post(null).form).not.toHaveProperty('name');
	});
	it('asks for a name when it is blank, naming the field', () => {
		expect(post('   ').errors.name).toBe('Give the exercise a name.');
	});
	it('refuses a name over 120 characters and says how long it is', () => {
		expect(post('x'.repeat(121)).errors.name).toBe(
			'The exercise name can be at most 120 characters (this one has 121).'
		);
		expect(post('x'.repeat(120)).errors).toEqual({});
	});
});
