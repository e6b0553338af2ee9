/**
 * The studio's gate for scenario YAML: the engine's own validator (parseScenario, the same messages as the CLI),
 * behind the size and inject limits, so neither the server nor the editor's checker ever works on something huge.
 */
import { parseScenario } from '$lib/engine/scenario';
import type { Scenario, ScenarioIssue } from '$lib/engine/types';
import { formatBytes, MAX_INJECTS, MAX_SCENARIO_BYTES } from './limits';

/** What checking a scenario text gives: the scenario when it validates, and every problem otherwise. */
export interface SourceCheck {
	scenario?: Scenario;
	issues: ScenarioIssue[];
}

/** UTF-8 size of a text, without allocating its bytes. */
export function byteLength(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x80) bytes += 1;
		else if (code < 0x800) bytes += 2;
		else if (code >= 0xd800 && code <= 0xdbff) {
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}

/**
 * A quick upper estimate of the injects in a block-style file: the list items at the indent of the first item
 * under a top-level `injects:`. It runs before the validator so that a file with tens of thousands of injects is
 * refused before any check walks them.
 */
export function estimateInjects(text: string): number {
	const lines = text.split('\n');
	const start = lines.findIndex((line) => /^injects\s*:/.test(line));
	if (start < 0) return 0;
	let indent: string | null = null;
	let count = 0;
	for (const line of lines.slice(start + 1)) {
		if (/^[^\s#]/.test(line)) break;
		const item = /^(\s*)-(\s|$)/.exec(line);
		if (!item) continue;
		indent ??= item[1];
		if (item[1] === indent) count++;
	}
	return count;
}

function tooMuch(file: string, message: string): SourceCheck {
	return { issues: [{ file, line: 1, path: '', message }] };
}

/** Checks scenario YAML within the studio's limits; the issues are the validator's, word for word. */
export function checkScenarioSource(text: string, file: string): SourceCheck {
	const bytes = byteLength(text);
	if (bytes > MAX_SCENARIO_BYTES)
		return tooMuch(
			file,
			`the file is ${formatBytes(bytes)}; a scenario may be at most ${formatBytes(MAX_SCENARIO_BYTES)}`
		);
	const estimate = estimateInjects(text);
	if (estimate > MAX_INJECTS)
		return tooMuch(
			file,
			`the file has about ${estimate.toLocaleString('en')} injects; a scenario may have at most ${MAX_INJECTS.toLocaleString('en')}`
		);
	const result = parseScenario(text, file);
	const injects = result.scenario?.injects.length ?? 0;
	if (injects > MAX_INJECTS)
		return tooMuch(
			file,
			`the file has ${injects.toLocaleString('en')} injects; a scenario may have at most ${MAX_INJECTS.toLocaleString('en')}`
		);
	return result;
}
