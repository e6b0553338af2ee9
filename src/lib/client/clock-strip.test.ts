import { describe, expect, it } from 'vitest';
import { clockStripSummary, nextDeadline } from './clock-strip';

const H = 3_600_000;
const cpni = {
	name: 'CPNI breach report',
	status: 'running',
	kind: 'deadline',
	deadlineAt: 7 * 24 * H
} as const;
const sec = { name: 'SEC 8-K', status: 'running', kind: 'deadline', deadlineAt: 96 * H } as const;
const hold = { name: 'Law-enforcement hold', status: 'running', kind: 'hold', deadlineAt: 2 * H } as const;
const idle = { name: 'GDPR 72 h', status: 'idle', kind: 'deadline' } as const;

describe('nextDeadline', () => {
	it('is the running deadline due first, never a hold', () => {
		expect(nextDeadline([cpni, hold, sec, idle])?.name).toBe('SEC 8-K');
		expect(nextDeadline([hold, idle])).toBeUndefined();
	});
});

describe('clockStripSummary', () => {
	it('says how many run and what is due next, with the time left', () => {
		expect(clockStripSummary([cpni, sec, hold, idle], 24 * H)).toEqual({
			text: '3 running · next: SEC 8-K, 3d left',
			tone: 'running'
		});
	});

	it('says when no clock has started', () => {
		expect(clockStripSummary([], 0)).toEqual({ text: 'No clock started yet', tone: 'calm' });
		expect(clockStripSummary([idle], 0)).toEqual({ text: '1 clock, none running', tone: 'calm' });
	});

	it('turns urgent when a clock was missed or breached, and says a reached deadline plainly', () => {
		const missed = { ...sec, status: 'missed' } as const;
		expect(clockStripSummary([missed, cpni], 200 * H)).toEqual({
			text: '1 running · 1 missed or breached · CPNI breach report: deadline reached',
			tone: 'danger'
		});
	});
});
