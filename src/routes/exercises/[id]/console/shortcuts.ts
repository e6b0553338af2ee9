/**
 * The console's keyboard shortcuts: single keys for the frequent actions, listed in the help overlay (`?`).
 * They never fire while someone types in a field or holds Ctrl, Alt or Meta, so typing an inject or a
 * reason is never taken for a command.
 */
import { m } from '$lib/paraglide/messages';

/** What a shortcut does; the console maps each to its command. */
export type ShortcutAction =
	'start-pause' | 'release-next' | 'hold-next' | 'write-adhoc' | 'go-teams' | 'go-injects' | 'help';

/** Every shortcut with its key as shown and what it does, in the order the help overlay lists them. */
export const SHORTCUTS: readonly { key: string; action: ShortcutAction; does: () => string }[] = [
	{ key: 'p', action: 'start-pause', does: m.console_key_start_pause },
	{ key: 'r', action: 'release-next', does: m.console_key_release },
	{ key: 'h', action: 'hold-next', does: m.console_key_hold },
	{ key: 'a', action: 'write-adhoc', does: m.console_key_adhoc },
	{ key: 'i', action: 'go-injects', does: m.console_key_injects },
	{ key: 't', action: 'go-teams', does: m.console_key_teams },
	{ key: '?', action: 'help', does: m.console_key_help }
];

const BY_KEY = new Map(SHORTCUTS.map((s) => [s.key, s.action]));

/** The part of a KeyboardEvent the decision needs (so tests need no DOM). */
export interface KeyPress {
	key: string;
	ctrlKey: boolean;
	altKey: boolean;
	metaKey: boolean;
	repeat?: boolean;
	target: { tagName?: string; isContentEditable?: boolean; type?: string } | null;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Inputs that take no typed text: a key pressed on them is not typing. */
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range']);

/** Whether the key goes to a field the person is typing in. */
export function isTyping(target: KeyPress['target']): boolean {
	if (!target) return false;
	if (target.isContentEditable) return true;
	const tag = target.tagName?.toUpperCase() ?? '';
	if (tag === 'INPUT') return !NOT_TYPED.has((target.type ?? 'text').toLowerCase());
	return TYPING_TAGS.has(tag);
}

/** The action for a key press, or null when it is not a shortcut or the person is typing. */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
	if (press.ctrlKey || press.altKey || press.metaKey || press.repeat) return null;
	if (isTyping(press.target)) return null;
	return BY_KEY.get(press.key.length === 1 ? press.key.toLowerCase() : press.key) ?? null;
}
