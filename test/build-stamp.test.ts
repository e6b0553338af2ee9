import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAMP_FILE, buildIsCurrent, sourceFingerprint } from '../scripts/build-stamp.mjs';

let root: string;

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'switchboard-stamp-'));
	mkdirSync(join(root, 'src/routes'), { recursive: true });
	writeFileSync(join(root, 'src/routes/+page.svelte'), '<h1>Hello</h1>');
	writeFileSync(join(root, 'package.json'), '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function stampBuild() {
	mkdirSync(join(root, 'build'), { recursive: true });
	writeFileSync(join(root, 'build/handler.js'), '');
	writeFileSync(join(root, STAMP_FILE), sourceFingerprint(root) + '\n');
}

describe('npm start decides whether to build', () => {
	it('builds when there is no build yet', () => {
		expect(buildIsCurrent(root)).toBe(false);
	});

	it('skips the build when the sources are unchanged since the last build', () => {
		stampBuild();
		expect(buildIsCurrent(root)).toBe(true);
	});

	it('builds again when a source file changes, appears or a dependency changes', () => {
		stampBuild();
		writeFileSync(join(root, 'src/routes/+page.svelte'), '<h1>Hello again</h1>');
		expect(buildIsCurrent(root)).toBe(false);
		stampBuild();
		writeFileSync(join(root, 'src/app.css'), 'body {}');
		expect(buildIsCurrent(root)).toBe(false);
		stampBuild();
		mkdirSync(join(root, 'node_modules'));
		writeFileSync(join(root, 'node_modules/.package-lock.json'), '{"v":2}');
		expect(buildIsCurrent(root)).toBe(false);
	});

	it('ignores test files, which the build never reads', () => {
		stampBuild();
		writeFileSync(join(root, 'src/routes/page.test.ts'), 'it()');
		expect(buildIsCurrent(root)).toBe(true);
	});
});

describe('the fingerprint and translations', () => {
	it('builds again when a message file changes', () => {
		mkdirSync(join(root, 'messages'));
		writeFileSync(join(root, 'messages/fr.json'), '{"a":"b"}');
		stampBuild();
		writeFileSync(join(root, 'messages/fr.json'), '{"a":"c"}');
		expect(buildIsCurrent(root)).toBe(false);
	});

	it("ignores Paraglide's compiled output, which the build itself writes", () => {
		stampBuild();
		mkdirSync(join(root, 'src/lib/paraglide'), { recursive: true });
		writeFileSync(join(root, 'src/lib/paraglide/runtime.js'), 'export {}');
		expect(buildIsCurrent(root)).toBe(true);
	});
});
