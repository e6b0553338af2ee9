/**
 * The studio's worker: checks the draft with the project's validator (the CLI's messages), draws its flow,
 * previews injects and runs simulations, off the page's main thread.
 */
import { readSource } from '$lib/engine/scenario/source-map';
import { flowModel } from '../graph/flow-graph';
import { checkScenarioSource } from '../scenario-source';
import { previewInject } from '../try/preview';
import { simulate } from '../try/simulation';
import { bestAnswersScript } from '../try/starter-script';
import { draftCatalog } from './catalog';
import type { StudioRequest, StudioResponse } from './protocol';

const post = (message: StudioResponse) => (self as unknown as Worker).postMessage(message);

function scenarioOf(source: string) {
	const { scenario, issues } = checkScenarioSource(source, 'draft.yaml');
	if (!scenario) {
		const first = issues[0];
		throw new Error(
			`The draft has ${issues.length} problem${issues.length === 1 ? '' : 's'} to fix first` +
				(first ? ` (line ${first.line}: ${first.message}).` : '.')
		);
	}
	return scenario;
}

function handle(request: StudioRequest): void {
	const { seq } = request;
	switch (request.type) {
		case 'check': {
			const started = performance.now();
			const file = `${request.scenarioId}.yaml`;
			const { scenario, issues } = checkScenarioSource(request.source, file);
			const all =
				scenario && scenario.id !== request.scenarioId
					? [
							{
								file,
								line: 1,
								path: 'id',
								message: `the id must stay "${request.scenarioId}": duplicate the scenario to give it another id`
							},
							...issues
						]
					: issues;
			const source = readSource(request.source);
			const tooLarge = all.length === 1 && all[0].path === '' && /at most/.test(all[0].message);
			const value = source.syntaxErrors.length || tooLarge ? null : source.value;
			post({
				type: 'checked',
				seq,
				issues: all,
				graph:
					value === null
						? { nodes: [], edges: [], unreachable: 0, deadEdges: 0 }
						: flowModel(value, source.lineOf),
				raw: value,
				catalog: draftCatalog(value),
				took: Math.round(performance.now() - started)
			});
			return;
		}
		case 'preview':
			post({
				type: 'preview',
				seq,
				preview: previewInject(scenarioOf(request.source), request.injectId, request.teamId)
			});
			return;
		case 'starter-script': {
			const { scenario } = checkScenarioSource(request.source, 'draft.yaml');
			post({ type: 'starter-script', seq, script: scenario ? bestAnswersScript(scenario) : null });
			return;
		}
		case 'simulate': {
			const scenario = scenarioOf(request.source);
			const end = Math.max(1, scenario.durationMinutes * scenario.defaultCompression * 60_000);
			let last = -1;
			const outcome = simulate(scenario, request.script, {
				onProgress: (at) => {
					const fraction = Math.min(0.99, at / end);
					if (fraction - last >= 0.02) {
						last = fraction;
						post({ type: 'progress', seq, fraction });
					}
				}
			});
			post({ type: 'simulated', seq, outcome });
			return;
		}
	}
}

self.onmessage = (event: MessageEvent<StudioRequest>) => {
	try {
		handle(event.data);
	} catch (e) {
		post({ type: 'failed', seq: event.data.seq, message: e instanceof Error ? e.message : String(e) });
	}
};
