/**
 * IcebergTTX scenario JSON (schema_version "1.0", Apache-2.0) → a scenario draft. Pure.
 *
 * IcebergTTX exercises follow one path through the injects, chosen for the room; Switchboard branches per team.
 * So an option's next inject becomes a per-team answer trigger when the teams that choose also receive the next
 * inject; otherwise (other teams receive it, or several choices lead to it) the facilitator releases it, with a
 * note saying when. Expected actions become rubric criteria (injects without options) or facilitator notes.
 * Everything that does not map is listed in the notes.
 */
import { z } from 'zod';
import { MAX_INJECTS } from '../limits';
import { scenarioYaml } from './emit';
import { IdPool } from './ids';
import type { ImportNote, ImportResult } from './report';

const text = z.string();
const team = z.object({ id: text, label: text });
const communication = z.object({
	external_entity: text,
	direction: z.enum(['inbound', 'outbound']),
	subject: text,
	body: text,
	delay_after_release_seconds: z.number().int().nonnegative().default(0)
});
const option = z.object({ id: text, label: text, next_inject_id: text.nullish() });
const inject = z.object({
	id: text,
	title: text,
	content: text,
	target_teams: z.array(text).default([]),
	sequence_order: z.number().default(0),
	options: z.array(option).default([]),
	free_text_response: z.boolean().default(true),
	triggers_communications: z.array(communication).default([]),
	expected_actions: z.array(text).default([])
});
const scenarioFile = z.object({
	schema_version: z.string().default('1.0'),
	title: text,
	description: text.nullish(),
	tags: z.array(text).default([]),
	metadata: z
		.object({ author: text.nullish(), estimated_duration_minutes: z.number().int().positive().nullish() })
		.default({}),
	participant_teams: z.array(team).default([]),
	injects: z.array(inject).min(1),
	start_inject_id: text,
	debrief_notes: text.nullish()
});

type IcebergInject = z.output<typeof inject>;

/** Choices the author makes when importing. */
export interface IcebergOptions {
	fileName: string;
	/** Today's date (YYYY-MM-DD), StartEx of the draft. */
	today: string;
}

/** Where in the JSON a zod issue is, as an author would read it: injects[2].options[0].label. */
function where(path: PropertyKey[]): string {
	return path.reduce<string>(
		(out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
		''
	);
}

/** Reads IcebergTTX JSON text; refusals say what is wrong and where. */
export function importIcebergTtx(json: string, options: IcebergOptions): ImportResult {
	let raw: unknown;
	try {
		raw = JSON.parse(json.replace(/^\uFEFF/, ''));
	} catch (e) {
		return { ok: false, message: `This is not JSON: ${(e as Error).message}.`, notes: [] };
	}
	const parsed = scenarioFile.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const at = where(issue.path);
		return {
			ok: false,
			message: `This is not an IcebergTTX scenario file: ${at ? `${at}: ` : ''}${issue.message.toLowerCase()}.`,
			notes: []
		};
	}
	const file = parsed.data;
	if (file.schema_version !== '1.0')
		return {
			ok: false,
			message: `This importer reads IcebergTTX schema_version "1.0"; the file says "${file.schema_version}".`,
			notes: []
		};
	if (file.injects.length > MAX_INJECTS)
		return {
			ok: false,
			message: `The file has ${file.injects.length.toLocaleString('en')} injects; a scenario may have at most ${MAX_INJECTS.toLocaleString('en')}.`,
			notes: []
		};
	if (!file.injects.some((i) => i.id === file.start_inject_id))
		return {
			ok: false,
			message: `The start inject "${file.start_inject_id}" is not among the injects.`,
			notes: []
		};
	return convert(file, options);
}

interface Branch {
	parent: IcebergInject;
	options: string[];
	/** The parent offers one choice only: the next inject simply follows it. */
	follows: boolean;
}

