/**
 * An optional short tone when a new inject arrives: off unless the person turns it on, the choice kept per browser,
 * synthesised with the Web Audio API (no sound file to download).
 */

/** The localStorage key of the choice. */
export const SOUND_KEY = 'switchboard:sound';

type Store = Pick<Storage, 'getItem' | 'setItem'> | undefined;

/** Whether this browser asked for the tone (off by default, and when storage is unavailable). */
export function soundWanted(storage: Store = globalThis.localStorage): boolean {
	try {
		return storage?.getItem(SOUND_KEY) === 'on';
	} catch {
		return false;
	}
}

/** Remembers the choice for this browser. */
export function rememberSound(on: boolean, storage: Store = globalThis.localStorage): void {
	try {
		storage?.setItem(SOUND_KEY, on ? 'on' : 'off');
	} catch {
		// Disabled or full storage: the choice then lasts until the page is left.
	}
}

let context: AudioContext | undefined;

function audio(): AudioContext | undefined {
	if (typeof AudioContext === 'undefined') return undefined;
	context ??= new AudioContext();
	// Browsers start audio suspended until a gesture; turning the sound on is one, a reload is not.
	if (context.state === 'suspended') void context.resume().catch(() => {});
	return context;
}

/** Plays a two-note chime of about 0.4 s, quiet enough not to startle. */
export function playArrivalTone(): void {
	const ctx = audio();
	if (!ctx) return;
	const t = ctx.currentTime;
	const tone = ctx.createOscillator();
	const volume = ctx.createGain();
	tone.type = 'sine';
	tone.frequency.setValueAtTime(880, t);
	tone.frequency.setValueAtTime(1320, t + 0.15);
	volume.gain.setValueAtTime(0.0001, t);
	volume.gain.exponentialRampToValueAtTime(0.2, t + 0.02);
	volume.gain.exponentialRampToValueAtTime(0.0001, t + 0.4);
	tone.connect(volume).connect(ctx.destination);
	tone.start(t);
	tone.stop(t + 0.45);
}
