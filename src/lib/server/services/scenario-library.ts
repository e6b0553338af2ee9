/**
 * The scenario library: every `*.yaml` in the scenarios folder, parsed and cached by modification time. Files
 * that do not parse are listed with their problems so an author can see what to fix.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseScenario } from '$lib/engine/scenario';
import type { FacilitatorGuide, Objective, Scenario, ScenarioIssue, TeamDef } from '$lib/engine/types';
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
}

/** A scenario's page: the card plus the full scenario and its guide. */
export interface ScenarioDetail extends ScenarioSummary {
	scenario: Scenario | null;
	guide: FacilitatorGuide | null;
}

interface Entry {
	mtimeMs: number;
	source: string;
	detail: ScenarioDetail;
}

function detailOf(file: string, source: string): ScenarioDetail {
	const { scenario, issues } = parseScenario(source, file);
	const fallbackId = path.basename(file).replace(/\.ya?ml$/i, '');
	const s = issues.length === 0 ? scenario : undefined;
	return {
		id: scenario?.id ?? fallbackId,
		file,
		title: scenario?.title || fallbackId,
		summary: scenario?.summary ?? '',
		durationMinutes: scenario?.durationMinutes ?? 0,
		defaultCompression: scenario?.defaultCompression ?? 1,
		teams: scenario?.teams ?? [],
		phases: (scenario?.phases ?? []).map((p) => ({ id: p.id, title: p.title })),
		objectives: scenario?.objectives ?? [],
		injectCount: scenario?.injects.length ?? 0,
		decisionCount: scenario?.injects.filter((i) => i.decision).length ?? 0,
		issues,
		scenario: s ?? null,
		guide: s?.guide ?? null
	};
}

/** Reads and caches the scenarios folder. */
export class ScenarioLibrary {
	readonly #cache = new Map<string, Entry>();

	constructor(private readonly dir: string) {}

	async #load(): Promise<Entry[]> {
		let names: string[];
		try {
			names = (await readdir(this.dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
		} catch {
			return [];
		}
		const entries: Entry[] = [];
		for (const name of names) {
			const full = path.join(this.dir, name);
			const { mtimeMs } = await stat(full);
			let entry = this.#cache.get(full);
			if (!entry || entry.mtimeMs !== mtimeMs) {
				const source = await readFile(full, 'utf8');
				entry = { mtimeMs, source, detail: detailOf(`scenarios/${name}`, source) };
				this.#cache.set(full, entry);
			}
			entries.push(entry);
		}
		return entries;
	}

	/** Every scenario file, valid or not, sorted by title. */
	async list(): Promise<ScenarioSummary[]> {
		const entries = await this.#load();
		return entries
			.map(({ detail }) => {
				const { scenario: _s, guide: _g, ...summary } = detail;
				return summary;
			})
			.sort((a, b) => a.title.localeCompare(b.title));
	}

	/** One scenario by id; `scenario/not_found` when no file has it. */
	async get(id: string): Promise<ScenarioDetail> {
		return (await this.#find(id)).detail;
	}

	/** The YAML text and parsed scenario for creating an exercise; `scenario/invalid` when it has problems. */
	async forExercise(id: string): Promise<{ source: string; scenario: Scenario }> {
		const entry = await this.#find(id);
		if (!entry.detail.scenario) {
			const first = entry.detail.issues[0];
			fault(
				'scenario/invalid',
				`Scenario "${id}" has ${entry.detail.issues.length} problem(s) and cannot be run` +
					(first ? `; first: ${first.file}:${first.line} ${first.path}: ${first.message}` : '.')
			);
		}
		return { source: entry.source, scenario: entry.detail.scenario };
	}

	async #find(id: string): Promise<Entry> {
		const entry = (await this.#load()).find((e) => e.detail.id === id);
		if (!entry) fault('scenario/not_found', `There is no scenario with id "${id}" in the library.`, 404);
		return entry;
	}
}
