// The JavaScript a browser downloads for one page of the built app, and its gzipped size: the client entry,
// the nodes of the route (root layout, its layouts, the page) and every chunk they import, as SvelteKit loads
// them on a first visit. Chunks reached only by dynamic import() are counted apart, as "later".
// `npx tsx scripts/route-js.ts "/play/[exerciseId]"` after a build; the bench and a build test use routeJs().
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
	file: string;
	imports?: string[];
	dynamicImports?: string[];
}

/** One JavaScript file of a route. */
export interface RouteFile {
	file: string;
	/** Reached only through a dynamic import(), so not part of the first load. */
	later: boolean;
	bytes: number;
	gzip: number;
	/** Packages and project files in it (null without chunk-modules.json). */
	modules: string[] | null;
}

export interface RouteJs {
	routeId: string;
	files: RouteFile[];
	firstLoadGzip: number;
	laterGzip: number;
	/** node_modules packages the route ships (null without chunk-modules.json). */
	packages: string[] | null;
}

const ENTRY = 'node_modules/@sveltejs/kit/src/runtime/client/entry.js';
const APP = '.svelte-kit/generated/client-optimized/app.js';
const node = (n: number) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`;

/** The node indexes (layouts then page) SvelteKit's server manifest lists for `routeId`. */
function routeNodes(outputDir: string, routeId: string): number[] {
	const text = readFileSync(join(outputDir, 'server', 'manifest.js'), 'utf8');
	const at = text.indexOf(`id: ${JSON.stringify(routeId)},`);
	if (at < 0) throw new Error(`No route "${routeId}" in the build; is it spelled as in src/routes?`);
	const page = /page: \{ layouts: \[([^\]]*)\], errors: \[[^\]]*\], leaf: (\d+) \}/.exec(
		text.slice(at, at + 1000)
	);
	if (!page) throw new Error(`Route "${routeId}" is not a page.`);
	const layouts = page[1]
		.split(',')
		.filter((n) => n.trim() !== '')
		.map(Number);
	return [...layouts, Number(page[2])];
}

/**
 * Files of the route with raw and gzipped bytes; `later` marks chunks only loaded by a dynamic import. With
 * chunk-modules.json from the build (scripts/chunk-modules.mjs), `modules` lists what each file holds.
 */
export function routeJs(routeId: string, outputDir = '.svelte-kit/output'): RouteJs {
	const client = join(outputDir, 'client');
	const manifest: Record<string, ManifestChunk> = JSON.parse(
		readFileSync(join(client, '.vite', 'manifest.json'), 'utf8')
	);
	const modulesFile = join(client, '.vite', 'chunk-modules.json');
	const modules: Record<string, string[]> | null = existsSync(modulesFile)
		? JSON.parse(readFileSync(modulesFile, 'utf8'))
		: null;
	const files = new Map<string, { later: boolean }>();
	const visit = (key: string, later: boolean) => {
		const chunk = manifest[key];
		if (!chunk) throw new Error(`The client manifest has no "${key}".`);
		const known = files.get(chunk.file);
		if (known && (later || !known.later)) return;
		files.set(chunk.file, { later });
		for (const dep of chunk.imports ?? []) visit(dep, later);
		for (const dep of chunk.dynamicImports ?? []) visit(dep, true);
	};
	// A checkout whose node_modules is a link (the bench's baseline worktree) names the entry by its real path.
	const entry =
		ENTRY in manifest
			? ENTRY
			: Object.keys(manifest).find((k) => k.endsWith(ENTRY.slice('node_modules'.length)));
	visit(entry ?? ENTRY, false);
	// The app entry imports every node lazily (that is how the router finds pages): only its static imports count.
	const app = manifest[APP];
	files.set(app.file, { later: false });
	for (const dep of app.imports ?? []) visit(dep, false);
	for (const n of routeNodes(outputDir, routeId)) visit(node(n), false);

	const list: RouteFile[] = [...files].map(([file, { later }]) => {
		const bytes = readFileSync(join(client, file));
		return {
			file,
			later,
			bytes: bytes.length,
			gzip: gzipSync(bytes).length,
			modules: modules?.[file] ?? null
		};
	});
	const sum = (rows: RouteFile[]) => rows.reduce((s, r) => s + r.gzip, 0);
	const packages = modules
		? [
				...new Set(
					list.flatMap((f) => (f.modules ?? []).filter((m: string) => !m.includes('/') || m.startsWith('@')))
				)
			].sort()
		: null;
	return {
		routeId,
		files: list,
		firstLoadGzip: sum(list.filter((f) => !f.later)),
		laterGzip: sum(list.filter((f) => f.later)),
		packages
	};
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const route = process.argv[2] ?? '/play/[exerciseId]';
	const r = routeJs(route, process.argv[3]);
	for (const f of r.files)
		console.log(
			`${kB(f.gzip).padStart(9)}  ${f.later ? 'later ' : ''}${f.file}  ${(f.modules ?? []).join(' ')}`
		);
	console.log(`${route}: ${kB(r.firstLoadGzip)} gzipped on first load, ${kB(r.laterGzip)} later`);
	if (r.packages) console.log(`packages: ${r.packages.join(', ')}`);
}
