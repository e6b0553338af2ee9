/**
 * Messages serialised once. A room's view is turned into JSON anyway to tell whether it changed; handing that
 * JSON to socket.io saves a second serialisation and the walk over the whole view that socket.io's encoder
 * makes looking for binary attachments — per room and change, which is most of what a push costs the server
 * besides the socket writes themselves.
 */

/** The JSON of one event argument, already built. */
export class EncodedMessage {
	constructor(readonly json: string) {}
}

/** The part of a socket.io packet the encoder reads. */
interface Packet {
	type: number;
	nsp?: string;
	id?: number;
	data?: unknown;
}

/** A socket.io encoder (socket.io-parser's Encoder, or one with its contract). */
export interface PacketEncoder {
	encode(packet: Packet): unknown[];
}

const EVENT = 2;

/**
 * Makes `encoder` splice an EncodedMessage sent as the only argument of an event; every other packet goes
 * through the encoder as before. The output has socket.io-parser's string layout: type, namespace unless it
 * is "/", ack id, then the JSON array of event name and argument.
 */
export function spliceEncodedMessages(encoder: PacketEncoder): void {
	const encode = encoder.encode.bind(encoder);
	encoder.encode = (packet) => {
		const { data } = packet;
		if (
			packet.type !== EVENT ||
			!Array.isArray(data) ||
			data.length !== 2 ||
			typeof data[0] !== 'string' ||
			!(data[1] instanceof EncodedMessage)
		) {
			return encode(packet);
		}
		let head = String(packet.type);
		if (packet.nsp && packet.nsp !== '/') head += `${packet.nsp},`;
		if (packet.id !== undefined && packet.id !== null) head += packet.id;
		return [`${head}[${JSON.stringify(data[0])},${data[1].json}]`];
	};
}
