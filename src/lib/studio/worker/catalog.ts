/** The ids a draft defines, read from the file as written (valid or not), for completing references. */
import type { DraftCatalog } from './protocol';

type Raw = Record<string, unknown>;
const isMap = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): Raw[] => (Array.isArray(v) ? v.filter(isMap) : []);
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function entries(list: Raw[], label: string): { id: string; label: string }[] {
	return list
		.filter((item) => text(item.id))
		.map((item) => ({ id: text(item.id), label: text(item[label]) }));
}

/** Every id by kind. */
export function draftCatalog(value: unknown): DraftCatalog {
	const root = isMap(value) ? value : {};
	const injects = items(root.injects);
	const decisions = injects.filter((i) => isMap(i.decision));
	const decisionId = (i: Raw) => text((i.decision as Raw).id) || text(i.id);
	return {
		teams: entries(items(root.teams), 'name'),
		phases: entries(items(root.phases), 'title'),
		injects: entries(injects, 'title'),
		decisions: decisions.map((i) => ({ id: decisionId(i), label: text((i.decision as Raw).prompt) })),
		clocks: entries(items(root.clocks), 'name'),
		objectives: entries(items(root.objectives), 'title'),
		sources: entries(items(root.sources), 'title'),
		options: Object.fromEntries(
			decisions.map((i) => [decisionId(i), entries(items((i.decision as Raw).options), 'label')])
		)
	};
}
