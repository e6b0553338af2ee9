/**
 * The server side of the restart benchmark, run as its own process: opens the database the benchmark filled,
 * builds the app, and either restores every live exercise before listening (RESTORE=before-listen, how start-up
 * worked until now) or listens at once and restores in the background (RESTORE=background, as hooks.server.ts
 * does now). Any HTTP request gets a tiny answer, so the first one shows when the server listens.
 */
import { createServer } from 'node:http';
import { createApp } from '../src/lib/server/app';
import { openStore } from '../src/lib/server/db';

process.stdout.write('loaded\n');
const store = await openStore(process.env.BENCH_DB);
const app = createApp({
	store,
	scenariosDir: 'scenarios',
	log: (e, c) => console.error(`[restart] ${c}`, e)
});
const http = createServer((req, res) => res.end('ok'));
app.attachRealtime(http);
if (process.env.RESTORE === 'before-listen') await app.hosts.resumeAll();
else void app.hosts.resumeAll();
http.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => void app.close().finally(() => process.exit(0)));
