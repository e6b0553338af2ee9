import { defineConfig } from 'vitest/config';

/** Browser tests: they start the built server themselves and drive Debian Chromium with playwright-core. */
export default defineConfig({
	test: {
		include: ['test/e2e/**/*.test.ts'],
		environment: 'node',
		testTimeout: 120000,
		hookTimeout: 120000,
		fileParallelism: false
	}
});
