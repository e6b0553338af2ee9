/**
 * The shape of a scenario file, as authors write it: the single source of truth for the parser's shape checks
 * and for the published JSON Schema (scenarios/schema.json). Cross-references and flow are checked elsewhere.
 */
import { z } from 'zod';
import { CHANNELS, MESSAGE_CHANNELS } from '../types';
import { DEADLINE_PATTERN, DURATION_PATTERN } from './durations';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const id = (what: string) =>
	z
		.string()
		.regex(ID_PATTERN, {
			error: `is not a valid ${what} id: use only letters, digits, "-", "_" and "." and must start with a letter or digit`
		})
		.describe(`${what} id`);
const ref = (what: string) => z.string().describe(`id of ${what}`);
const text = (description: string) => z.string().describe(description);

const duration = z
	.union([
		z.number().nonnegative(),
		z.string().regex(new RegExp(DURATION_PATTERN), {
			error: 'is not a duration: write e.g. 90s, 30m, 2h, 1h30m, 3d, "2 hours" or a number of minutes'
		})
	])
	.describe('Scenario time: 90s, 30m, 2h, 1h30m, 3d, "2 hours", or a number of minutes');

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

const scalarCell = z.union([z.string(), z.number(), z.boolean()]);

export const sourceSchema = z
	.strictObject({
		id: id('source'),
		title: text('Citation as shown in the after-action report'),
		url: z.string().optional(),
		kind: z.string().optional().describe('Quality tag such as primary, vendor, news')
	})
	.describe('A public source backing the scenario');

export const objectiveSchema = z
	.strictObject({
		id: id('objective'),
		title: z.string(),
		description: z.string().default(''),
		csf: z
			.array(
				z.string().regex(/^(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}$/, {
					error: 'is not a NIST CSF 2.0 category: write FUNCTION.CATEGORY such as DE.AE or RS.CO'
				})
			)
			.default([])
			.describe('NIST CSF 2.0 categories, e.g. DE.AE'),
		hseep: z.array(z.string()).default([]).describe('HSEEP core capabilities'),
		attack: z
			.array(
				z
					.string()
					.regex(/^T\d{4}(\.\d{3})?$/, { error: 'is not an ATT&CK technique id such as T1040 or T1685.006' })
			)
			.default([]),
		sources: z.array(ref('a source')).default([])
	})
	.describe('An exercise objective that decisions and clocks evidence');

export const teamSchema = z.strictObject({
	id: id('team'),
	name: z.string(),
	description: z.string().default(''),
	roles: z.array(z.string()).default([])
});

export const phaseSchema = z.strictObject({
	id: id('phase'),
	title: z.string(),
	update: text(
		'Markdown scenario update shown when the phase opens; {{phase.date}}, {{phase.day}} and {{phase.time}} give the in-world time it opened'
	).default(''),
	notes: text('Facilitator and evaluator only').optional(),
	opensAt: z
		.string()
		.regex(LOCAL_DATE_TIME, { error: 'must be a local date-time such as "2024-10-03T09:00"' })
		.optional()
		.describe('In-world time the phase opens; the console offers it as a one-click time jump'),
	questions: z.array(z.string()).default([]).describe('Discussion questions for the phase')
});

const artifactSchema = z.discriminatedUnion('kind', [
	z.strictObject({
		kind: z.enum(['log', 'config', 'diff', 'code', 'text']),
		title: z.string(),
		language: z.string().optional().describe('Syntax hint such as cisco, json, shell'),
		content: z.string()
	}),
	z.strictObject({
		kind: z.literal('table'),
		title: z.string(),
		columns: z.array(z.string()).min(1),
		rows: z.array(z.array(scalarCell))
	})
]);

/** Trigger forms keyed by the word that identifies them; the parser uses this to explain a bad trigger. */
export const triggerForms = {
	at: z.strictObject({ at: duration.describe('Scenario time after StartEx') }),
	after: z.strictObject({
		after: ref('the inject that must reach the team first'),
		delay: duration.optional()
	}),
	when: z.strictObject({
		when: ref('the decision whose answer triggers this inject'),
		options: z.array(z.string()).min(1).optional().describe('Any one of these option ids chosen'),
		range: z.strictObject({ min: z.number().optional(), max: z.number().optional() }).optional(),
		delay: duration.optional()
	}),
	unanswered: z.strictObject({
		unanswered: ref('the decision left unanswered past its deadline'),
		delay: duration.optional()
	}),
	clockMissed: z.strictObject({
		clockMissed: ref('the regulatory clock that was missed'),
		delay: duration.optional()
	})
};

const triggerSchema = z
	.union([z.literal('manual'), ...Object.values(triggerForms)])
	.describe('Exactly one form: manual, { at }, { after }, { when }, { unanswered } or { clockMissed }');

