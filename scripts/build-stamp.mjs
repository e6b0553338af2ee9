// The build's source fingerprint: a hash of every file the production build is made from, so `npm start` can
// tell whether build/ still matches the checkout and skip the build when it does.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** Files and folders the build reads (node_modules is represented by the lock file npm keeps inside it). */
export const BUILD_INPUTS = [
	'src',
	'messages',
	'project.inlang/settings.json',
	'i18n.config.js',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json',
	'package.json',
	'package-lock.json',
	'node_modules/.package-lock.json'
];

/** Made by the build from other inputs (Paraglide compiles messages/ into it), so not an input itself. */
const GENERATED = join('src', 'lib', 'paraglide');

/** @param {string} dir */
const isGenerated = (dir) => dir === GENERATED || dir.endsWith(sep + GENERATED);

/** Where the fingerprint of the last successful build is kept. */
export const STAMP_FILE = 'build/.source-fingerprint';

/**
 * @param {string} path
 * @returns {Generator<string>}
 */
function* filesUnder(path) {
	if (!existsSync(path)) return;
	if (!statSync(path).isDirectory()) {
		yield path;
		return;
	}
	for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) =>
		a.name.localeCompare(b.name)
	)) {
		const child = join(path, entry.name);
		if (entry.isDirectory()) {
			if (!isGenerated(child)) yield* filesUnder(child);
		} else if (entry.isFile() && !/\.test\.ts$/.test(entry.name)) yield child;
	}
}

/** sha256 over the path and content of every build input, in a stable order. @param {string} [root] */
export function sourceFingerprint(root = '.') {
	const hash = createHash('sha256');
	for (const input of BUILD_INPUTS) {
		for (const file of filesUnder(join(root, input))) {
			hash.update(file.slice(root.length));
			hash.update('\0');
			hash.update(readFileSync(file));
			hash.update('\0');
		}
	}
	return hash.digest('hex');
}

/**
 * Whether build/ exists and was made from exactly the current sources.
 * @param {string} [root]
 * @param {string} [fingerprint]
 */
export function buildIsCurrent(root = '.', fingerprint = sourceFingerprint(root)) {
	const stamp = join(root, STAMP_FILE);
	if (!existsSync(join(root, 'build/handler.js')) || !existsSync(stamp)) return false;
	return readFileSync(stamp, 'utf8').trim() === fingerprint;
}
