// Compiles messages/*.json into src/lib/paraglide (generated, not in git) for tools that do not run the Vite
// plugin: `npm run check`, `npm run lint` and vitest (as its global set-up). Vite dev and build compile them
// through the Paraglide plugin. Paraglide's compiler takes several seconds (it loads the inlang SDK), so the
// output is reused while the message files, the settings and the compiler are unchanged.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { paraglideOptions } from '../i18n.config.js';

const DIGEST_FILE = join(paraglideOptions.outdir, '.inputs-digest');

function inputsDigest() {
	const hash = createHash('sha256');
	const files = [
		'i18n.config.js',
		'project.inlang/settings.json',
		'node_modules/@inlang/paraglide-js/package.json',
		...readdirSync('messages')
			.filter((f) => f.endsWith('.json'))
			.sort()
			.map((f) => join('messages', f))
	];
	for (const file of files) hash.update(file + '\0' + (existsSync(file) ? readFileSync(file) : '') + '\0');
	return hash.digest('hex');
}

/** Compiles unless the last output was made from the same inputs. */
export async function compileMessages() {
	const digest = inputsDigest();
	if (existsSync(DIGEST_FILE) && readFileSync(DIGEST_FILE, 'utf8') === digest) return;
	const { compile } = await import('@inlang/paraglide-js');
	await compile(paraglideOptions);
	writeFileSync(DIGEST_FILE, digest);
}

/** vitest global set-up: compiles in a child process, whose leftover handles cannot keep vitest open. */
export default function setup() {
	const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { stdio: 'inherit' });
	if (r.status !== 0) throw new Error('Compiling messages/*.json with Paraglide failed (see above).');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	await compileMessages();
	process.exit(0);
}
