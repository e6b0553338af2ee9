import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, parseScenario } from '$lib/engine/scenario';
import { byteLength, checkScenarioSource, estimateInjects } from './scenario-source';
import { MAX_INJECTS } from './limits';

const quickstart = readFileSync('scenarios/example-quickstart.yaml', 'utf8');

/** A valid scenario with `count` injects, written compactly (one flow map per inject). */
function withInjects(count: number): string {
	const head = quickstart.slice(0, quickstart.indexOf('\ninjects:'));
	const lines = Array.from(
		{ length: count },
		(_, i) => `  - { id: i${i}, phase: p1-detect, title: T${i}, channel: email, trigger: manual, body: b }`
	);
	return `${head}\ninjects:\n${lines.join('\n')}\n`;
}

describe('checkScenarioSource', () => {
	it('gives exactly the validator messages for a file within the limits', () => {
		const broken = quickstart.replace('channel: email', 'channel: emial');
		expect(checkScenarioSource(broken, 'x.yaml').issues.map(formatIssue)).toEqual(
			parseScenario(broken, 'x.yaml').issues.map(formatIssue)
		);
		expect(checkScenarioSource(quickstart, 'x.yaml').scenario?.id).toBe('example-quickstart');
	});

	it('refuses a YAML bomb (aliases expanding to millions of copies) quickly and says what it is', () => {
		let bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
		for (let i = 1; i < 10; i++) {
			const [name, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
			bomb += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
		}
		const { issues } = checkScenarioSource(bomb, 'bomb.yaml');
		expect(issues.map(formatIssue)).toEqual([
			'bomb.yaml:1: YAML aliases (*name) expand to too much data: at most 1000 copies are allowed, so write the content out instead'
		]);
	});

	it('refuses 10,000 injects before the validator walks them', () => {
		const big = withInjects(10_000);
		expect(estimateInjects(big)).toBe(10_000);
		expect(checkScenarioSource(big, 'big.yaml').issues.map(formatIssue)).toEqual([
			expect.stringMatching(/^big.yaml:1: the file is \d+ KB; a scenario may be at most 512 KB$/)
		]);
		const compact = withInjects(MAX_INJECTS + 1).replace(/, body: b \}/g, ', body: b}');
		expect(checkScenarioSource(compact, 'many.yaml').issues.map(formatIssue)).toEqual([
			'many.yaml:1: the file has about 1,001 injects; a scenario may have at most 1,000'
		]);
	});

	it('accepts the largest allowed number of injects', () => {
		expect(checkScenarioSource(withInjects(MAX_INJECTS), 'max.yaml').issues).toEqual([]);
	});

	it('counts bytes as UTF-8', () => {
		expect(byteLength('aé€😀')).toBe(1 + 2 + 3 + 4);
	});
});
