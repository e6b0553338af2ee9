/// <reference types="vitest/config" />
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';
import { chunkModules } from './scripts/chunk-modules.mjs';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { paraglideOptions } from './i18n.config.js';

/**
 * In `vite dev` the app's init hook runs in SvelteKit's module graph, a separate module instance from this
 * file, so the dev HTTP server is handed over through globalThis (the same slot server.js uses in production).
 */
function switchboardHttpServer(): Plugin {
	return {
		name: 'switchboard-http-server',
		configureServer(server) {
			if (server.httpServer) {
				(globalThis as Record<symbol, unknown>)[Symbol.for('switchboard.httpServer')] = server.httpServer;
			}
		}
	};
}

export default defineConfig({
	plugins: [
		switchboardHttpServer(),
		// Under vitest the messages are compiled once by the global set-up instead: the plugin's file watching
		// keeps vitest's servers from closing. `npm test` compiles them before building alongside the unit tests.
		...(process.env.VITEST || process.env.SWITCHBOARD_MESSAGES_PRECOMPILED
			? []
			: [paraglideVitePlugin(paraglideOptions)]),
		sveltekit(),
		chunkModules()
	],
	test: {
		include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
		exclude: ['test/e2e/**'],
		environment: 'node',
		globalSetup: ['scripts/i18n-compile.mjs'],
		// The app's structured logs: only warnings and errors while tests run (LOG_LEVEL overrides).
		env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
		// Test files share their worker's module cache instead of importing the app afresh each: 40% of the suite's
		// time was module imports (1038 modules evaluated 7634 times). Tests that change shared state (fake timers,
		// environment variables, the app slot on globalThis) put it back afterwards, and the suite passes with its
		// files shuffled (--sequence.shuffle.files); a test that cannot must restore what it changes.
		isolate: false,
		testTimeout: 20000
	}
});
