/**
 * Light and dark themes: the person's choice ("device" follows the browser's prefers-color-scheme) is kept in
 * localStorage and shown as <html data-theme="light|dark">. The inline script in src/app.html applies the same
 * rule before the first paint, so a page never flashes the other theme; keep the two in step.
 */
export type ThemeChoice = 'device' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'switchboard-theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** A stored value as a choice; anything unknown (or nothing) means "follow the device". */
export function parseChoice(value: string | null | undefined): ThemeChoice {
	return value === 'light' || value === 'dark' ? value : 'device';
}

/** The theme a choice shows, given whether the device prefers dark. */
export function resolveTheme(choice: ThemeChoice, deviceDark: boolean): Theme {
	return choice === 'device' ? (deviceDark ? 'dark' : 'light') : choice;
}

export function storedChoice(): ThemeChoice {
	try {
		return parseChoice(localStorage.getItem(THEME_KEY));
	} catch {
		return 'device'; // storage blocked (private mode, policy): follow the device
	}
}

function deviceDark(): boolean {
	return window.matchMedia(DARK_QUERY).matches;
}

/** Remembers the choice in this browser and shows it at once. */
export function chooseTheme(choice: ThemeChoice): void {
	try {
		if (choice === 'device') localStorage.removeItem(THEME_KEY);
		else localStorage.setItem(THEME_KEY, choice);
	} catch {
		/* not remembered, still applied */
	}
	document.documentElement.dataset.theme = resolveTheme(choice, deviceDark());
}

/** While the choice is "device", follows the device switching between light and dark; returns a stop function. */
export function followDevice(): () => void {
	const query = window.matchMedia(DARK_QUERY);
	const update = () => {
		if (storedChoice() === 'device')
			document.documentElement.dataset.theme = resolveTheme('device', query.matches);
	};
	query.addEventListener('change', update);
	return () => query.removeEventListener('change', update);
}