function convert(file: z.output<typeof scenarioFile>, options: IcebergOptions): ImportResult {
	const notes: ImportNote[] = [];
	const byId = new Map(file.injects.map((i) => [i.id, i]));
	const teamIds = new IdPool();
	const teams = new Map<string, { id: string; name: string }>();
	for (const t of file.participant_teams) teams.set(t.id, { id: teamIds.keep(t.id, 'team'), name: t.label });
	const teamsOf = (i: IcebergInject): string[] | 'all' => {
		const known = i.target_teams.filter((id) => {
			if (teams.has(id) || file.participant_teams.length === 0) return true;
			notes.push({
				level: 'not-kept',
				item: i.title,
				message: `target team "${id}" is not among the participant teams, so it was left out`
			});
			return false;
		});
		for (const id of known) if (!teams.has(id)) teams.set(id, { id: teamIds.keep(id, 'team'), name: id });
		return known.length === 0 ? 'all' : known.map((id) => teams.get(id)!.id);
	};
	const audience = new Map(file.injects.map((i) => [i.id, teamsOf(i)]));
	const within = (child: string[] | 'all', parent: string[] | 'all') =>
		parent === 'all' || (child !== 'all' && child.every((t) => parent.includes(t)));

	const injectIds = new IdPool();
	const ids = new Map(file.injects.map((i) => [i.id, injectIds.keep(i.id, 'inject')]));
	const incoming = new Map<string, Branch[]>();
	const dropped = backEdges(file.injects, file.start_inject_id);
	for (const parent of file.injects)
		for (const opt of parent.options) {
			const next = opt.next_inject_id;
			if (!next) continue;
			if (!byId.has(next)) {
				notes.push({
					level: 'not-kept',
					item: parent.title,
					message: `the choice "${opt.label}" leads to "${next}", which is not among the injects`
				});
				continue;
			}
			if (dropped.has(`${parent.id}>${next}`)) {
				notes.push({
					level: 'not-kept',
					item: parent.title,
					message: `the choice "${opt.label}" leads back to "${byId.get(next)!.title}", an earlier inject; a scenario cannot loop`
				});
				continue;
			}
			const list = incoming.get(next) ?? [];
			const same = list.find((b) => b.parent === parent);
			if (same) same.options.push(opt.id);
			else list.push({ parent, options: [opt.id], follows: parent.options.length === 1 });
			incoming.set(next, list);
		}

	const ordered = [...file.injects].sort((a, b) => a.sequence_order - b.sequence_order);
	const injects: Record<string, unknown>[] = [];
	let decisions = 0;
	const teamName = (list: string[] | 'all') =>
		list === 'all'
			? 'any team'
			: list.map((id) => [...teams.values()].find((t) => t.id === id)?.name ?? id).join(' or ');
	for (const i of ordered) {
		const id = ids.get(i.id)!;
		const branches = incoming.get(i.id) ?? [];
		const releaseNotes: string[] = [];
		let trigger: unknown;
		if (i.id === file.start_inject_id) trigger = { at: '0m' };
		else if (branches.length === 1 && within(audience.get(i.id)!, audience.get(branches[0].parent.id)!)) {
			const b = branches[0];
			trigger = b.follows
				? { after: ids.get(b.parent.id) }
				: { when: `d-${ids.get(b.parent.id)}`, options: b.options };
		} else {
			trigger = 'manual';
			for (const b of branches) {
				const labels = b.options
					.map((o) => `"${b.parent.options.find((x) => x.id === o)?.label ?? o}"`)
					.join(' or ');
				releaseNotes.push(
					b.follows
						? `Release after "${b.parent.title}".`
						: `Release when ${teamName(audience.get(b.parent.id)!)} chooses ${labels} in "${b.parent.title}".`
				);
			}
			if (branches.length > 0)
				notes.push({
					level: 'changed',
					item: i.title,
					message:
						branches.length > 1
							? 'several choices lead to it, so the facilitator releases it (the notes say when)'
							: 'the teams that choose do not all receive it, so the facilitator releases it (the notes say when)'
				});
			else
				releaseNotes.push(
					`In IcebergTTX this inject is number ${i.sequence_order} in sequence; release it when the exercise reaches it.`
				);
		}
		const outbound = i.triggers_communications.filter((c) => c.direction === 'outbound');
		for (const c of outbound)
			notes.push({
				level: 'changed',
				item: i.title,
				message: `the outbound message to ${c.external_entity} ("${c.subject}") is kept as a facilitator note: teams write their own`
			});
		const choices = i.options.length >= 2;
		const rubricFromActions = !choices && i.free_text_response && i.expected_actions.length > 0;
		const notesText = [
			...releaseNotes,
			i.expected_actions.length && !rubricFromActions
				? `Expected actions:\n${i.expected_actions.map((a) => `- ${a}`).join('\n')}`
				: '',
			...outbound.map(
				(c) => `Teams are expected to send ${c.external_entity} a message: "${c.subject}". ${c.body}`
			)
		]
			.filter(Boolean)
			.join('\n\n');
		const entry: Record<string, unknown> = {
			id,
			phase: 'exercise',
			title: i.title,
			channel: 'briefing',
			...(audience.get(i.id) === 'all' ? {} : { to: audience.get(i.id) }),
			trigger,
			body: i.content,
			...(notesText ? { notes: notesText } : {})
		};
		if (choices) {
			decisions++;
			entry.decision = {
				id: `d-${id}`,
				prompt: 'What does your team decide?',
				type: 'single',
				options: i.options.map((o) => ({ id: o.id, label: o.label, points: 1 }))
			};
			notes.push({
				level: 'changed',
				item: i.title,
				message: 'IcebergTTX choices carry no points: every option is worth 1 point until you set the points'
			});
		} else if (i.options.length === 1) {
			notes.push({
				level: 'changed',
				item: i.title,
				message: `it offers one choice only ("${i.options[0].label}"), so that is no decision: the next inject follows it directly`
			});
		}
		if (rubricFromActions) {
			decisions++;
			entry.decision = {
				id: `d-${id}`,
				prompt: 'What does your team do, and why?',
				type: 'text',
				rubric: i.expected_actions.map((action, n) => ({
					id: `action-${n + 1}`,
					label: action,
					points: 1,
					guidance: 'Expected action from the IcebergTTX scenario.'
				}))
			};
		}
		injects.push(entry);
		i.triggers_communications
			.filter((c) => c.direction === 'inbound')
			.forEach((c) => {
				injects.push({
					id: injectIds.take(`${i.id}-${c.subject}`, 'message'),
					phase: 'exercise',
					title: c.subject,
					channel: 'email',
					from: c.external_entity,
					...(audience.get(i.id) === 'all' ? {} : { to: audience.get(i.id) }),
					trigger:
						c.delay_after_release_seconds > 0
							? { after: id, delay: `${Math.max(1, Math.round(c.delay_after_release_seconds / 60))}m` }
							: { after: id },
					body: c.body
				});
				if (c.delay_after_release_seconds % 60 !== 0)
					notes.push({
						level: 'changed',
						item: c.subject,
						message: `its delay of ${c.delay_after_release_seconds} s is rounded to whole minutes of scenario time`
					});
			});
	}
	if (file.tags.length)
		notes.push({
			level: 'not-kept',
			item: 'tags',
			message: `the scenario format has no tags (${file.tags.join(', ')})`
		});
	notes.push({
		level: 'changed',
		item: 'phases',
		message: 'IcebergTTX has no phases: every inject is in one phase, which you can split in the studio'
	});
	const teamList = [...teams.values()];
	if (teamList.length === 0) teamList.push({ id: 'players', name: 'Players' });
	const summary = file.description?.trim() || `Imported from the IcebergTTX scenario "${file.title}".`;
	const scenario = {
		id: new IdPool().take(file.title, 'imported-scenario'),
		version: '0.1',
		title: file.title,
		summary,
		audience: teamList.map((t) => t.name).join(', '),
		duration: file.metadata.estimated_duration_minutes ?? 60,
		compression: 1,
		startsAt: `${options.today}T09:00`,
		teams: teamList,
		phases: [{ id: 'exercise', title: 'Exercise' }],
		injects,
		guide: {
			overview: summary,
			...(file.debrief_notes?.trim() ? { hotwash: [file.debrief_notes.trim()] } : {})
		}
	};
	const comment = [
		`Imported from the IcebergTTX scenario file "${options.fileName}"${file.metadata.author ? ` by ${file.metadata.author}` : ''} with Switchboard's studio.`,
		'Check the import report, then review the draft: it must validate before it can be published.'
	].join('\n');
	return {
		ok: true,
		yaml: scenarioYaml(scenario, comment),
		title: file.title,
		counts: { injects: injects.length, teams: teamList.length, phases: 1, decisions },
		notes
	};
}

/** The option links that close a loop when followed from the start inject (IcebergTTX refuses these too). */
function backEdges(injects: IcebergInject[], start: string): Set<string> {
	const next = new Map(
		injects.map((i) => [i.id, i.options.map((o) => o.next_inject_id).filter((n): n is string => !!n)])
	);
	const state = new Map<string, 'open' | 'done'>();
	const back = new Set<string>();
	const visit = (id: string) => {
		state.set(id, 'open');
		for (const n of next.get(id) ?? []) {
			if (state.get(n) === 'open') back.add(`${id}>${n}`);
			else if (!state.has(n) && next.has(n)) visit(n);
		}
		state.set(id, 'done');
	};
	visit(start);
	for (const i of injects) if (!state.has(i.id)) visit(i.id);
	return back;
}
