/**
 * The studio's drafts: create one (duplicate a published scenario, upload YAML, import an MSEL or IcebergTTX
 * file), save it revision by revision, publish it as the next version once it validates, discard it, export it.
 * A draft is saved whole or not at all; only a draft that passes the project's validator can be published.
 */
import { checkScenarioSource, estimateInjects } from '$lib/studio/scenario-source';
import { formatBytes, MAX_INJECTS, MAX_SCENARIO_BYTES } from '$lib/studio/limits';
import type { ImportNote, ImportResult } from '$lib/studio/import/report';
import { slug } from '$lib/studio/import/ids';
import { getIn, setIn } from '$lib/studio/yaml-edit';
import { readSource } from '$lib/engine/scenario/source-map';
import type { ScenarioIssue } from '$lib/engine/types';
import type { ScenarioDraftRecord, ScenarioRecord, ScenarioVersionSummary, Store } from '../db/store';
import { StoreError } from '../db/store';
import { fault } from '../errors';
import { m } from '$lib/paraglide/messages';
import { bytesText } from '$lib/studio/import/words';
import { formatNumber } from '$lib/locale-format';
import { missingRoleMessage } from '../auth/roles';
import { canAuthor, canDraft, canEditDraft, DRAFT_ROLES } from './scenario-access';
import { sourceHash, type ScenarioLibrary } from './scenario-library';
import type { Facilitator } from './sessions';

/** A draft as the editor opens it. */
export interface DraftView {
	id: string;
	title: string;
	origin: ScenarioRecord['origin'];
	source: string;
	revision: number;
	basedOn: number | null;
	updatedAt: number;
	updatedByName: string | null;
	importNotes: ImportNote[];
	canPublish: boolean;
	versions: ScenarioVersionSummary[];
}

/** A draft in the studio's list. */
export interface DraftListing {
	id: string;
	title: string;
	revision: number;
	updatedAt: number;
	basedOn: number | null;
	published: boolean;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Drafts and publishing. */
export class ScenarioStudio {
	constructor(
		private readonly store: Store,
		private readonly library: ScenarioLibrary
	) {}

	/** Drafts this account may edit, newest first. */
	async drafts(user: Facilitator): Promise<DraftListing[]> {
		const rows = await this.store.scenarios.list();
		return rows
			.filter((row) => row.draft && canEditDraft(user, row))
			.map((row) => ({
				id: row.id,
				title: row.title,
				revision: row.draft!.revision,
				updatedAt: row.draft!.updatedAt.getTime(),
				basedOn: row.latest?.number ?? null,
				published: row.latest !== null
			}))
			.sort((a, b) => b.updatedAt - a.updatedAt);
	}

	/** The draft of a scenario this account may edit; `draft/not_found` when it has none. */
	async open(user: Facilitator, id: string): Promise<DraftView> {
		const scenario = await this.#editable(user, id);
		const draft = await this.store.scenarios.draft(id);
		if (!draft)
			fault('draft/not_found', `"${scenario.title}" has no draft. Start one from the scenario's page.`, 404);
		return this.#view(user, scenario, draft);
	}

	/** Starts a draft of a published studio scenario from its latest version (library scenarios are duplicated). */
	async startEditing(user: Facilitator, id: string): Promise<void> {
		const scenario = await this.#editable(user, id);
		if (scenario.origin === 'library')
			fault(
				'scenario/read_only',
				`"${scenario.title}" is a shipped scenario: its file in scenarios/ is its source. Duplicate it to adapt it.`,
				403
			);
		if (await this.store.scenarios.draft(id)) return;
		await this.#stored(() => this.store.scenarios.startDraft(id, user.userId));
	}

	/** Copies the latest version of a published scenario into a new draft owned by this account. */
	async duplicate(
		user: Facilitator,
		id: string,
		wanted: { id?: string; title?: string } = {}
	): Promise<string> {
		this.#mayDraft(user);
		const original = await this.library.get(id);
		const version = await this.store.scenarios.version(id, original.version.number);
		if (!version) fault('scenario/not_found', `There is no published scenario with id "${id}".`, 404);
		const newId = wanted.id?.trim() ? this.#checkId(wanted.id.trim()) : await this.#freeId(`${id}-copy`);
		const title = wanted.title?.trim() || `${original.title} (copy)`;
		let source = setIn(version.source, ['id'], newId);
		source = setIn(source, ['title'], title);
		await this.#stored(() =>
			this.store.scenarios.createWithDraft({ id: newId, title, ownerId: user.userId, source })
		);
		return newId;
	}

