/**
 * Browser-test harness: starts the built app (`node server.js`) on a free port with a fresh SQLite database,
 * and drives Debian Chromium through playwright-core. Screenshots land in test-results/screenshots.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/** A port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}

export interface RunningApp {
	url: string;
	dataDir: string;
	/** Stops the server process (as a crash or deploy would), keeping its database. */
	halt(): Promise<void>;
	/** Starts the server again on the same port and database after `halt()`. */
	relaunch(): Promise<void>;
	stop(): Promise<void>;
	output(): string;
}

/** Starts `node server.js` from the built app and waits until it answers HTTP. */
export async function startApp(
	env: Record<string, string> = {},
	options: { port?: number } = {}
): Promise<RunningApp> {
	const port = options.port ?? (await freePort());
	const dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-e2e-'));
	const url = `http://127.0.0.1:${port}`;
	const log = { text: '' };
	const serverEnv = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: url,
		DATABASE_URL: `file:${path.join(dataDir, 'switchboard.db')}`,
		...env
	};
	let child = await launch(serverEnv, url, log);
	const halt = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await exited;
		}
	};
	return {
		url,
		dataDir,
		output: () => log.text,
		halt,
		async relaunch() {
			child = await launch(serverEnv, url, log);
		},
		async stop() {
			await halt();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

async function launch(env: NodeJS.ProcessEnv, url: string, log: { text: string }): Promise<ChildProcess> {
	const child: ChildProcess = spawn(process.execPath, ['server.js'], {
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d) => (log.text += d));
	child.stderr?.on('data', (d) => (log.text += d));
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${log.text}`);
		try {
			const res = await fetch(url + '/');
			if (res.status < 500) return child;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline) throw new Error(`server did not answer within 30 s:\n${log.text}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

/** Launches headless Debian Chromium. */
export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: CHROMIUM_ARGS
	});
}

/** Saves a full-page screenshot as a test artifact. */
export async function screenshot(page: Page, name: string): Promise<string> {
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const file = path.join(SCREENSHOT_DIR, `${name}.png`);
	await page.screenshot({ path: file, fullPage: true });
	return file;
}

/**
 * axe-core violations of impact serious or critical, as readable lines. All of axe's rules run over the whole
 * page; two settings make it about three times quicker without changing which violations are found: the
 * "legacy" frame mode runs axe.run() in the page itself (same-origin frames included; the app has none) instead of opening a blank page
 * per check to merge frame results, and only violations are collected (not every passing node).
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page })
		.setLegacyMode()
		.options({ resultTypes: ['violations'] })
		.analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
