/** What every export is: a named file with its content type, and the file name stem they share. */
import type { Lifecycle } from '$lib/engine/types';

/** A file ready to download. */
export interface ExportFile {
	filename: string;
	body: string;
	contentType: string;
}

/** A file name stem such as "salt-typhoon-northwind-0190a1b2". */
export function fileStem(data: {
	exercise: { id: string; scenarioId: string; organisation: string; lifecycle?: Lifecycle };
}): string {
	const slug = `${data.exercise.scenarioId}-${data.exercise.organisation}`
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return `${slug || 'exercise'}-${data.exercise.id.slice(0, 8)}`;
}
