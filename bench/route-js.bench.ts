/**
 * JavaScript a browser downloads to open a page, gzip-compressed, read from the last production build: the
 * client entry (start + app) plus the static imports of the route's layouts and page, each file counted once.
 * Code a page loads later with a dynamic import (the studio's editor) is not in it, which is the point: the
 * participant page must not carry the editor. Run `node scripts/build.mjs` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const SERVER = '.svelte-kit/output/server';
const CLIENT = 'build/client';

/** The routes measured: the participant page, and pages of the studio for comparison in the same build. */
const ROUTES = [
	'/play/[exerciseId]',
	'/scenarios',
	'/scenarios/[id]',
	'/scenarios/[id]/edit',
	'/scenarios/import'
];

if (!existsSync(path.join(SERVER, 'manifest.js')) || !existsSync(CLIENT)) {
	console.error('No production build: run `node scripts/build.mjs` first.');
	process.exit(1);
}

const manifest = readFileSync(path.join(SERVER, 'manifest.js'), 'utf8');
const clientImports = JSON.parse(/client: \{[^}]*?imports:(\[[^\]]*\])/.exec(manifest)![1]) as string[];

function nodeImports(index: number): string[] {
	const text = readFileSync(path.join(SERVER, 'nodes', `${index}.js`), 'utf8');
	return JSON.parse(/export const imports = (\[[^\]]*\])/.exec(text)![1]) as string[];
}

function routeNodes(id: string): number[] | null {
	const at = manifest.indexOf(`id: ${JSON.stringify(id)}`);
	if (at < 0) return null;
	const page = /page: \{ layouts: \[([^\]]*)\], errors: \[[^\]]*\], leaf: (\d+) \}/.exec(
		manifest.slice(at, at + 600)
	);
	if (!page) return null;
	const layouts = page[1]
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean)
		.map(Number);
	return [...layouts, Number(page[2])];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const rows: string[] = [];
for (const route of ROUTES) {
	const nodes = routeNodes(route);
	if (!nodes) {
		rows.push(`| \`${route}\` | (not in this build) | | |`);
		continue;
	}
	const files = [...new Set([...clientImports, ...nodes.flatMap(nodeImports)])];
	let raw = 0;
	let gzip = 0;
	for (const file of files) {
		const bytes = readFileSync(path.join(CLIENT, file));
		raw += bytes.length;
		gzip += gzipSync(bytes, { level: 9 }).length;
	}
	rows.push(`| \`${route}\` | ${files.length} | ${kb(raw)} | ${kb(gzip)} |`);
}

console.log(`## Page JavaScript

JavaScript loaded to open each page (client entry + the static imports of its layouts and page, each file once),
from the last production build; gzip level 9 per file. Code loaded later by a dynamic import is not counted.

| page | files | raw | gzip |
|---|---|---|---|
${rows.join('\n')}
`);
