/**
 * Framework checks: objectives' NIST CSF 2.0 categories, HSEEP core capabilities and ATT&CK technique ids must
 * be real, taken from the reference lists in ./reference; ATT&CK ids written in any text must be current too,
 * and a scenario that cites ATT&CK says which release it was checked against (`attackVersion`).
 */
import type { CheckContext } from './catalog';
import { ATTACK_RETIRED, ATTACK_TECHNIQUES, ATTACK_VERSION } from './reference/attack';
import { CSF_CATEGORIES } from './reference/csf';
import { CORE_CAPABILITIES } from './reference/hseep';
import type { Path } from './source-map';
import { didYouMean } from './suggest';

const TECHNIQUE_ID = /\bT\d{4}(?:\.\d{3})?\b/g;

/** Why an ATT&CK id is not accepted, or null when it is in the verified table. */
export function attackIdProblem(id: string): string | null {
	if (ATTACK_TECHNIQUES[id]) return null;
	const retired = ATTACK_RETIRED[id];
	if (retired) {
		const use = retired.replacedBy.map((next) => {
			const name = ATTACK_TECHNIQUES[next]?.name;
			return name ? `"${next}" (${name})` : `"${next}"`;
		});
		return `${id} (${retired.name}) was retired in ATT&CK v${retired.since}: use ${use.join(' or ')}`;
	}
	const hint = didYouMean(id, Object.keys(ATTACK_TECHNIQUES));
	return `${id} is not in Switchboard's ATT&CK v${ATTACK_VERSION} table${hint}; if it is right, check it on attack.mitre.org and add it to src/lib/engine/scenario/reference/attack.ts`;
}

/** Reports unknown CSF categories, HSEEP capabilities and ATT&CK ids, and a missing or stale attackVersion. */
export function checkFrameworks(ctx: CheckContext): void {
	let citesAttack = false;
	ctx.draft.objectives.forEach((objective, i) => {
		if (!objective) return;
		const at: Path = ['objectives', i];
		objective.csf.forEach((category, j) => {
			if (CSF_CATEGORIES[category]) return;
			const fn = category.split('.')[0];
			const same = Object.keys(CSF_CATEGORIES).filter((id) => id.startsWith(`${fn}.`));
			const hint = same.length
				? ` (the ${fn} categories are ${same.join(', ')})`
				: didYouMean(category, Object.keys(CSF_CATEGORIES));
			ctx.report([...at, 'csf', j], `"${category}" is not a NIST CSF 2.0 category${hint}`);
		});
		objective.hseep.forEach((capability, j) => {
			if (CORE_CAPABILITIES[capability]) return;
			const hint = didYouMean(capability, Object.keys(CORE_CAPABILITIES));
			ctx.report(
				[...at, 'hseep', j],
				`"${capability}" is not one of the 32 core capabilities of the National Preparedness Goal${hint || ' (the list, with its source, is in src/lib/engine/scenario/reference/hseep.ts)'}`
			);
		});
		objective.attack.forEach((id, j) => {
			citesAttack = true;
			const problem = attackIdProblem(id);
			if (problem) ctx.report([...at, 'attack', j], problem);
		});
	});
	citesAttack = checkTextIds(ctx, ctx.draft.value, []) || citesAttack;
	checkAttackVersion(ctx, citesAttack);
}

/** Checks ATT&CK ids written in text (notes, rationales, bodies); returns whether any was found. */
function checkTextIds(ctx: CheckContext, value: unknown, path: Path): boolean {
	if (typeof value === 'string') {
		const ids = [...new Set(value.match(TECHNIQUE_ID) ?? [])];
		const problems = ids.flatMap((id) => {
			const problem = attackIdProblem(id);
			return problem ? [problem] : [];
		});
		if (problems.length) ctx.report(path, `in this text, ${problems.join('; ')}`);
		return ids.length > 0;
	}
	let found = false;
	if (Array.isArray(value))
		value.forEach((item, i) => (found = checkTextIds(ctx, item, [...path, i]) || found));
	else if (typeof value === 'object' && value !== null)
		for (const [key, inner] of Object.entries(value)) {
			// Objectives' attack lists are checked item by item above.
			if (key === 'attack' && path.length === 2 && path[0] === 'objectives') continue;
			found = checkTextIds(ctx, inner, [...path, key]) || found;
		}
	return found;
}

function checkAttackVersion(ctx: CheckContext, citesAttack: boolean): void {
	const version = ctx.draft.scenario?.attackVersion ?? readAttackVersion(ctx.draft.value);
	if (version === undefined) {
		if (citesAttack)
			ctx.report(
				['attackVersion'],
				`the scenario cites ATT&CK ids but does not say which ATT&CK release they were checked against: add attackVersion: "${ATTACK_VERSION}" at the top level`
			);
		return;
	}
	if (typeof version === 'string' && version.split('.')[0] !== ATTACK_VERSION)
		ctx.report(
			['attackVersion'],
			`the scenario was checked against ATT&CK v${version}, but the validator's table is ATT&CK v${ATTACK_VERSION}: re-check its ids (see src/lib/engine/scenario/reference/README.md) and set attackVersion: "${ATTACK_VERSION}"`
		);
}

function readAttackVersion(value: unknown): unknown {
	return typeof value === 'object' && value !== null && 'attackVersion' in value
		? (value as { attackVersion: unknown }).attackVersion
		: undefined;
}
