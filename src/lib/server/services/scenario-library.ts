/**
 * The scenario library: published scenario versions in the database. The shipped `scenarios/` folder is imported
 * into it on start and whenever a file there changes (or on request): each valid file becomes a published
 * version, a file whose id another file or a studio scenario already has is refused with a message naming both,
 * and files with problems are listed with them. Parsed versions are cached by version id (they never change).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseScenario } from '$lib/engine/scenario';
import { fillScenario } from '$lib/engine/scenario-texts';
import { variableDefaults } from '$lib/engine/variables';
import type { FacilitatorGuide, Objective, Scenario, ScenarioIssue, TeamDef } from '$lib/engine/types';
import type { ScenarioOrigin, ScenarioVersionRecord, Store } from '../db/store';
import { StoreError } from '../db/store';
import { fault } from '../errors';

/** A library card. */
export interface ScenarioSummary {
	id: string;
	file: string;
	title: string;
	summary: string;
	durationMinutes: number;
	defaultCompression: number;
	teams: TeamDef[];
	phases: { id: string; title: string }[];
	objectives: Objective[];
	injectCount: number;
	decisionCount: number;
	issues: ScenarioIssue[];
	origin: ScenarioOrigin;
	/** The published version shown: its number, the scenario's own version label, who and when. */
	version: { id: string; number: number; label: string; publishedByName: string; publishedAt: number };
}

/** A scenario's page: the card plus the full scenario and its guide. */
export interface ScenarioDetail extends ScenarioSummary {
	scenario: Scenario | null;
	guide: FacilitatorGuide | null;
}

/** A file of the scenarios folder that is not in the library, and why. */
export interface LibraryProblem {
	file: string;
	issues: ScenarioIssue[];
}

/** What a folder import did. */
export interface LibraryImport {
	created: string[];
	updated: string[];
	unchanged: string[];
	problems: LibraryProblem[];
}

/** The hash stored with every version, so an unchanged file is not imported twice. */
export const sourceHash = (source: string) => createHash('sha256').update(source).digest('hex');

function detailOf(version: ScenarioVersionRecord, origin: ScenarioOrigin, file: string): ScenarioDetail {
	const { scenario: parsed, issues } = parseScenario(version.source, file);
	const s = issues.length === 0 ? parsed : undefined;
	// Cards and pages show the texts as an exercise with the default variable values would.
	const scenario = parsed && fillScenario(parsed, variableDefaults(parsed.variables));
	return {
		id: version.scenarioId,
		file,
		title: scenario?.title || version.title,
		summary: scenario?.summary ?? '',
		durationMinutes: scenario?.durationMinutes ?? 0,
		defaultCompression: scenario?.defaultCompression ?? 1,
		teams: scenario?.teams ?? [],
		phases: (scenario?.phases ?? []).map((p) => ({ id: p.id, title: p.title })),
		objectives: scenario?.objectives ?? [],
		injectCount: scenario?.injects.length ?? 0,
		decisionCount: scenario?.injects.filter((i) => i.decision).length ?? 0,
		issues,
		origin,
		version: {
			id: version.id,
			number: version.number,
			label: version.label,
			publishedByName: version.publishedByName,
			publishedAt: version.createdAt.getTime()
		},
		scenario: s ?? null,
		guide: (s && scenario?.guide) ?? null
	};
}

