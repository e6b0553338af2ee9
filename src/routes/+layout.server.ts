import { app } from '$lib/server/app';
import { navIdentity } from './nav';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { sessions, seats } = app();
	const [facilitator, seat] = await Promise.all([sessions.current(event), seats.current(event)]);
	return { nav: navIdentity(facilitator, seat) };
};
