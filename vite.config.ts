/// <reference types="vitest/config" />
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';
import { chunkModules } from './scripts/chunk-modules.mjs';

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
	plugins: [switchboardHttpServer(), sveltekit(), chunkModules()],
	test: {
		include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
		exclude: ['test/e2e/**'],
		environment: 'node',
		testTimeout: 20000
	}
});
