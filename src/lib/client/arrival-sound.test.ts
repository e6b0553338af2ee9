import { describe, expect, it } from 'vitest';
import { rememberSound, SOUND_KEY, soundWanted } from './arrival-sound';

function memoryStorage() {
	const map = new Map<string, string>();
	return {
		map,
		getItem: (k: string) => map.get(k) ?? null,
		setItem: (k: string, v: string) => void map.set(k, v)
	};
}

describe('the new-inject sound choice', () => {
	it('is off until the person turns it on, and remembered', () => {
		const storage = memoryStorage();
		expect(soundWanted(storage)).toBe(false);
		rememberSound(true, storage);
		expect(storage.map.get(SOUND_KEY)).toBe('on');
		expect(soundWanted(storage)).toBe(true);
		rememberSound(false, storage);
		expect(soundWanted(storage)).toBe(false);
	});

	it('stays off when storage is missing or refuses', () => {
		expect(soundWanted(undefined)).toBe(false);
		const refusing = {
			getItem: () => {
				throw new Error('denied');
			},
			setItem: () => {
				throw new Error('denied');
			}
		};
		expect(soundWanted(refusing)).toBe(false);
		expect(() => rememberSound(true, refusing)).not.toThrow();
	});
});
