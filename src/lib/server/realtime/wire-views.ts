/**
 * Engine view → the view a browser receives: inject bodies and the phase update rendered to sanitised HTML
 * through the shared cache, so the text is rendered once however many rooms and members it reaches.
 */
import type { DeliveredInjectView, ExerciseHeader, TeamPanel, View } from '$lib/engine/types';
import type { WireHeader, WireInject, WirePanel, WireView } from '$lib/realtime/wire-view';
import type { SafeHtml } from '$lib/safe-html';
import { markdownHtml } from '../rendered-markdown';

type Render = (markdown: string) => SafeHtml;

/** The wire form of `view`; `render` defaults to the process-wide cache. */
export function wireView(view: View, render: Render = markdownHtml): WireView {
	const header = wireHeader(view.header, render);
	if (view.kind === 'team') return { ...view, header, feed: view.feed.map((i) => wireInject(i, render)) };
	const teams = view.teams.map((p) => wirePanel(p, render));
	return view.kind === 'facilitator' ? { ...view, header, teams } : { ...view, header, teams };
}

function wireHeader(header: ExerciseHeader, render: Render): WireHeader {
	if (!header.currentPhase) return { ...header, currentPhase: null };
	const { update, ...phase } = header.currentPhase;
	return { ...header, currentPhase: { ...phase, updateHtml: render(update) } };
}

function wireInject({ body, ...inject }: DeliveredInjectView, render: Render): WireInject {
	return { ...inject, bodyHtml: render(body) };
}

function wirePanel(panel: TeamPanel, render: Render): WirePanel {
	return { ...panel, feed: panel.feed.map((i) => wireInject(i, render)) };
}
