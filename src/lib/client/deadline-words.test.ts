import { describe, expect, it } from 'vitest';
import { answeredDeadlineText } from './deadline-words';

const HOUR = 3_600_000;

describe('the deadline of an answered decision', () => {
	it('is not spoken of in the past while it is ahead (observation: "Deadline was …" before the deadline)', () => {
		const text = answeredDeadlineText(5 * HOUR, 2 * HOUR, '2024-10-08T09:00');
		expect(text).not.toMatch(/was/);
		expect(text).toMatch(/^Deadline .+14:00, 3h 0?0m from now$/);
	});
	it('is in the past once it has passed', () => {
		expect(answeredDeadlineText(5 * HOUR, 6 * HOUR, '2024-10-08T09:00')).toMatch(/^Deadline was .+14:00$/);
	});
});
