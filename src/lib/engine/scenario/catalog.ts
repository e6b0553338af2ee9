/**
 * The ids a scenario defines, gathered once for the reference and flow checks; duplicate ids are reported here.
 */
import type { RawClock, RawDecision, RawInject } from './schema';
import type { Draft, Finding } from './shape';
import type { Path } from './source-map';

/** Where a decision lives. */
export interface DecisionEntry {
	id: string;
	decision: RawDecision;
	inject: RawInject;
	injectIndex: number;
	/** Path of the decision block. */
	path: Path;
}

/** Ids defined in the scenario, first definition wins. */
export interface Catalog {
	teams: Map<string, number>;
	phases: Map<string, number>;
	objectives: Map<string, number>;
	sources: Map<string, number>;
	injects: Map<string, { inject: RawInject; index: number }>;
	clocks: Map<string, { clock: RawClock; index: number }>;
	decisions: Map<string, DecisionEntry>;
	/** All team ids, for audience "all". */
	teamIds: string[];
}

/** What the checks share: the draft, the catalog, line lookup and the findings list. */
export interface CheckContext {
	draft: Draft;
	catalog: Catalog;
	lineOf(path: Path): number;
	/** `authoring`: a rule for writing scenarios that does not change how one runs (see parseScenario's `stored`). */
	report(path: Path, message: string, options?: { authoring?: boolean }): void;
}

/** Builds the catalog, reporting every id defined twice. */
export function buildCatalog(draft: Draft, lineOf: (path: Path) => number, findings: Finding[]): Catalog {
	const report = (path: Path, message: string) => findings.push({ path, message });
	const register = <T>(
		map: Map<string, T>,
		id: string,
		value: T,
		path: Path,
		what: string,
		firstPath: (first: T) => Path
	) => {
		const first = map.get(id);
		if (first === undefined) map.set(id, value);
		else report(path, `duplicate ${what} id "${id}": already defined on line ${lineOf(firstPath(first))}`);
	};
	const simple = (key: 'teams' | 'phases' | 'objectives' | 'sources', what: string) => {
		const map = new Map<string, number>();
		draft[key].forEach((item, index) => {
			if (item) register(map, item.id, index, [key, index, 'id'], what, (first) => [key, first, 'id']);
		});
		return map;
	};
	const catalog: Catalog = {
		teams: simple('teams', 'team'),
		phases: simple('phases', 'phase'),
		objectives: simple('objectives', 'objective'),
		sources: simple('sources', 'source'),
		injects: new Map(),
		clocks: new Map(),
		decisions: new Map(),
		teamIds: []
	};
	catalog.teamIds = [...catalog.teams.keys()];
	draft.clocks.forEach((clock, index) => {
		if (clock)
			register(catalog.clocks, clock.id, { clock, index }, ['clocks', index, 'id'], 'clock', (f) => [
				'clocks',
				f.index,
				'id'
			]);
	});
	draft.injects.forEach((inject, index) => {
		if (!inject) return;
		register(catalog.injects, inject.id, { inject, index }, ['injects', index, 'id'], 'inject', (f) => [
			'injects',
			f.index,
			'id'
		]);
		const decision = inject.decision;
		if (!decision) return;
		const path: Path = ['injects', index, 'decision'];
		const id = decision.id ?? inject.id;
		const idPath = decision.id ? [...path, 'id'] : ['injects', index, 'id'];
		const entry: DecisionEntry = { id, decision, inject, injectIndex: index, path };
		const first = catalog.decisions.get(id);
		if (!first) catalog.decisions.set(id, entry);
		else {
			const implicit = decision.id ? '' : ' (a decision without an id takes its inject id)';
			report(
				idPath,
				`duplicate decision id "${id}"${implicit}: already used by the decision on line ${lineOf(first.path)}`
			);
		}
		const unique = (key: 'options' | 'rubric', what: string) => {
			const seen = new Map<string, number>();
			decision[key].forEach((item, i) => {
				const earlier = seen.get(item.id);
				if (earlier === undefined) seen.set(item.id, i);
				else
					report(
						[...path, key, i, 'id'],
						`duplicate ${what} id "${item.id}": already defined on line ${lineOf([...path, key, earlier, 'id'])}`
					);
			});
		};
		unique('options', 'option');
		unique('rubric', 'rubric criterion');
	});
	return catalog;
}

/** The teams an inject is addressed to. */
export function audienceOf(inject: RawInject, catalog: Catalog): string[] {
	return inject.to === 'all' ? catalog.teamIds : inject.to;
}