	/** A new draft from an uploaded YAML file; the file's own id is kept and must be free. */
	async createFromYaml(user: Facilitator, fileName: string, text: string): Promise<string> {
		this.#mayDraft(user);
		const injects = estimateInjects(text);
		if (injects > MAX_INJECTS)
			fault(
				'upload/too_large',
				`The file has about ${injects.toLocaleString('en')} injects; a scenario may have at most ${MAX_INJECTS.toLocaleString('en')}.`
			);
		const size = new TextEncoder().encode(text).length;
		if (size > MAX_SCENARIO_BYTES)
			fault(
				'upload/too_large',
				`The file is ${formatBytes(size)}; a scenario may be at most ${formatBytes(MAX_SCENARIO_BYTES)}.`
			);
		const read = readSource(text);
		const syntax = read.syntaxErrors[0];
		if (syntax)
			fault(
				'upload/invalid',
				`The file cannot be read: line ${syntax.line}: ${syntax.message}. Fix it and upload it again.`
			);
		const listed = (read.value as { injects?: unknown } | null)?.injects;
		if (Array.isArray(listed) && listed.length > MAX_INJECTS)
			fault(
				'upload/too_large',
				`The file has ${listed.length.toLocaleString('en')} injects; a scenario may have at most ${MAX_INJECTS.toLocaleString('en')}.`
			);
		const written = getIn(text, ['id']);
		const fromName = slug(fileName.replace(/\.ya?ml$/i, ''), 'scenario');
		const id = typeof written === 'string' && ID.test(written) ? written : fromName;
		if (typeof written === 'string' && !ID.test(written))
			fault(
				'upload/invalid',
				`The file's id "${written}" is not kebab-case (for example my-scenario); change it and upload again.`
			);
		const titleValue = getIn(text, ['title']);
		const title = typeof titleValue === 'string' && titleValue.trim() ? titleValue.trim() : fromName;
		await this.#stored(() =>
			this.store.scenarios.createWithDraft({ id, title, ownerId: user.userId, source: text })
		);
		return id;
	}

	/** A new draft from an importer's result, with its notes kept beside it; the id gets -2, -3... if taken. */
	async createFromImport(user: Facilitator, result: Extract<ImportResult, { ok: true }>): Promise<string> {
		this.#mayDraft(user);
		const base = String(getIn(result.yaml, ['id']) ?? 'imported-scenario');
		const id = await this.#freeId(base);
		const source = id === base ? result.yaml : setIn(result.yaml, ['id'], id);
		await this.#stored(() =>
			this.store.scenarios.createWithDraft({
				id,
				title: result.title,
				ownerId: user.userId,
				source,
				importNotes: result.notes
			})
		);
		return id;
	}

	/** Saves the draft over `revision`; gives the new revision and the validator's issues (saving never needs it clean). */
	async save(
		user: Facilitator,
		id: string,
		source: string,
		revision: number
	): Promise<{ revision: number; issues: ScenarioIssue[] }> {
		const scenario = await this.#editable(user, id);
		const size = new TextEncoder().encode(source).length;
		if (size > MAX_SCENARIO_BYTES)
			fault(
				'draft/too_large',
				m.editor_refusal_too_large({ size: bytesText(size), max: bytesText(MAX_SCENARIO_BYTES) })
			);
		const titleValue = getIn(source, ['title']);
		const title = typeof titleValue === 'string' && titleValue.trim() ? titleValue.trim() : scenario.title;
		const saved = await this.#stored(() =>
			this.store.scenarios.saveDraft({ scenarioId: id, source, title, revision, by: user.userId })
		);
		return { revision: saved.revision, issues: this.check(id, source) };
	}

	/** The validator's issues for a draft of scenario `id`, plus the one rule of the studio: the id stays. */
	check(id: string, source: string): ScenarioIssue[] {
		const { scenario, issues } = checkScenarioSource(source, `${id}.yaml`);
		if (scenario && scenario.id !== id)
			return [
				{
					file: `${id}.yaml`,
					line: 1,
					path: 'id',
					message: `the id must stay "${id}": duplicate the scenario to give it another id`
				}
			];
		return issues;
	}

	/** Publishes the draft at `revision` as the next version; refused while it has problems or without a note. */
	async publish(user: Facilitator, id: string, revision: number, note: string): Promise<number> {
		const scenario = await this.#editable(user, id);
		if (!canAuthor(user)) fault('scenario/forbidden', m.editor_refusal_author_role(), 403);
		const draft = await this.store.scenarios.draft(id);
		if (!draft) fault('draft/not_found', m.editor_refusal_no_draft({ title: scenario.title }), 404);
		const text = note.trim();
		if (!text) fault('form/invalid', m.editor_refusal_note_missing());
		if (text.length > 2000) fault('form/invalid', m.editor_refusal_note_long());
		const issues = this.check(id, draft.source);
		if (issues.length)
			fault(
				'scenario/invalid',
				(issues.length === 1 ? m.editor_refusal_invalid_one : m.editor_refusal_invalid_many)({
					count: formatNumber(issues.length),
					line: String(issues[0].line),
					path: issues[0].path || m.editor_refusal_file(),
					message: issues[0].message
				})
			);
		const { scenario: parsed } = checkScenarioSource(draft.source, `${id}.yaml`);
		const version = await this.#stored(() =>
			this.store.scenarios.publishDraft(id, revision, {
				source: draft.source,
				sourceHash: sourceHash(draft.source),
				title: parsed!.title,
				label: parsed!.version,
				note: text,
				publishedBy: user.userId,
				publishedByName: user.name
			})
		);
		return version.number;
	}

	/** Drops the draft (and the scenario, if it was never published). */
	async discard(user: Facilitator, id: string): Promise<{ scenarioRemains: boolean }> {
		await this.#editable(user, id);
		await this.store.scenarios.discardDraft(id);
		return { scenarioRemains: (await this.store.scenarios.get(id)) !== null };
	}

	/** A published version's YAML exactly as published (`number` omitted: the latest). */
	async exportVersion(id: string, number?: number): Promise<{ fileName: string; source: string }> {
		const version = await this.store.scenarios.version(id, number);
		if (!version)
			fault(
				'scenario/not_found',
				`Scenario "${id}" has no published version${number ? ` ${number}` : ''}.`,
				404
			);
		return { fileName: `${id}-v${version.number}.yaml`, source: version.source };
	}

	/** The draft's YAML as saved. */
	async exportDraft(user: Facilitator, id: string): Promise<{ fileName: string; source: string }> {
		const view = await this.open(user, id);
		return { fileName: `${id}-draft.yaml`, source: view.source };
	}

	async #editable(user: Facilitator, id: string): Promise<ScenarioRecord> {
		await this.library.sync();
		const scenario = await this.store.scenarios.get(id);
		if (!scenario || !canEditDraft(user, scenario))
			fault('scenario/not_found', `There is no scenario with id "${id}" you can edit.`, 404);
		return scenario;
	}

	async #view(user: Facilitator, scenario: ScenarioRecord, draft: ScenarioDraftRecord): Promise<DraftView> {
		const editor = draft.updatedBy ? await this.store.users.byId(draft.updatedBy) : null;
		return {
			id: scenario.id,
			title: scenario.title,
			origin: scenario.origin,
			source: draft.source,
			revision: draft.revision,
			basedOn: draft.basedOn,
			updatedAt: draft.updatedAt.getTime(),
			updatedByName: editor?.displayName ?? null,
			importNotes: draft.importNotes ?? [],
			canPublish: canAuthor(user),
			versions: await this.store.scenarios.versions(scenario.id)
		};
	}

	#mayDraft(user: Facilitator): void {
		if (!canDraft(user)) fault('scenario/forbidden', missingRoleMessage(DRAFT_ROLES), 403);
	}

	#checkId(id: string): string {
		if (!ID.test(id))
			fault(
				'form/invalid',
				'Use lower-case letters, digits and dashes for the id (for example acme-salt-typhoon).'
			);
		return id;
	}

	async #freeId(base: string): Promise<string> {
		for (let n = 1; n < 1000; n++) {
			const id = n === 1 ? base : `${base}-${n}`;
			if (!(await this.store.scenarios.get(id))) return id;
		}
		fault('scenario/id_taken', `Every id from "${base}" to "${base}-999" is taken; choose another id.`);
	}

	/** Runs a store call, turning its refusals into service errors with the store's message. */
	async #stored<T>(call: () => Promise<T>): Promise<T> {
		try {
			return await call();
		} catch (e) {
			if (e instanceof StoreError) {
				const status = e.code.endsWith('not_found') ? 404 : e.code === 'draft/conflict' ? 409 : 400;
				fault(e.code, e.message, status);
			}
			throw e;
		}
	}
}
