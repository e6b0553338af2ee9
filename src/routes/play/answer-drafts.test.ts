import { describe, expect, it } from 'vitest';
import type { DecisionView } from '$lib/engine/types';
import { MAX_TEXT_ANSWER } from '$lib/realtime/contract';
import { answerDrafts, draftKey, isEmptyDraft, sanitiseDraft } from './answer-drafts';

const options = [
	{ id: 'monitor', label: 'Monitor quietly' },
	{ id: 'block', label: 'Block now' },
	{ id: 'call', label: 'Call the FBI' }
];

function decision(over: Partial<DecisionView> = {}): DecisionView {
	return { id: 'd1', injectId: 'i1', prompt: 'What now?', type: 'single', options, deliveredAt: 0, ...over };
}

/** A Storage stand-in backed by a Map. */
function memoryStorage() {
	const map = new Map<string, string>();
	return {
		map,
		getItem: (k: string) => map.get(k) ?? null,
		setItem: (k: string, v: string) => void map.set(k, v),
		removeItem: (k: string) => void map.delete(k)
	};
}

describe('draftKey', () => {
	it('names the exercise, the team and the decision', () => {
		expect(draftKey('ex1', 'soc', 'd-contain')).toBe('switchboard:draft:ex1:soc:d-contain');
	});
});

describe('sanitiseDraft', () => {
	it('keeps an option that is still offered and drops one that is not', () => {
		expect(sanitiseDraft(decision(), { option: 'block' })).toEqual({ option: 'block' });
		expect(sanitiseDraft(decision(), { option: 'evacuate' })).toBeNull();
	});

	it('keeps only the offered options of a multiple choice, in the order shown', () => {
		const d = decision({ type: 'multiple' });
		expect(sanitiseDraft(d, { options: ['call', 'gone', 'monitor', 7] })).toEqual({
			options: ['monitor', 'call']
		});
	});

	it('keeps a ranking only when it ranks exactly the options shown', () => {
		const d = decision({ type: 'ranking' });
		expect(sanitiseDraft(d, { order: ['call', 'monitor', 'block'] })).toEqual({
			order: ['call', 'monitor', 'block']
		});
		expect(sanitiseDraft(d, { order: ['call', 'monitor'] })).toBeNull();
		expect(sanitiseDraft(d, { order: ['call', 'call', 'block'] })).toBeNull();
		expect(sanitiseDraft(d, { order: ['call', 'monitor', 'old'] })).toBeNull();
	});

	it('cuts text and reasoning to the answer limit and ignores fields the decision does not use', () => {
		const long = 'x'.repeat(MAX_TEXT_ANSWER + 50);
		const d = decision({ type: 'text', options: [], justify: true });
		expect(sanitiseDraft(d, { text: long, justification: 'Because', option: 'block' })).toEqual({
			text: 'x'.repeat(MAX_TEXT_ANSWER),
			justification: 'Because'
		});
		expect(sanitiseDraft(decision(), { option: 'block', justification: 'Not asked for' })).toEqual({
			option: 'block'
		});
	});

	it('keeps a number as typed and a known confidence, and drops anything else', () => {
		const d = decision({ type: 'numeric', options: [] });
		expect(sanitiseDraft(d, { numeric: 72, confidence: 'high' })).toEqual({
			numeric: 72,
			confidence: 'high'
		});
		expect(sanitiseDraft(d, { numeric: '7', confidence: 'certain' })).toEqual({ numeric: '7' });
		expect(sanitiseDraft(d, { numeric: { evil: true } })).toBeNull();
	});

	it('gives null for something that is not a draft at all', () => {
		for (const raw of [null, 'text', 42, ['block']]) expect(sanitiseDraft(decision(), raw)).toBeNull();
	});
});

describe('isEmptyDraft', () => {
	it('counts a ranking still in its starting order as nothing entered', () => {
		const d = decision({ type: 'ranking' });
		expect(isEmptyDraft(d, { order: ['monitor', 'block', 'call'], text: ' ' })).toBe(true);
		expect(isEmptyDraft(d, { order: ['block', 'monitor', 'call'] })).toBe(false);
	});
});

describe('answerDrafts', () => {
	it('saves a draft under its key, reads it back sanitised, and clears it', () => {
		const storage = memoryStorage();
		const drafts = answerDrafts('ex1', 'soc', storage);
		const d = decision({ type: 'text', options: [] });
		drafts.save(d, { text: 'Isolate pe-chi-02', options: [], confidence: '' });
		expect(JSON.parse(storage.map.get('switchboard:draft:ex1:soc:d1')!)).toMatchObject({
			text: 'Isolate pe-chi-02'
		});
		expect(drafts.load(d)).toEqual({ text: 'Isolate pe-chi-02' });
		drafts.clear('d1');
		expect(storage.map.size).toBe(0);
		expect(drafts.load(d)).toBeNull();
	});

	it('removes the entry when the draft is emptied again', () => {
		const storage = memoryStorage();
		const drafts = answerDrafts('ex1', 'soc', storage);
		drafts.save(decision(), { option: 'block' });
		drafts.save(decision(), { option: undefined });
		expect(storage.map.size).toBe(0);
	});

	it('keeps teams and exercises apart', () => {
		const storage = memoryStorage();
		answerDrafts('ex1', 'soc', storage).save(decision(), { option: 'block' });
		expect(answerDrafts('ex1', 'legal', storage).load(decision())).toBeNull();
		expect(answerDrafts('ex2', 'soc', storage).load(decision())).toBeNull();
	});

	it('reads a broken entry as no draft and survives storage that throws', () => {
		const storage = memoryStorage();
		storage.map.set('switchboard:draft:ex1:soc:d1', '{not json');
		expect(answerDrafts('ex1', 'soc', storage).load(decision())).toBeNull();
		const full = {
			getItem: () => {
				throw new Error('denied');
			},
			setItem: () => {
				throw new Error('quota');
			},
			removeItem: () => {}
		};
		const drafts = answerDrafts('ex1', 'soc', full);
		expect(() => drafts.save(decision(), { option: 'block' })).not.toThrow();
		expect(drafts.load(decision())).toBeNull();
		expect(answerDrafts('ex1', 'soc', undefined).load(decision())).toBeNull();
	});
});
