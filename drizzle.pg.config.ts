import { defineConfig } from 'drizzle-kit';

/** drizzle-kit settings for the PostgreSQL store (migrations in drizzle/pg). */
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema.pg.ts',
	out: './drizzle/pg'
});
