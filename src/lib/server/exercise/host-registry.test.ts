import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../errors';
import { manualClock, TEST_SCENARIOS } from '../testing/harness';
import { HostRegistry } from './host-registry';

const source = readFileSync(path.join(TEST_SCENARIOS, 'server-drill.yaml'), 'utf8');
const config = { exerciseId: 'ex-1', teams: ['soc'], compression: 60, variables: {} };

function gatedRegistry() {
	let open!: () => void;
	const opened = new Promise<void>((r) => (open = r));
	const registry = new HostRegistry({
		store: {
			appendInput: async () => ({ duplicate: false }),
			inputsAfter: async () => [],
			inputByKey: async () => null,
			saveSnapshot: async () => {},
			latestSnapshot: async () => null,
			setLifecycle: async () => {}
		},
		now: manualClock().now,
		loadExercise: async () => (await opened, { scenarioSource: source, config }),
		runningExerciseIds: async () => ['ex-1']
	});
	return { registry, open };
}

describe('HostRegistry', () => {
	it('answers exercise/restoring while a restore is still running, then the host once it is done', async () => {
		const { registry, open } = gatedRegistry();
		const resumed = registry.resumeAll();
		const refused = await registry.ready('ex-1', 0).catch((e) => e);
		expect(refused).toBeInstanceOf(ServiceError);
		expect(refused.code).toBe('exercise/restoring');
		expect(refused.status).toBe(503);
		open();
		expect(await resumed).toBe(1);
		expect((await registry.ready('ex-1', 0)).exerciseId).toBe('ex-1');
		await registry.close();
	});
});
