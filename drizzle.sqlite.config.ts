import { defineConfig } from 'drizzle-kit';

/** drizzle-kit settings for the embedded SQLite store (migrations in drizzle/sqlite). */
export default defineConfig({
	dialect: 'sqlite',
	schema: './src/lib/server/db/schema.sqlite.ts',
	out: './drizzle/sqlite'
});
