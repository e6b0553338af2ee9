/**
 * The YAML editor: CodeMirror 6 with YAML highlighting, lint markers from the project's validator (run in the
 * studio worker, so the messages are the CLI's), completions from the scenario JSON Schema and the draft's own
 * ids, and Ctrl/Cmd+S to save. Loaded only by the studio page.
 */
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { yaml } from '@codemirror/lang-yaml';
import { linter, lintGutter, forceLinting, type Diagnostic } from '@codemirror/lint';
import { EditorSelection } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import schemaJson from '../../../../scenarios/schema.json';
import type { ScenarioIssue } from '$lib/engine/types';
import type { DraftCatalog } from '../worker/protocol';
import { cursorPlace } from './cursor-path';
import { suggestionsAt, type SchemaNode } from './schema-completions';

const schema = schemaJson as unknown as SchemaNode;

/** What the editor needs from the page. */
export interface EditorHooks {
	/** Every change of the text. */
	onChange(text: string): void;
	/** Checks the text; resolves with the validator's issues for exactly that text. */
	check(text: string): Promise<ScenarioIssue[]>;
	/** The ids the draft defines, for completing references. */
	catalog(): DraftCatalog;
	/** Ctrl/Cmd+S. */
	onSave(): void;
}

/** The page's handle on the editor. */
export interface EditorHandle {
	/** Moves the cursor to the start of `line` (1-based), scrolls it into view and focuses the editor. */
	jumpTo(line: number): void;
	/** Replaces the text, as one change covering only what differs (so undo and the cursor stay sensible). */
	setText(text: string): void;
	/** Checks the text again now. */
	relint(): void;
	destroy(): void;
}

/** An issue as a lint marker over the written part of its line. */
function diagnostic(view: EditorView, issue: ScenarioIssue): Diagnostic {
	const { doc } = view.state;
	const line = doc.line(Math.min(Math.max(issue.line, 1), doc.lines));
	const indent = line.text.length - line.text.trimStart().length;
	return {
		from: line.from + indent,
		to: Math.max(line.to, line.from + indent),
		severity: 'error',
		message: issue.path ? `${issue.path}: ${issue.message}` : issue.message
	};
}

function completions(hooks: EditorHooks) {
	return (context: CompletionContext): CompletionResult | null => {
		const text = context.state.doc.toString();
		const place = cursorPlace(text, context.pos);
		if (!context.explicit && !place.word && place.position === 'key' && !place.inFlow) return null;
		const options = suggestionsAt(schema, place, hooks.catalog()).map((s) => ({
			label: s.label,
			type: s.kind === 'property' ? 'property' : s.kind === 'reference' ? 'variable' : 'enum',
			detail: s.detail,
			info: s.info,
			apply: s.apply
		}));
		return options.length ? { from: place.from, options, validFor: /^[\w.$-]*$/ } : null;
	};
}

const theme = EditorView.theme({
	'&': { fontSize: '0.9rem', backgroundColor: 'var(--surface)', color: 'var(--text)', height: '100%' },
	'.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
	'.cm-gutters': {
		backgroundColor: 'var(--surface-muted)',
		color: 'var(--muted)',
		borderRight: '1px solid var(--border)'
	},
	'&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '-3px' },
	'.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent-soft) 55%, transparent)' },
	'.cm-activeLineGutter': { backgroundColor: 'var(--accent-soft)' },
	'.cm-tooltip': {
		backgroundColor: 'var(--surface)',
		color: 'var(--text)',
		border: '1px solid var(--border)'
	},
	'.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' }
});

/** Creates the editor in `parent`. */
export function createEditor(
	parent: HTMLElement,
	text: string,
	hooks: EditorHooks,
	attributes: Record<string, string>
): EditorHandle {
	const view = new EditorView({
		parent,
		doc: text,
		extensions: [
			basicSetup,
			yaml(),
			theme,
			EditorView.lineWrapping,
			EditorView.contentAttributes.of(attributes),
			keymap.of([
				{
					key: 'Mod-s',
					preventDefault: true,
					run: () => {
						hooks.onSave();
						return true;
					}
				}
			]),
			autocompletion({ override: [completions(hooks)], icons: false }),
			lintGutter(),
			linter(
				async (v) => {
					const issues = await hooks.check(v.state.doc.toString());
					return issues.map((issue) => diagnostic(v, issue));
				},
				{ delay: 300 }
			),
			EditorView.updateListener.of((update) => {
				if (update.docChanged) hooks.onChange(update.state.doc.toString());
			})
		]
	});
	return {
		jumpTo(line) {
			const { doc } = view.state;
			const target = doc.line(Math.min(Math.max(line, 1), doc.lines));
			const indent = target.text.length - target.text.trimStart().length;
			view.dispatch({
				selection: EditorSelection.cursor(target.from + indent),
				effects: EditorView.scrollIntoView(target.from, { y: 'center' })
			});
			view.focus();
		},
		setText(next) {
			const current = view.state.doc.toString();
			if (current === next) return;
			let start = 0;
			while (start < current.length && start < next.length && current[start] === next[start]) start++;
			let endA = current.length;
			let endB = next.length;
			while (endA > start && endB > start && current[endA - 1] === next[endB - 1]) {
				endA--;
				endB--;
			}
			view.dispatch({ changes: { from: start, to: endA, insert: next.slice(start, endB) } });
		},
		relint: () => forceLinting(view),
		destroy: () => view.destroy()
	};
}
