/**
 * What the studio accepts, stated once: the server refuses anything larger before it parses, the editor shows the
 * same limits, and scenarios/README.md documents them. Sized from the flagship scenario (about 118 KB, 55 injects)
 * and from what the yaml parser and the validator handle without keeping the server busy for long.
 */

/** Largest scenario YAML, in bytes: about four times the flagship. Parsing this much takes well under a second. */
export const MAX_SCENARIO_BYTES = 512 * 1024;

/** Most injects in one scenario. */
export const MAX_INJECTS = 1000;

/** Most alias expansions the YAML reader allows (a YAML bomb stops there); the engine's reader owns the number. */
export { MAX_ALIAS_EXPANSIONS } from '$lib/engine/scenario/source-map';

/** Largest uploaded file of any kind (YAML, CSV, XLSX, JSON), in bytes. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

/** Most uncompressed bytes an XLSX workbook may expand to (an XLSX file is a zip archive). */
export const MAX_XLSX_UNPACKED_BYTES = 40 * 1024 * 1024;

/** Most spreadsheet rows read from an MSEL (after the header). */
export const MAX_MSEL_ROWS = 2000;

/** Most columns read from an MSEL. */
export const MAX_MSEL_COLUMNS = 60;

/** A byte count in words: "512 KB", "2 MB". */
export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
	if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
	return `${bytes} bytes`;
}
