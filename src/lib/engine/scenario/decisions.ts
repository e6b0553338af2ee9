/**
 * Content checks that need no cross-reference: every decision can be scored, ranking orders are permutations,
 * numeric bands cover their range, a rubric marks text or justified reasoning, deadlines are positive, table
 * rows fit their columns, `hold` is only set where it means something.
 */
import type { CheckContext } from './catalog';
import { parseDeadline, parseDuration } from './durations';
import { checkNumericBands } from './numeric-bands';
import type { RawDecision } from './schema';
import type { Path } from './source-map';
import { quoteList } from './suggest';

const FIELD_FOR: Record<'options' | 'numeric' | 'ranking', RawDecision['type'][]> = {
	options: ['single', 'multiple', 'ranking'],
	numeric: ['numeric'],
	ranking: ['ranking']
};

/** Reports decisions that cannot be scored or are malformed for their type, and bad deadlines and tables. */
export function checkContent(ctx: CheckContext): void {
	ctx.draft.injects.forEach((inject, i) => {
		if (!inject) return;
		if (inject.hold && inject.trigger === 'manual')
			ctx.report(
				['injects', i, 'hold'],
				'hold: true does nothing on a manual inject, which always waits for the facilitator: remove hold, or give the inject a trigger'
			);
		inject.artifacts.forEach((artifact, a) => {
			if (artifact.kind !== 'table') return;
			artifact.rows.forEach((row, r) => {
				if (row.length !== artifact.columns.length)
					ctx.report(
						['injects', i, 'artifacts', a, 'rows', r],
						`row has ${row.length} cells but the table has ${artifact.columns.length} columns`
					);
			});
		});
		if (inject.decision)
			checkDecision(ctx, inject.decision, inject.decision.id ?? inject.id, ['injects', i, 'decision']);
	});
	ctx.draft.clocks.forEach((clock, i) => {
		if (clock && parseDeadline(clock.deadline)?.amount === 0)
			ctx.report(['clocks', i, 'deadline'], `deadline must be longer than zero, found "${clock.deadline}"`);
	});
}

function checkDecision(ctx: CheckContext, decision: RawDecision, id: string, path: Path): void {
	const { type } = decision;
	for (const [field, types] of Object.entries(FIELD_FOR) as [
		keyof typeof FIELD_FOR,
		RawDecision['type'][]
	][]) {
		const present = Array.isArray(decision[field])
			? (decision[field] as unknown[]).length > 0
			: decision[field] !== undefined;
		if (present && !types.includes(type))
			ctx.report(
				[...path, field],
				`"${field}" does not apply to a ${type} decision (only to ${types.join(', ')})`
			);
	}
	if (decision.justify && type === 'text')
		ctx.report(
			[...path, 'justify'],
			'"justify" does not apply to a text decision: its answer already is the team’s reasoning'
		);
	if (decision.rubric.length > 0 && type !== 'text' && !decision.justify)
		ctx.report(
			[...path, 'rubric'],
			`a ${type} decision takes a rubric only with "justify: true" (the rubric marks the team’s reasoning)`
		);
	if (decision.deadline !== undefined && parseDuration(decision.deadline) === 0)
		ctx.report(
			[...path, 'deadline'],
			`deadline must be longer than zero, found ${JSON.stringify(decision.deadline)}`
		);
	if (decision.timeliness && decision.deadline === undefined)
		ctx.report([...path, 'timeliness'], 'timeliness needs a deadline to measure answers against');

	const noScoring = (how: string) => ctx.report(path, `decision "${id}" has no scoring: ${how}`);
	const options = decision.options;
	if (type === 'single' || type === 'multiple' || type === 'ranking') {
		if (options.length < 2)
			ctx.report(
				[...path, 'options'],
				`a ${type} decision needs at least 2 options, found ${options.length}`
			);
	}
	if (
		(type === 'single' || type === 'multiple') &&
		options.length >= 2 &&
		options.every((option) => option.points === 0)
	)
		noScoring('give at least one option non-zero points');
	if (type === 'text' && decision.rubric.length === 0)
		noScoring('a text decision needs a rubric for evaluators to mark');
	if (type === 'numeric' && (decision.numeric?.bands.length ?? 0) === 0)
		noScoring('a numeric decision needs numeric.bands');
	if (type === 'numeric' && decision.numeric) {
		const { min, max, bands } = decision.numeric;
		if (min !== undefined && max !== undefined && min > max)
			ctx.report([...path, 'numeric'], `min ${min} is greater than max ${max}`);
		bands.forEach((band, b) => {
			if (band.min !== undefined && band.max !== undefined && band.min > band.max)
				ctx.report(
					[...path, 'numeric', 'bands', b],
					`band min ${band.min} is greater than its max ${band.max}`
				);
		});
		checkNumericBands(ctx, decision.numeric, [...path, 'numeric']);
	}
	if (type === 'ranking') {
		if (!decision.ranking) noScoring('a ranking decision needs ranking.order and ranking.pointsPerPosition');
		else {
			checkRankingOrder(ctx, decision, [...path, 'ranking', 'order']);
			const ids = options.map((option) => option.id);
			if (!decision.shuffle && ids.join('\u0000') === decision.ranking.order.join('\u0000'))
				ctx.report(
					[...path, 'shuffle'],
					'with "shuffle: false" the options are shown as written, and they are written in the expected order: an untouched ranking would score full marks; list them in another order'
				);
		}
	}
}

function checkRankingOrder(ctx: CheckContext, decision: RawDecision, path: Path): void {
	const order = decision.ranking?.order ?? [];
	const ids = decision.options.map((option) => option.id);
	const missing = ids.filter((id) => !order.includes(id));
	const twice = [...new Set(order.filter((id, i) => order.indexOf(id) !== i))];
	const unknown = [...new Set(order.filter((id) => !ids.includes(id)))];
	const problems = [
		missing.length ? `${quoteList(missing)} missing` : '',
		twice.length ? `${quoteList(twice)} listed more than once` : '',
		unknown.length ? `${quoteList(unknown)} not among the options` : ''
	].filter(Boolean);
	if (problems.length)
		ctx.report(path, `ranking order must list every option exactly once: ${problems.join('; ')}`);
}
