import { m } from '$lib/paraglide/messages';
import { auditRequest } from '$lib/server/auth/audit-request';
import { requireRole } from '$lib/server/auth/require-role';
import { error, fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { actionFailure, loadError } from '$lib/server/errors';
import { defaultExerciseName, MAX_EXERCISE_NAME } from '$lib/exercise-name';
import { readExerciseForm, variableField } from './exercise-form';
import type { Actions, PageServerLoad } from './$types';

async function usableScenario(id: string | null) {
	if (!id) redirect(303, '/scenarios');
	const detail = await app().scenarios.get(id).catch(loadError);
	if (detail.issues.length > 0 || !detail.scenario) {
		error(400, `The scenario file ${detail.file} has problems; fix them before running it.`);
	}
	return { ...detail, variables: detail.scenario.variables };
}

export const load: PageServerLoad = async (event) => {
	await requireRole(event, 'facilitator');
	const detail = await usableScenario(event.url.searchParams.get('scenario'));
	return {
		scenario: {
			id: detail.id,
			title: detail.title,
			durationMinutes: detail.durationMinutes,
			defaultCompression: detail.defaultCompression,
			teams: detail.teams,
			variables: Object.entries(detail.variables).map(([name, def]) => ({
				field: variableField(name),
				...def
			}))
		},
		defaultSeatLimit: app().exercises.defaultSeatLimit,
		defaultName: defaultExerciseName(detail.title),
		maxNameLength: MAX_EXERCISE_NAME
	};
};

export const actions: Actions = {
	default: async (event) => {
		const facilitator = await requireRole(event, 'facilitator');
		const detail = await usableScenario(event.url.searchParams.get('scenario'));
		const data = await event.request.formData();
		const { form, errors } = readExerciseForm(
			data,
			detail.teams.map((t) => t.id),
			detail.variables
		);
		const values: Record<string, string | string[]> = {
			name: String(data.get('name') ?? ''),
			teams: form.teams,
			compression: String(form.compression),
			seatLimit: form.seatLimit === undefined ? '' : String(form.seatLimit)
		};
		for (const name of Object.keys(detail.variables))
			values[variableField(name)] = String(data.get(variableField(name)) ?? '');
		if (Object.keys(errors).length > 0) {
			return fail(400, {
				code: 'form/invalid',
				message: m.exercises_err_fields(),
				errors,
				values
			});
		}
		let created: { id: string; title: string; name: string };
		try {
			created = await app().exercises.create(facilitator, { scenarioId: detail.id, ...form });
		} catch (e) {
			return actionFailure(e, values);
		}
		await auditRequest(event, facilitator, 'exercise.created', created.name, {
			scenario: detail.id,
			title: created.title
		});
		redirect(303, `/exercises/${created.id}/lobby`);
	}
};
