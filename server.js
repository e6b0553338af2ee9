// Production entry: `node server.js` after `vite build`. Creates the HTTP server first and leaves it on
// globalThis, so the app's init hook (run while build/handler.js loads) can attach socket.io to it.
import { createServer } from 'node:http';

const HTTP_SERVER = Symbol.for('switchboard.httpServer');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

if (!Number.isInteger(port) || port < 0 || port > 65535) {
	console.error(`PORT must be a port number (0-65535), got "${process.env.PORT}"`);
	process.exit(1);
}

// Request bodies up to 3 MB: the studio's uploads may be 2 MB (src/lib/studio/limits.ts) and arrive as multipart
// forms; adapter-node's default (512 KB) would refuse them before the app could say why. Set it to override.
process.env.BODY_SIZE_LIMIT ??= '3M';

let handler = null;
const server = createServer((req, res) => {
	if (handler) return handler(req, res);
	res.statusCode = 503;
	res.end('Switchboard is starting');
});
globalThis[HTTP_SERVER] = server;

try {
	({ handler } = await import('./build/handler.js'));
} catch (e) {
	if (e?.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('build/handler.js')) {
		console.error('Switchboard is not built yet: run `npm run build` first (or `npm start`, which builds).');
		process.exit(1);
	}
	// Start-up refusals (a setting with a wrong value, a database that cannot be opened) are plain Errors whose
	// message says what to change; anything else is a bug and keeps its stack.
	console.error(`Switchboard could not start: ${e?.message ?? e}`);
	if (e?.constructor !== Error) console.error(e);
	process.exit(1);
}

// The app's structured logger (LOG_LEVEL, LOG_FORMAT), created by its init hook while the handler loaded.
const app = () => globalThis[Symbol.for('switchboard.app')];
const logger = () => app()?.logger ?? { info: console.log, error: console.error };

server.listen(port, host, () => {
	const { port: actual } = server.address();
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	logger().info(`Switchboard listening on ${process.env.ORIGIN ?? `http://${shown}:${actual}`}`);
});

let stopping = false;
function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	const running = app();
	// Readiness turns to 503 at once; open connections keep working for DRAIN_SECONDS, then everything closes.
	const drain = running?.readiness.drainSeconds ?? 0;
	running?.readiness.drain();
	logger().info(
		`Switchboard: ${signal} received, ${drain > 0 ? `draining for ${drain} s, then ` : ''}closing`
	);
	setTimeout(() => {
		server.close();
		Promise.resolve(running?.close())
			.catch((e) => logger().error({ err: e }, 'Switchboard: error while closing'))
			.finally(() => process.exit(0));
	}, drain * 1000);
	setTimeout(() => process.exit(0), drain * 1000 + 5000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
