// Runs every test suite (unit, store/server on SQLite and PostgreSQL, browser) and prints one summary line.
// Used by `npm test` and by .ci/run; it installs what the browser tests need on a fresh machine.
// The production build the browser tests need runs alongside the unit tests (vitest uses one worker on a
// two-core machine, so the other core builds); its output is shown once the unit tests are done.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';

const results = [];

function run(cmd, args, env = {}) {
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return r.status ?? 1;
}

/** Starts a command in the background; resolves with its exit status and, when `quiet`, its output. */
function runInBackground(cmd, args, { env = {}, quiet = false } = {}) {
	return new Promise((resolve) => {
		const child = spawn(cmd, args, {
			stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
			env: { ...process.env, ...env }
		});
		let output = '';
		child.stdout?.on('data', (d) => (output += d));
		child.stderr?.on('data', (d) => (output += d));
		child.on('error', (e) => resolve({ status: 1, output: output + e.message }));
		child.on('close', (code) => resolve({ status: code ?? 1, output }));
	});
}

function canConnect(port) {
	return new Promise((resolve) => {
		const s = net.connect({ host: '127.0.0.1', port }, () => (s.destroy(), resolve(true)));
		s.on('error', () => resolve(false));
		s.setTimeout(1500, () => (s.destroy(), resolve(false)));
	});
}

function ensureChromium() {
	if (existsSync('/usr/bin/chromium') || process.env.CHROMIUM_PATH) return;
	console.log('Installing Debian Chromium for the browser tests (about a minute, once)...');
	run('sh', [
		'-c',
		'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null'
	]);
}

// The report test reads the PDF with poppler (pdftotext, pdftoppm).
function ensurePoppler() {
	if (spawnSync('pdftoppm', ['-v']).status === 0) return;
	console.log('Installing poppler-utils for the PDF report test (once)...');
	run('sh', [
		'-c',
		'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null'
	]);
}

async function vitest(name, args, env) {
	mkdirSync('test-results', { recursive: true });
	const out = `test-results/${name}.json`;
	const { status } = await runInBackground(
		'npx',
		['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
		{ env }
	);
	let passed = 0;
	let failed = 0;
	if (existsSync(out)) {
		const report = JSON.parse(readFileSync(out, 'utf8'));
		passed = report.numPassedTests ?? 0;
		failed = report.numFailedTests ?? 0;
		// A suite that failed to load has no tests: count it as one failure so it cannot pass silently.
		for (const file of report.testResults ?? []) {
			if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
		}
	} else if (status !== 0) failed = 1;
	if (status !== 0 && failed === 0) failed = 1;
	results.push({ name, passed, failed });
}

const pgUp = await canConnect(5432);
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const browser = !process.argv.includes('--no-browser');
let build;
if (browser) {
	ensureChromium();
	ensurePoppler();
	// Messages are compiled once, here: the build then leaves src/lib/paraglide alone (it would otherwise rewrite
	// it while the unit tests import it), and the unit tests' global set-up finds it current.
	const compiled = run(process.execPath, ['scripts/i18n-compile.mjs']);
	build =
		compiled === 0
			? runInBackground(process.execPath, ['scripts/build.mjs'], {
					env: { SWITCHBOARD_MESSAGES_PRECOMPILED: '1' },
					quiet: true
				})
			: Promise.resolve({ status: 1, output: 'Compiling messages/*.json failed (see above).' });
}

await vitest('unit', [], pgUp ? { TEST_DATABASE_URL: pgUrl } : {});

if (browser) {
	const built = await build;
	console.log(`\nThe build (run alongside the unit tests):\n${built.output.trim()}\n`);
	if (built.status !== 0) results.push({ name: 'build', passed: 0, failed: 1 });
	else await vitest('browser', ['--config', 'vitest.e2e.config.ts']);
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
for (const r of results) console.log(`  ${r.name}: ${r.passed} passed, ${r.failed} failed`);
if (!pgUp)
	console.log('  (PostgreSQL not reachable on 127.0.0.1:5432: its variant of the store tests was skipped)');
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
