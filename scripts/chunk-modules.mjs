// A Vite plugin that records which source modules ended up in each browser chunk, as
// .vite/chunk-modules.json next to Vite's own manifest (which names chunks but not their contents). The page
// size report (scripts/route-js.ts) and its build test read it to tell which packages a route ships.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Chunk file → the node_modules packages and project files bundled into it.
 * @returns {import('vite').Plugin}
 */
export function chunkModules() {
	return {
		name: 'switchboard-chunk-modules',
		apply: 'build',
		writeBundle(options, bundle) {
			if (this.environment.name !== 'client' || !options.dir) return;
			/** @type {Record<string, string[]>} */
			const chunks = {};
			for (const [file, output] of Object.entries(bundle)) {
				if (output.type !== 'chunk') continue;
				chunks[file] = [...new Set(output.moduleIds.map(moduleName))].sort();
			}
			mkdirSync(join(options.dir, '.vite'), { recursive: true });
			writeFileSync(
				join(options.dir, '.vite', 'chunk-modules.json'),
				JSON.stringify(chunks, null, '\t') + '\n'
			);
		}
	};
}

/** "node_modules/marked/lib/marked.esm.js" → "marked"; project files keep their path from the root. */
/** @param {string} id */
function moduleName(id) {
	const clean = id.replace(/\?.*$/, '').replace(/^\0/, '');
	const at = clean.lastIndexOf('/node_modules/');
	if (at >= 0) {
		const parts = clean.slice(at + '/node_modules/'.length).split('/');
		return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
	}
	const src = clean.indexOf('/src/');
	return src >= 0 ? clean.slice(src + 1) : clean.replace(/^.*\/\.svelte-kit\//, '.svelte-kit/');
}