const optionSchema = z.strictObject({
	id: id('option'),
	label: z.string(),
	points: z.number().default(0),
	rationale: text('Why this choice earns its points; shown in the after-action report').default('')
});

const rubricSchema = z.strictObject({
	id: id('rubric criterion'),
	label: z.string(),
	points: z.number().positive(),
	guidance: text('What an evaluator should look for; never shown to participants').default('')
});

const bandSchema = z.strictObject({
	min: z.number().optional(),
	max: z.number().optional(),
	points: z.number(),
	rationale: z.string().default('')
});

const decisionSchema = z.strictObject({
	id: id('decision').optional().describe('Defaults to the inject id'),
	prompt: z.string(),
	type: z.enum(['single', 'multiple', 'text', 'numeric', 'ranking']),
	deadline: duration.optional().describe('Scenario time after delivery by which the team should answer'),
	timeliness: z.strictObject({ onTime: z.number(), late: z.number() }).optional(),
	objectives: z.array(ref('an objective')).default([]),
	options: z.array(optionSchema).default([]).describe('single, multiple and ranking decisions'),
	justify: z
		.boolean()
		.default(false)
		.describe('single, multiple, ranking and numeric decisions: the team must give its reasoning'),
	shuffle: z
		.boolean()
		.default(true)
		.describe(
			'Show options in a per-exercise, per-team order (false: as written; never a ranking in its order)'
		),
	rubric: z
		.array(rubricSchema)
		.default([])
		.describe('text decisions, and the reasoning of justified ones: criteria an evaluator marks'),
	numeric: z
		.strictObject({
			unit: z.string().optional(),
			min: z.number().optional(),
			max: z.number().optional(),
			bands: z.array(bandSchema).default([]).describe('First matching band wins')
		})
		.optional(),
	ranking: z
		.strictObject({
			order: z.array(ref('an option')).describe('Every option id once, best first'),
			pointsPerPosition: z.number().positive(),
			credit: z
				.enum(['exact', 'proximity', 'kendall'])
				.default('exact')
				.describe(
					'exact: points per item in place; proximity: partial by distance; kendall: by rank agreement'
				)
		})
		.optional()
});

export const injectSchema = z.strictObject({
	id: id('inject'),
	phase: ref('the phase'),
	title: z.string(),
	channel: z.enum(CHANNELS as [string, ...string[]]),
	from: z.string().optional().describe('In-world sender'),
	to: z
		.union([z.literal('all'), z.array(ref('a team')).min(1)])
		.default('all')
		.describe('all, or the team ids that receive it'),
	trigger: triggerSchema,
	hold: z.boolean().default(false).describe('true: when due, wait for the facilitator to release it'),
	body: text('Markdown; {{variables}} allowed'),
	artifacts: z.array(artifactSchema).default([]),
	notes: text('Facilitator and evaluator only').optional(),
	decision: decisionSchema.optional()
});

/** Guard forms on a clock condition (`requires`), keyed by the word that identifies them. */
export const guardForms = {
	clockStopped: z.strictObject({
		clockStopped: ref('a clock that must be met (a hold: observed) or stopped late')
	}),
	clockRunning: z.strictObject({ clockRunning: ref('a clock that must be running') }),
	inject: z.strictObject({ inject: ref('an inject that must have reached a team') }),
	decision: z.strictObject({
		decision: ref('a decision some team must have answered'),
		options: z.array(z.string()).min(1).optional()
	})
};
const guardSchema = z.union([
	guardForms.clockStopped,
	guardForms.clockRunning,
	guardForms.inject,
	guardForms.decision
]);
const requires = z
	.array(guardSchema)
	.min(1)
	.optional()
	.describe('Guards that must all hold when the condition happens, or it is ignored');

const messageChannel = z
	.enum(MESSAGE_CHANNELS as [string, ...string[]])
	.describe('email, phone (a phone note), press (a press statement), filing (a regulator filing) or chat');

const teamList = z
	.union([ref('a team'), z.array(ref('a team')).min(1)])
	.describe('A team id or a list of team ids');

/** Which sent messages a hold's breach listens for: every field given must match, absent fields match any. */
const messageFilter = z
	.strictObject({
		from: teamList.optional().describe('Author teams (absent: any)'),
		to: z
			.array(ref('a persona or team'))
			.min(1)
			.optional()
			.describe('Recipients, any one of them (absent: any)'),
		channels: z.array(messageChannel).min(1).optional().describe('Channels (absent: any)')
	})
	.describe('A message sent that matches every field given, e.g. { channels: [press] }');

