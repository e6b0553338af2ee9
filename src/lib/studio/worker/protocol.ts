/**
 * Messages between the studio page and its worker. The worker holds the engine (parser, validator, views,
 * simulation), so checking a large scenario never blocks typing; the page holds the editor and the graph.
 */
import type { ScenarioIssue } from '$lib/engine/types';
import type { FlowModel } from '../graph/flow-graph';
import type { InjectPreview } from '../try/preview';
import type { SimulationOutcome } from '../try/simulation';

/** Ids defined in the draft, by kind, for completing references; options by decision id. */
export interface DraftCatalog {
	teams: { id: string; label: string }[];
	phases: { id: string; label: string }[];
	injects: { id: string; label: string }[];
	decisions: { id: string; label: string }[];
	clocks: { id: string; label: string }[];
	objectives: { id: string; label: string }[];
	sources: { id: string; label: string }[];
	options: Record<string, { id: string; label: string }[]>;
}

/** What the page asks. `seq` pairs an answer with its question. */
export type StudioRequest =
	| { type: 'check'; seq: number; scenarioId: string; source: string }
	| { type: 'preview'; seq: number; source: string; injectId: string; teamId: string }
	| { type: 'simulate'; seq: number; source: string; script: string }
	| { type: 'starter-script'; seq: number; source: string };

/** What the worker answers. */
export type StudioResponse =
	| {
			type: 'checked';
			seq: number;
			issues: ScenarioIssue[];
			graph: FlowModel;
			/** The file's content as written (null when it does not parse), for the form views. */
			raw: unknown;
			catalog: DraftCatalog;
			/** Milliseconds the check took, shown beside the problem count. */
			took: number;
	  }
	| { type: 'preview'; seq: number; preview: InjectPreview }
	| { type: 'progress'; seq: number; fraction: number }
	| { type: 'simulated'; seq: number; outcome: SimulationOutcome }
	| { type: 'starter-script'; seq: number; script: string | null }
	| { type: 'failed'; seq: number; message: string };
