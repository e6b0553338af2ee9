/**
 * Seats: joining an exercise with its join code (participants, into a team) or staff code (observers and
 * evaluators), and finding the seat again from its cookie so a reload keeps it. Three limits keep a valid code
 * from being abused without locking a venue out: wrong codes per address in a short window (a room behind one
 * NAT makes a few typos; guessing a 50-bit code needs billions), seats taken per address per minute, and the
 * exercise's own seat limit.
 */
import { z } from 'zod';
import { scenarioTexts } from '$lib/engine/scenario-texts';
import type { Lifecycle, TeamId } from '$lib/engine/types';
import type { RateLimiter } from '../auth/rate-limit';
import { hashToken, isWellFormedToken, newToken, parseJoinCode } from '../auth/tokens';
import { clearAuthCookie, SEAT_COOKIE, SEAT_MAX_AGE_S, setAuthCookie } from '../cookies';
import type { ExerciseRecord, SeatRecord, Store } from '../db/store';
import { fault } from '../errors';
import { CommandQueue } from '../exercise/command-queue';
import type { HostRegistry } from '../exercise/host-registry';
import { clientAddress, type RequestLike } from './request';
import { m } from '$lib/paraglide/messages';

/** A seat in one exercise. */
export interface Seat {
	seatId: string;
	exerciseId: string;
	name: string;
	kind: 'participant' | 'observer' | 'evaluator';
	/** Participants: their team, or null while they wait for the facilitator to place them; staff null. */
	teamId: TeamId | null;
}

/** What the join form shows for a code. */
export interface JoinInfo {
	exerciseId: string;
	/** The scenario's title. */
	title: string;
	/** The exercise's own name (not secret: it is on the lobby and the room view). */
	name: string;
	organisation: string;
	lifecycle: Lifecycle;
	kind: 'participant' | 'staff';
	teams: { id: TeamId; name: string; description: string }[];
}

const displayName = z
	.string()
	.trim()
	.min(1, 'Enter the name others will see.')
	.max(60, 'Use at most 60 characters for your name.');

const toSeat = (s: SeatRecord): Seat => ({
	seatId: s.id,
	exerciseId: s.exerciseId,
	name: s.name,
	kind: s.role,
	teamId: s.teamId
});

/** Joining and seat lookup. */
export class Seats {
	readonly #seating = new CommandQueue();

	constructor(
		private readonly store: Store,
		private readonly hosts: HostRegistry,
		/** Wrong codes per address, and seats taken per address. */
		private readonly limits: { wrongCodes: RateLimiter; seatsTaken: RateLimiter },
		/** Called when a seat is created or moved (presence is announced to staff). */
		private readonly onSeatsChanged: (exerciseId: string, seatId: string) => void
	) {}

	/** Reads a code and tells which exercise and teams it leads to. */
	async lookup(event: RequestLike, code: string): Promise<JoinInfo> {
		const { exercise, kind } = await this.#resolve(event, code);
		const host = await this.hosts.get(exercise.id);
		return {
			exerciseId: exercise.id,
			title: exercise.title,
			name: exercise.name,
			organisation: exercise.orgName,
			lifecycle: host.lifecycle,
			kind,
			teams: scenarioTexts(host.state)
				.teams.filter((t) => exercise.config.teams.includes(t.id))
				.map(({ id, name, description }) => ({ id, name, description }))
		};
	}

	/**
	 * Takes a participant seat with the join code, in a team or (teamId null) waiting for the facilitator to
	 * place them; sets the seat cookie.
	 */
	async join(event: RequestLike, form: { code: string; name: string; teamId: TeamId | null }): Promise<Seat> {
		const { exercise, kind } = await this.#resolve(event, form.code);
		if (kind !== 'participant') {
			fault('form/invalid', m.seat_err_staff_code());
		}
		const name = this.#name(form.name);
		await this.#open(exercise);
		if (form.teamId !== null && !exercise.config.teams.includes(form.teamId)) {
			fault('team/not_in_exercise', m.seat_err_team());
		}
		return this.#seat(event, exercise, 'participant', name, form.teamId);
	}

	/** Takes an observer or evaluator seat with the staff code; sets the seat cookie. */
	async joinStaff(
		event: RequestLike,
		form: { code: string; name: string; role: 'observer' | 'evaluator' }
	): Promise<Seat> {
		const { exercise, kind } = await this.#resolve(event, form.code);
		if (kind !== 'staff') fault('form/invalid', m.seat_err_join_code());
		if (form.role !== 'observer' && form.role !== 'evaluator') {
			fault('form/invalid', m.seat_err_role());
		}
		const name = this.#name(form.name);
		await this.#open(exercise);
		return this.#seat(event, exercise, form.role, name, null);
	}

