import { describe, expect, it } from 'vitest';
import { readExerciseForm } from './exercise-form';

function formData(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
}

const teams = ['soc', 'legal'];

describe('readExerciseForm', () => {
	it('collects every checked team', () => {
		const { form, errors } = readExerciseForm(
			formData([
				['organisation', 'Northwind'],
				['teams', 'soc'],
				['teams', 'legal'],
				['compression', '30']
			]),
			teams
		);
		expect(errors).toEqual({});
		expect(form).toEqual({ organisation: 'Northwind', teams: ['soc', 'legal'], compression: 30 });
	});
	it('asks for at least one team', () => {
		expect(
			readExerciseForm(
				formData([
					['organisation', 'N'],
					['compression', '30']
				]),
				teams
			).errors.teams
		).toBe('Choose at least one team.');
	});
	it('names a team that is not in the scenario', () => {
		const { errors } = readExerciseForm(
			formData([
				['organisation', 'N'],
				['teams', 'press'],
				['compression', '30']
			]),
			teams
		);
		expect(errors.teams).toContain('press');
	});
	it('rejects a compression that is not a number', () => {
		const { errors } = readExerciseForm(
			formData([
				['organisation', 'N'],
				['teams', 'soc'],
				['compression', 'fast']
			]),
			teams
		);
		expect(errors.compression).toContain('between 0.1 and 1440');
	});
	it('asks for the organisation when it is blank', () => {
		const { errors } = readExerciseForm(
			formData([
				['organisation', '  '],
				['teams', 'soc'],
				['compression', '30']
			]),
			teams
		);
		expect(errors.organisation).toContain('organisation name');
	});
	it('reads an optional seat limit and names a bad one', () => {
		const base: [string, string][] = [
			['organisation', 'N'],
			['teams', 'soc'],
			['compression', '30']
		];
		expect(readExerciseForm(formData(base), teams).form.seatLimit).toBeUndefined();
		expect(readExerciseForm(formData([...base, ['seatLimit', '40']]), teams).form.seatLimit).toBe(40);
		expect(readExerciseForm(formData([...base, ['seatLimit', '0']]), teams).errors.seatLimit).toBe(
			'Enter a whole number of seats from 1 to 5000 (got "0").'
		);
	});
});
