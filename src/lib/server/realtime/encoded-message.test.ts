import { Server } from 'socket.io';
import { describe, expect, it } from 'vitest';
import { EncodedMessage, spliceEncodedMessages, type PacketEncoder } from './encoded-message';

// Servers attached to nothing: only their encoders are used.
const plain = new Server();
const spliced = new Server();
spliceEncodedMessages(spliced.encoder as PacketEncoder);

const message = {
	exerciseId: 'ex-1',
	version: 7,
	view: { kind: 'team', feed: [{ body: 'Quote "this" \u2028' }] }
};

describe('spliceEncodedMessages', () => {
	it('encodes a prepared message exactly as socket.io encodes the object it was made from', () => {
		for (const packet of [
			{ type: 2, nsp: '/' },
			{ type: 2, nsp: '/admin' },
			{ type: 2, nsp: '/', id: 12 }
		]) {
			const prepared = new EncodedMessage(JSON.stringify(message));
			expect(spliced.encoder.encode({ ...packet, data: ['exercise:view', prepared] })).toEqual(
				plain.encoder.encode({ ...packet, data: ['exercise:view', message] })
			);
		}
	});

	it('leaves every other packet to the original encoder', () => {
		const ack = { type: 3, nsp: '/', id: 4, data: [{ data: { version: 2 } }] };
		const binary = { type: 2, nsp: '/', data: ['file', Buffer.from('abc')] };
		expect(spliced.encoder.encode(ack)).toEqual(plain.encoder.encode(ack));
		expect(spliced.encoder.encode(binary)).toEqual(plain.encoder.encode(binary));
	});
});
