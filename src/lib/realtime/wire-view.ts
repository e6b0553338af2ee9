/**
 * Views as browsers receive them: the engine's views (src/lib/engine/types.ts) with every Markdown text a page
 * shows replaced by its HTML, rendered and sanitised on the server (src/lib/server/realtime/wire-views.ts), so no
 * live page needs a Markdown renderer or sanitiser. The Markdown source itself does not travel.
 */
import type {
	DeliveredInjectView,
	ExerciseHeader,
	FacilitatorView,
	ObserverView,
	PhaseDef,
	TeamPanel,
	TeamView
} from '$lib/engine/types';
import type { SafeHtml } from '$lib/safe-html';

/** A delivered inject with its body as sanitised HTML. */
export type WireInject = Omit<DeliveredInjectView, 'body'> & { bodyHtml: SafeHtml };

/** The current phase with its scenario update as sanitised HTML (notes, for staff, stay text). */
export type WirePhase = Omit<PhaseDef, 'update'> & { updateHtml: SafeHtml };

export type WireHeader = Omit<ExerciseHeader, 'currentPhase'> & { currentPhase: WirePhase | null };

export type WirePanel = Omit<TeamPanel, 'feed'> & { feed: WireInject[] };

export type WireTeamView = Omit<TeamView, 'header' | 'feed'> & { header: WireHeader; feed: WireInject[] };

export type WireObserverView = Omit<ObserverView, 'header' | 'teams'> & {
	header: WireHeader;
	teams: WirePanel[];
};

export type WireFacilitatorView = Omit<FacilitatorView, 'header' | 'teams'> & {
	header: WireHeader;
	teams: WirePanel[];
};

export type WireView = WireTeamView | WireObserverView | WireFacilitatorView;
