import { describe, expect, it } from 'vitest';
import { compressionChoices, describeCompression } from './compression';

describe('describeCompression', () => {
	it('keeps the written duration at the default compression', () => {
		expect(describeCompression(30, 180, 30)).toBe('1 minute = 30 scenario minutes; about 180 minutes in all');
	});
	it('shortens the exercise when time runs faster', () => {
		expect(describeCompression(60, 180, 30)).toBe('1 minute = 60 scenario minutes; about 90 minutes in all');
	});
	it('calls a compression of 1 real time', () => {
		expect(describeCompression(1, 10, 6)).toBe(
			'real time (1 minute = 1 scenario minute); about 60 minutes in all'
		);
	});
});

describe('compressionChoices', () => {
	it('includes an unusual scenario default in sorted order', () => {
		expect(compressionChoices(25)).toContain(25);
		expect(compressionChoices(25).indexOf(25)).toBe(compressionChoices(25).indexOf(20) + 1);
	});
});
