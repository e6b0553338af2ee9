/**
 * A check of a zip archive (an XLSX workbook is one) before a library unpacks it: the entry count, the declared
 * sizes and, because declared sizes can lie, the real size of every deflated entry, inflated here with a hard cap.
 * A zip bomb is refused after at most the cap's worth of work.
 */
import { inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Returns null when the archive is within `maxBytes` unpacked, or the reason it is refused. */
export function zipProblem(data: Uint8Array, maxBytes: number, maxEntries = 2000): string | null {
	const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
	let end = -1;
	for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--)
		if (view.getUint32(i, true) === EOCD) {
			end = i;
			break;
		}
	if (end < 0) return 'it is not an XLSX workbook (not a zip archive)';
	const entries = view.getUint16(end + 10, true);
	if (entries > maxEntries) return `the workbook holds ${entries} parts; at most ${maxEntries} are read`;
	let offset = view.getUint32(end + 16, true);
	let total = 0;
	for (let n = 0; n < entries; n++) {
		if (offset + 46 > data.length || view.getUint32(offset, true) !== CENTRAL)
			return 'the workbook is damaged (its zip directory does not read)';
		const method = view.getUint16(offset + 10, true);
		const compressed = view.getUint32(offset + 20, true);
		const declared = view.getUint32(offset + 24, true);
		const nameLength = view.getUint16(offset + 28, true);
		const extra = view.getUint16(offset + 30, true);
		const comment = view.getUint16(offset + 32, true);
		const local = view.getUint32(offset + 42, true);
		if (declared === 0xffffffff || compressed === 0xffffffff) return 'the workbook is too large to read';
		total += declared;
		if (total > maxBytes) return 'the workbook unpacks to too much data';
		if (local + 30 > data.length || view.getUint32(local, true) !== LOCAL)
			return 'the workbook is damaged (a part does not read)';
		const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
		if (method === 8) {
			try {
				const inflated = inflateRawSync(data.subarray(start, start + compressed), {
					maxOutputLength: Math.min(maxBytes - total + declared, declared + 1) || 1
				});
				if (inflated.length !== declared) return 'the workbook is damaged (a part has the wrong size)';
			} catch {
				return 'the workbook unpacks to more data than it declares, or is damaged';
			}
		} else if (method !== 0) return 'the workbook uses a compression method XLSX files do not use';
		offset += 46 + nameLength + extra + comment;
	}
	return null;
}