/** Clock condition forms keyed by the word that identifies them. */
export const conditionForms = {
	inject: z.strictObject({ inject: ref('an inject; delivered to any team'), requires }),
	decision: z.strictObject({
		decision: ref('a decision; answered by any team'),
		options: z.array(z.string()).min(1).optional(),
		requires
	}),
	clockStopped: z.strictObject({ clockStopped: ref('another clock'), requires }),
	message: z.strictObject({
		message: messageFilter.describe('Hold breaches only: a matching message sent while the hold runs'),
		requires
	})
};
const conditionSchema = z.union([
	conditionForms.inject,
	conditionForms.decision,
	conditionForms.clockStopped,
	conditionForms.message
]);

const deadline = z
	.string()
	.regex(new RegExp(DEADLINE_PATTERN), {
		error: 'is not a deadline: write e.g. "7 business days", "72h", "30 days" or "1 month"'
	})
	.describe('e.g. 7 business days, 72h, 30 days, 1 month');

const extensionSchema = z
	.strictObject({
		on: conditionSchema.describe('What moves the deadline, while the clock runs'),
		by: deadline,
		from: z
			.enum(['deadline', 'now'])
			.default('deadline')
			.describe('Count `by` from the current deadline (default) or from the moment it happens')
	})
	.describe('A condition that moves the deadline later');

export const clockSchema = z.strictObject({
	id: id('clock'),
	name: z.string(),
	regime: text('The rule, e.g. FCC 47 CFR 64.2011, NIS2 Art. 23'),
	description: text('Player-facing; shown to a team only when it can see the clock').default(''),
	notes: text('Facilitator and evaluator only; {{variables}} allowed').optional(),
	visible: z
		.enum(['owner', 'started', 'all', 'facilitator'])
		.default('started')
		.describe(
			'Who sees it: started (every team once it runs), owner (the owner from StartEx, others once it runs), all (every team from StartEx), facilitator (no team)'
		),
	benchmark: z
		.boolean()
		.default(false)
		.describe('true: an exercise benchmark, not a statutory deadline; labelled so everywhere'),
	kind: z
		.enum(['deadline', 'hold'])
		.default('deadline')
		.describe('deadline: met when a stop happens in time; hold: observed at its end unless a breach happens'),
	owner: ref('the team scored for meeting or missing it'),
	starts: conditionSchema,
	stops: z.array(conditionSchema).default([]).describe('Deadline clocks: any one of these stops the clock'),
	breaches: z
		.array(conditionSchema)
		.default([])
		.describe('Hold clocks: any one of these while it runs breaches it'),
	from: z
		.strictObject({ clockStopped: ref('a clock whose stop the deadline counts from') })
		.optional()
		.describe('Count the deadline from when that clock stopped, if it has; else from the start'),
	extensions: z.array(extensionSchema).default([]),
	deadline,
	scoring: z.strictObject({
		met: z.number(),
		missed: z.number(),
		objectives: z.array(ref('an objective')).default([])
	}),
	sources: z.array(ref('a source')).default([])
});

const replySchema = z.strictObject({
	id: id('reply template'),
	label: text('What the console button says, e.g. "Acknowledge receipt"'),
	body: text('The reply as the persona sends it; {{variables}} allowed')
});

export const personaSchema = z
	.strictObject({
		id: id('persona'),
		name: text('Who teams write to, e.g. "FBI Chicago Field Office"'),
		channel: messageChannel.describe('The channel teams reach it on by default'),
		address: text('E-mail address, phone number or filing portal, as teams see it'),
		description: text('Player-facing: who this is').optional(),
		notes: text('Facilitator and evaluator only: how to play it').optional(),
		replies: z.array(replySchema).default([]).describe('Reply templates the control cell sends in one click')
	})
	.describe('An outside party the control cell plays');

export const approvalSchema = messageFilter
	.extend({ by: ref('the team that must approve') })
	.describe('Messages matching every field given need the `by` team’s approval before they go out');

const matchFields = {
	to: ref('the persona the message is sent to'),
	from: teamList.optional().describe('Sending teams (absent: any)'),
	channel: messageChannel.optional().describe('Only messages on this channel')
};

export const reactionSchema = z
	.strictObject({
		when: z
			.strictObject(matchFields)
			.optional()
			.describe('As soon as a matching message is sent: act for the sending team'),
		unless: z
			.strictObject({ ...matchFields, by: duration.describe('Scenario time after StartEx') })
			.optional()
			.describe('At `by`, for each team (of `from`) that has not sent a matching message: act for it'),
		release: ref('an inject delivered to that team (if in its audience)').optional(),
		delay: duration.optional().describe('With release: scenario time before it arrives'),
		start: ref('a clock to start').optional(),
		stop: ref('a clock to stop').optional()
	})
	.describe(
		'How the world reacts to messages: exactly one of when or unless, and one of release, start or stop'
	);

