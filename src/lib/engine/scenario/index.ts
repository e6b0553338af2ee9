/**
 * Scenario files: parse YAML into the engine's Scenario, reporting every problem at once with file, line and path.
 */
import type { Scenario, ScenarioIssue } from '../types';
import { buildCatalog, type CheckContext } from './catalog';
import { checkDates } from './dates';
import { checkClocks } from './clocks';
import { checkTemplates } from './template-fields';
import { checkContent } from './decisions';
import { checkFlow } from './flow';
import { checkFrameworks } from './frameworks';
import { normalise } from './normalise';
import { checkMessages } from './messages';
import { checkReferences } from './references';
import { scenarioSchema } from './schema';
import { checkShape, type Finding } from './shape';
import { formatPath, readSource, type Path } from './source-map';

export { parseDeadline, parseDuration } from './durations';
export { templateVariables } from './templates';

/**
 * Parses and checks a scenario file; `scenario` is present only when there are no issues. `stored`: the copy
 * frozen into an exercise when it was created; writing rules added since (that do not change how a scenario
 * runs) are not applied to it, so an old exercise still opens and replays.
 */
export function parseScenario(
	text: string,
	file: string,
	options: { stored?: boolean } = {}
): { scenario?: Scenario; issues: ScenarioIssue[] } {
	const source = readSource(text);
	if (source.syntaxErrors.length > 0)
		return { issues: source.syntaxErrors.map(({ line, message }) => ({ file, line, path: '', message })) };
	if (source.value === null || source.value === undefined)
		return {
			issues: [
				{
					file,
					line: 1,
					path: '',
					message: 'the file is empty: a scenario needs id, title, teams, phases and injects'
				}
			]
		};

	const { findings, draft } = checkShape(source.value);
	const catalog = buildCatalog(draft, source.lineOf, findings);
	const ctx: CheckContext = {
		draft,
		catalog,
		lineOf: source.lineOf,
		report: (path, message, how) => {
			if (!(options.stored && how?.authoring)) findings.push({ path, message });
		}
	};
	const broken = checkReferences(ctx);
	checkContent(ctx);
	checkDates(ctx);
	checkFrameworks(ctx);
	checkClocks(ctx);
	checkMessages(ctx);
	checkTemplates(ctx);
	checkFlow(ctx, broken);

	const issues = dedupe(findings).map(({ path, message }) => ({
		file,
		line: source.lineOf(path),
		path: formatPath(path),
		message
	}));
	issues.sort((a, b) => a.line - b.line || a.path.localeCompare(b.path));
	if (issues.length > 0 || !draft.scenario) return { issues };
	return { scenario: normalise(draft.scenario), issues };
}

function dedupe(findings: Finding[]): Finding[] {
	const seen = new Set<string>();
	return findings.filter(({ path, message }) => {
		const key = `${formatPath(path as Path)}\n${message}`;
		return !seen.has(key) && Boolean(seen.add(key));
	});
}

/** One issue as a line of text: `salt-typhoon.yaml:142 injects[7].trigger.after: unknown inject "fbi-call"`. */
export function formatIssue(issue: ScenarioIssue): string {
	return issue.path
		? `${issue.file}:${issue.line} ${issue.path}: ${issue.message}`
		: `${issue.file}:${issue.line}: ${issue.message}`;
}

/** The JSON Schema of scenario files, published as scenarios/schema.json for editors. */
export function scenarioJsonSchema(): Record<string, unknown> {
	return {
		...scenarioSchema.toJSONSchema({ target: 'draft-07', io: 'input' }),
		title: 'Switchboard scenario'
	};
}