/** Published scenarios, and the import of the shipped folder into them. */
export class ScenarioLibrary {
	readonly #parsed = new Map<string, ScenarioDetail>();
	#problems: LibraryProblem[] = [];
	#signature = '';
	#syncing: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly store: Store,
		private readonly dir: string
	) {}

	/** Imports every YAML file of the folder (re-importing changed ones); files are read in name order. */
	async importFolder(): Promise<LibraryImport> {
		const result: LibraryImport = { created: [], updated: [], unchanged: [], problems: [] };
		const owners = new Map<string, string>();
		for (const name of await this.#files()) {
			const file = `scenarios/${name}`;
			const source = await readFile(path.join(this.dir, name), 'utf8');
			const { scenario, issues } = parseScenario(source, file);
			if (!scenario) {
				result.problems.push({ file, issues });
				continue;
			}
			const first = owners.get(scenario.id);
			if (first) {
				const message = `scenario id "${scenario.id}" is already used by ${first}`;
				result.problems.push({ file, issues: [{ file, line: 1, path: 'id', message }] });
				continue;
			}
			owners.set(scenario.id, file);
			try {
				const outcome = await this.store.scenarios.upsertLibrary({
					id: scenario.id,
					file: name,
					version: { source, sourceHash: sourceHash(source), title: scenario.title, label: scenario.version }
				});
				result[outcome].push(scenario.id);
			} catch (e) {
				if (!(e instanceof StoreError) || e.code !== 'scenario/id_taken') throw e;
				result.problems.push({ file, issues: [{ file, line: 1, path: 'id', message: e.message }] });
			}
		}
		this.#problems = result.problems;
		return result;
	}

	/** Files of the folder that could not be imported, with their problems. */
	async problems(): Promise<LibraryProblem[]> {
		await this.#sync();
		return this.#problems;
	}

	/** Every published scenario (its latest version), sorted by title. */
	async list(): Promise<ScenarioSummary[]> {
		await this.#sync();
		const rows = await this.store.scenarios.list();
		const cards: ScenarioSummary[] = [];
		for (const row of rows) {
			if (!row.latest) continue;
			const detail = await this.#detail(row.latest.id, row.origin, row.libraryFile);
			const { scenario: _s, guide: _g, ...summary } = detail;
			cards.push(summary);
		}
		return cards.sort((a, b) => a.title.localeCompare(b.title));
	}

	/** One scenario's latest published version (or version `number`); `scenario/not_found` when there is none. */
	async get(id: string, number?: number): Promise<ScenarioDetail> {
		await this.#sync();
		const [row, version] = await Promise.all([
			this.store.scenarios.get(id),
			this.store.scenarios.version(id, number)
		]);
		if (!row || !version)
			fault(
				'scenario/not_found',
				number === undefined
					? `There is no published scenario with id "${id}".`
					: `Scenario "${id}" has no version ${number}.`,
				404
			);
		return this.#detail(version.id, row.origin, row.libraryFile);
	}

	/** The exact version an exercise pinned, parsed; null when the exercise predates versions. */
	async pinned(versionId: string | null): Promise<ScenarioDetail | null> {
		if (!versionId) return null;
		const version = await this.store.scenarios.versionById(versionId);
		if (!version) return null;
		const row = await this.store.scenarios.get(version.scenarioId);
		return this.#detail(versionId, row?.origin ?? 'studio', row?.libraryFile ?? null, version);
	}

	/** The YAML text, parsed scenario and version id for creating an exercise; `scenario/invalid` with problems. */
	async forExercise(id: string): Promise<{ source: string; scenario: Scenario; versionId: string }> {
		const detail = await this.get(id);
		const version = await this.store.scenarios.versionById(detail.version.id);
		if (!detail.scenario || !version) {
			const first = detail.issues[0];
			fault(
				'scenario/invalid',
				`Scenario "${id}" has ${detail.issues.length} problem(s) and cannot be run` +
					(first ? `; first: ${first.file}:${first.line} ${first.path}: ${first.message}` : '.')
			);
		}
		return { source: version.source, scenario: detail.scenario, versionId: version.id };
	}

	async #detail(
		versionId: string,
		origin: ScenarioOrigin,
		libraryFile: string | null,
		known?: ScenarioVersionRecord
	): Promise<ScenarioDetail> {
		const cached = this.#parsed.get(versionId);
		if (cached) return cached;
		const version = known ?? (await this.store.scenarios.versionById(versionId));
		if (!version) fault('scenario/not_found', 'That scenario version does not exist.', 404);
		const file = libraryFile ? `scenarios/${libraryFile}` : `${version.scenarioId}.yaml`;
		const detail = detailOf(version, origin, file);
		this.#parsed.set(versionId, detail);
		return detail;
	}

	async #files(): Promise<string[]> {
		try {
			return (await readdir(this.dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
		} catch {
			return [];
		}
	}

	/** Imports the folder when a file was added, removed or changed since the last import; gives its problems. */
	async sync(): Promise<LibraryProblem[]> {
		await this.#sync();
		return this.#problems;
	}

	/** Re-imports the folder when a file was added, removed or changed since the last import (one at a time). */
	#sync(): Promise<unknown> {
		this.#syncing = this.#syncing
			.catch(() => undefined)
			.then(async () => {
				const names = await this.#files();
				const stamps = await Promise.all(
					names.map(async (n) => `${n}:${(await stat(path.join(this.dir, n))).mtimeMs}`)
				);
				const signature = stamps.join('|');
				if (signature === this.#signature) return;
				await this.importFolder();
				this.#signature = signature;
			});
		return this.#syncing;
	}
}