export const messageRubricSchema = z
	.strictObject({
		id: id('message rubric'),
		title: text('The expected message, e.g. "The CPNI breach report"; {{variables}} allowed'),
		match: messageFilter.describe(
			'Which sent messages it marks (first matching rubric wins); teams in `from` are expected to send one'
		),
		objectives: z.array(ref('an objective')).default([]).describe('Objectives the marks count towards'),
		criteria: z
			.array(rubricSchema)
			.min(1)
			.describe('What evaluators mark, 0 to 1 each: content, timing, recipient, approval followed...')
	})
	.describe('Criteria evaluators mark a sent message against; scored for its author team');

const variableSchema = z.strictObject({
	label: text('The field label on the new-exercise form'),
	default: z.string(),
	description: text('Help text under the field').optional(),
	maxLength: z.number().int().positive().optional(),
	pattern: text('A regular expression the whole value must match, e.g. ^[^<>]+$').optional()
});

const debriefSchema = z
	.strictObject({
		rationale: z
			.boolean()
			.default(false)
			.describe('Teams see why their options and bands earned their points'),
		modelAnswers: z
			.boolean()
			.default(false)
			.describe('Teams see the best answer to each decision they received'),
		otherTeams: z
			.boolean()
			.default(false)
			.describe("Teams see other teams' totals and ratings (never answers)")
	})
	.describe('What teams see after EndEx; the facilitator may change it at the end');

export const scenarioSchema = z
	.strictObject({
		$schema: z.string().optional(),
		id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be kebab-case, e.g. salt-typhoon' }),
		version: z.string({ error: 'must be a quoted string such as "1.0"' }),
		attackVersion: z
			.string({ error: 'must be a quoted string such as "19"' })
			.regex(/^\d+(\.\d+)?$/, { error: 'is not an ATT&CK release number such as "19"' })
			.optional()
			.describe('The MITRE ATT&CK release the attack ids were checked against; required when any are cited'),
		title: z.string(),
		summary: text('Markdown'),
		audience: z.string(),
		duration: z
			.union([
				z.number().positive(),
				z.string().regex(new RegExp(DURATION_PATTERN), { error: 'is not a duration such as 180 or 3h' })
			])
			.describe('Wall time at the default compression: minutes, or e.g. 3h'),
		compression: z.number().positive().describe('Scenario minutes per wall minute'),
		startsAt: z
			.string()
			.regex(LOCAL_DATE_TIME, {
				error: 'must be a local date-time such as "2024-10-07T08:00"'
			})
			.describe('In-world StartEx; business-day clocks count from it'),
		holidays: z
			.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date such as "2024-11-11"' }))
			.default([]),
		variables: z
			.record(
				z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, {
					error: 'is not a valid variable name: use letters, digits, "_" and "-"'
				}),
				variableSchema
			)
			.default({}),
		sources: z.array(sourceSchema).default([]),
		objectives: z.array(objectiveSchema).default([]),
		teams: z.array(teamSchema).min(1),
		phases: z.array(phaseSchema).min(1),
		injects: z.array(injectSchema).min(1),
		clocks: z.array(clockSchema).default([]),
		personas: z.array(personaSchema).default([]).describe('Outside parties teams can write to'),
		approvals: z.array(approvalSchema).default([]).describe('Approval routes, first match wins'),
		reactions: z.array(reactionSchema).default([]),
		messageRubrics: z
			.array(messageRubricSchema)
			.default([])
			.describe('Criteria sent messages are marked against, scored for the author team'),
		debrief: debriefSchema.default({ rationale: false, modelAnswers: false, otherTeams: false }),
		guide: z
			.strictObject({
				overview: z.string(),
				timing: z.string().default(''),
				strongAnswers: z.string().default(''),
				hotwash: z.array(z.string()).default([])
			})
			.optional()
	})
	.describe('A Switchboard tabletop exercise scenario');

/** A scenario file's content once its shape is valid (durations and references not yet resolved). */
export type RawScenario = z.output<typeof scenarioSchema>;
export type RawInject = z.output<typeof injectSchema>;
export type RawDecision = NonNullable<RawInject['decision']>;
export type RawClock = z.output<typeof clockSchema>;
export type RawTrigger = RawInject['trigger'];
export type RawCondition = RawClock['starts'];
export type RawGuard = NonNullable<RawCondition['requires']>[number];
export type RawReaction = z.output<typeof reactionSchema>;

/** The collections parsed one element at a time when the whole file is not valid, keyed by field. */
export const collections = {
	sources: sourceSchema,
	objectives: objectiveSchema,
	teams: teamSchema,
	phases: phaseSchema,
	injects: injectSchema,
	clocks: clockSchema,
	personas: personaSchema,
	approvals: approvalSchema,
	reactions: reactionSchema,
	messageRubrics: messageRubricSchema
} as const;
