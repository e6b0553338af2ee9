// `npm run build`: the production build with progress in plain words, recording the source fingerprint so that
// `npm start` can skip the build while the sources are unchanged. Vite's own output is kept for errors only.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { STAMP_FILE, sourceFingerprint } from './build-stamp.mjs';

const STEPS = [
	[/building ssr environment/, 'compiling the server'],
	[/building client environment/, 'compiling the pages browsers load'],
	[/Using @sveltejs\/adapter-node/, 'packaging for Node.js']
];

/** Runs the build; resolves when it succeeded, rejects with Vite's output when it did not. */
export function build({ log = (line) => console.log(line) } = {}) {
	const started = Date.now();
	const fingerprint = sourceFingerprint();
	const seconds = () => Math.round((Date.now() - started) / 1000);
	log('Building Switchboard (about 10 to 40 seconds, once per change of the sources)...');
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, FORCE_COLOR: '0' }
		});
		let output = '';
		let step = 0;
		const onData = (chunk) => {
			const text = chunk.toString();
			output += text;
			for (const line of text.split('\n')) {
				const next = STEPS.findIndex(([pattern]) => pattern.test(line));
				if (next >= step) {
					step = next + 1;
					log(`  step ${step} of ${STEPS.length}: ${STEPS[next][1]} (${seconds()} s)`);
				}
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		const heartbeat = setInterval(() => log(`  still building (${seconds()} s)`), 15_000);
		child.on('close', (code) => {
			clearInterval(heartbeat);
			if (code !== 0) return reject(new Error(`The build failed (exit ${code}):\n${output.trim()}`));
			writeFileSync(STAMP_FILE, fingerprint + '\n');
			log(`Built in ${seconds()} s.`);
			resolve();
		});
	});
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	build().catch((e) => {
		console.error(e.message);
		process.exit(1);
	});
}