	/** The seat of this browser, or null (no cookie, or a seat that no longer exists). */
	async current(event: RequestLike): Promise<Seat | null> {
		const token = event.cookies.get(SEAT_COOKIE);
		return token ? this.byToken(token) : null;
	}

	/** The seat behind a cookie value. */
	async byToken(token: string): Promise<Seat | null> {
		if (!isWellFormedToken(token)) return null;
		const seat = await this.store.seats.byTokenHash(hashToken(token));
		return seat ? toSeat(seat) : null;
	}

	/** The seat or `seat/required`. */
	async require(event: RequestLike): Promise<Seat> {
		const seat = await this.current(event);
		if (!seat) fault('seat/required', m.seat_err_required(), 401);
		return seat;
	}

	/** Forgets the seat in this browser. */
	async leave(event: RequestLike): Promise<void> {
		clearAuthCookie(event.cookies, SEAT_COOKIE, event.url);
	}

	/** Moves a participant to another team of the exercise. */
	async assign(exerciseId: string, participantId: string, teamId: TeamId): Promise<Seat> {
		const seat = await this.store.seats.byId(participantId);
		if (!seat || seat.exerciseId !== exerciseId || seat.role !== 'participant') {
			fault('seat/not_found', m.seat_err_not_found(), 404);
		}
		const moved = toSeat(await this.store.seats.setTeam(participantId, teamId));
		this.onSeatsChanged(exerciseId, participantId);
		return moved;
	}

	/** Participants of an exercise, for presence. */
	async members(
		exerciseId: string
	): Promise<{ participantId: string; name: string; teamId: TeamId | null }[]> {
		const seats = await this.store.seats.listForExercise(exerciseId);
		return seats
			.filter((s) => s.role === 'participant')
			.map((s) => ({ participantId: s.id, name: s.name, teamId: s.teamId }));
	}

	async #resolve(
		event: RequestLike,
		raw: string
	): Promise<{ exercise: ExerciseRecord; kind: JoinInfo['kind'] }> {
		const ip = `join:${clientAddress(event)}`;
		const gate = this.limits.wrongCodes.check(ip);
		if (!gate.allowed) {
			fault('join/rate_limited', m.seat_err_rate_codes({ wait: seconds(gate.retryAfterMs) }), 429);
		}
		const parsed = parseJoinCode(String(raw ?? ''));
		if (!parsed.ok) {
			this.limits.wrongCodes.fail(ip);
			fault('join/unknown_code', parsed.message, 404);
		}
		const asJoin = await this.store.exercises.byJoinCode(parsed.code);
		if (asJoin) return { exercise: asJoin, kind: 'participant' };
		const asStaff = await this.store.exercises.byStaffCode(parsed.code);
		if (asStaff) return { exercise: asStaff, kind: 'staff' };
		this.limits.wrongCodes.fail(ip);
		fault('join/unknown_code', m.seat_err_unknown_code(), 404);
	}

	#name(raw: string): string {
		const parsed = displayName.safeParse(raw ?? '');
		if (!parsed.success) fault('form/invalid', parsed.error.issues[0].message);
		return parsed.data;
	}

	async #open(exercise: ExerciseRecord): Promise<void> {
		const host = await this.hosts.get(exercise.id);
		if (host.lifecycle === 'ended') fault('join/closed', m.seat_err_closed(), 409);
	}

	async #seat(
		event: RequestLike,
		exercise: ExerciseRecord,
		role: Seat['kind'],
		name: string,
		teamId: TeamId | null
	): Promise<Seat> {
		const address = `seated:${clientAddress(event)}`;
		const gate = this.limits.seatsTaken.take(address);
		if (!gate.allowed) {
			fault('join/rate_limited', m.seat_err_rate_seats({ wait: seconds(gate.retryAfterMs) }), 429);
		}
		const token = newToken();
		// One join at a time, so two joins cannot both take the last seat.
		const seat = await this.#seating
			.run(async () => {
				const taken = (await this.store.seats.listForExercise(exercise.id)).length;
				if (taken >= exercise.seatLimit) {
					fault('join/full', m.seat_err_full({ seats: exercise.seatLimit }), 409);
				}
				return this.store.seats.create({
					exerciseId: exercise.id,
					role,
					name,
					teamId,
					tokenHash: hashToken(token)
				});
			})
			.catch((e: unknown) => {
				this.limits.seatsTaken.undo(address);
				throw e;
			});
		setAuthCookie(event.cookies, SEAT_COOKIE, token, SEAT_MAX_AGE_S, event.url);
		this.onSeatsChanged(exercise.id, seat.id);
		return toSeat(seat);
	}
}

function seconds(ms: number): string {
	const s = Math.max(1, Math.ceil(ms / 1000));
	return s < 120 ? m.time_seconds({ count: s }) : m.time_minutes({ count: Math.ceil(s / 60) });
}
