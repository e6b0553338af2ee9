/**
 * The after-action services (improvement plan, feedback, history) for an App. They are built on first use from
 * the app's store and hosts and kept per App, so the composition root does not need to know about them.
 */
import type { App } from '../app';
import { Feedback } from './feedback';
import { ImprovementPlan } from './improvement-plan';
import { ReviewHistory } from './review-history';
import { ReviewNotes } from './review-notes';
import type { Facilitator } from './sessions';

/** The services the review, hot-wash, feedback and trends pages use besides `app().review`. */
export interface AfterActionServices {
	plan: ImprovementPlan;
	feedback: Feedback;
	history: ReviewHistory;
	notes: ReviewNotes;
}

const built = new WeakMap<App, AfterActionServices>();

/** The after-action services of `app`, created once. */
export function afterAction(app: App): AfterActionServices {
	let services = built.get(app);
	if (!services) {
		services = {
			plan: new ImprovementPlan(app.store),
			feedback: new Feedback(app.store, app.hosts),
			history: new ReviewHistory(app.store, app.hosts),
			notes: new ReviewNotes(app.hosts)
		};
		built.set(app, services);
	}
	return services;
}

/** What the review page and the printed report show staff: the review, the improvement plan and the feedback. */
export async function staffReview(app: App, facilitator: Facilitator, exerciseId: string) {
	const { plan, feedback } = afterAction(app);
	const [review, improvement, responses] = await Promise.all([
		app.review.forFacilitator(facilitator, exerciseId),
		plan.forExercise(facilitator, exerciseId),
		feedback.summary(facilitator, exerciseId)
	]);
	return { review, plan: improvement, feedback: responses };
}
