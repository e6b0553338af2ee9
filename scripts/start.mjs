// `npm start`: build only when the sources changed since the last build, then run the server.
import { buildIsCurrent } from './build-stamp.mjs';
import { build } from './build.mjs';

if (!buildIsCurrent()) {
	try {
		await build();
	} catch (e) {
		console.error(e.message);
		process.exit(1);
	}
}
await import('../server.js');
