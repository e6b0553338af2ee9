/**
 * The interface in French: a browser whose language is French gets French pages (html lang="fr"), the header's
 * switch changes the language and the choice survives a reload; the main pages (home, join, lobby, play, observe,
 * console, review) are checked in French with axe-core at 1280x800 and 360x740, with no horizontal overflow at
 * 360 px (French strings are longer). Set-up steps run in English (the shared flows read English labels); each
 * page is then opened in French by the cookie the switch sets.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousA11yViolations, startApp, type RunningApp } from './harness';
import {
	createExercise,
	firstRunSetup,
	injectHeading,
	joinAsParticipant,
	joinAsStaff,
	newPerson,
	participantLink,
	releaseNow,
	staffLink
} from './flows';

const fr = JSON.parse(readFileSync('messages/fr.json', 'utf8')) as Record<string, string>;
const en = JSON.parse(readFileSync('messages/en.json', 'utf8')) as Record<string, string>;
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const SOC = 'SOC / threat hunting';
const TICKET = 'Unplanned change on pe-chi-02';

let app: RunningApp;
let browser: Browser;
let facilitator: Page;
let player: Page;
let evaluator: Page;
let exerciseId: string;
let link: string;

/** Sets this browser's language as the header's switch would (the switch itself is tested below). */
async function speak(page: Page, locale: 'en' | 'fr'): Promise<void> {
	await page.context().addCookies([{ name: 'switchboard_locale', value: locale, url: app.url }]);
}

/** Opens a page in French and checks it at both sizes: French, no overflow at 360 px, axe clean. */
async function checkInFrench(page: Page, path: string, name: string, ready: (p: Page) => Promise<unknown>) {
	await speak(page, 'fr');
	await page.setViewportSize(PHONE);
	await page.goto(app.url + path);
	await ready(page);
	expect(await page.locator('html').getAttribute('lang')).toBe('fr');
	const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
	// The elements sticking out past the screen's right edge, for the failure message.
	const offenders = await page.evaluate(
		(limit) =>
			[...document.body.querySelectorAll('*')]
				.filter((el) => el.getBoundingClientRect().right > limit + 0.5)
				.slice(0, 6)
				.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
		PHONE.width
	);
	expect
		.soft(width, `${name} in French is ${width} px wide at 360 px: ${offenders.join(', ')}`)
		.toBeLessThanOrEqual(PHONE.width);
	await screenshot(page, `fr-${name}-360`);
	expect.soft(await seriousA11yViolations(page), `${name} in French at 360 px`).toEqual([]);
	await page.setViewportSize(DESKTOP);
	await screenshot(page, `fr-${name}-1280`);
	expect.soft(await seriousA11yViolations(page), `${name} in French at 1280 px`).toEqual([]);
	await speak(page, 'en');
}

beforeAll(async () => {
	app = await startApp();
	browser = await launchBrowser();
	[facilitator, player, evaluator] = await Promise.all(
		Array.from({ length: 3 }, async () => (await newPerson(browser)).page)
	);
	await firstRunSetup(facilitator, app.url);
	exerciseId = await createExercise(facilitator, app.url, {
		scenarioId: 'example-quickstart',
		organisation: 'Northwind Telecom'
	});
	link = await participantLink(facilitator);
	await joinAsParticipant(player, link, 'Alice', SOC);
	await joinAsStaff(evaluator, await staffLink(facilitator), 'Eve', 'Evaluator');
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('the interface in French', { timeout: 300_000 }, () => {
	it('follows a French browser, and the switch changes the language for good', async () => {
		const context = await browser.newContext({ locale: 'fr-FR', viewport: DESKTOP });
		const visitor = await context.newPage();
		await visitor.goto(app.url + '/');
		expect(await visitor.locator('html').getAttribute('lang')).toBe('fr');
		await visitor.getByRole('heading', { name: fr.nav_join }).waitFor();

		const switcher = visitor.getByRole('group', { name: fr.language_switch_label });
		expect(await switcher.getByRole('button', { name: 'Français' }).getAttribute('aria-pressed')).toBe(
			'true'
		);
		// Keyboard: focus the English button and press Enter.
		await switcher.getByRole('button', { name: 'English' }).focus();
		await visitor.keyboard.press('Enter');
		await visitor.getByRole('heading', { name: en.nav_join }).waitFor();
		expect(await visitor.locator('html').getAttribute('lang')).toBe('en');
		await visitor.reload();
		await visitor.getByRole('heading', { name: en.nav_join }).waitFor();

		await visitor
			.getByRole('group', { name: en.language_switch_label })
			.getByRole('button', { name: 'Français' })
			.click();
		await visitor.getByRole('heading', { name: fr.nav_join }).waitFor();
		await visitor.reload();
		await visitor.getByRole('heading', { name: fr.nav_join }).waitFor();
		expect(await visitor.locator('html').getAttribute('lang')).toBe('fr');
		await context.close();
	});

	it('home, join and the lobby', async () => {
		const context = await browser.newContext({ locale: 'fr-FR' });
		const visitor = await context.newPage();
		await checkInFrench(visitor, '/', 'home', (p) => p.getByRole('heading', { name: fr.nav_join }).waitFor());
		await checkInFrench(visitor, '/join', 'join', (p) => p.locator('h1').waitFor());
		await checkInFrench(visitor, new URL(link).pathname, 'join-code', (p) => p.locator('h1').waitFor());
		await context.close();
		await checkInFrench(facilitator, `/exercises/${exerciseId}/lobby`, 'lobby', (p) =>
			p.locator('h1').waitFor()
		);
	});

	it('play, observe and the console while the exercise runs', async () => {
		await facilitator.goto(`${app.url}/exercises/${exerciseId}/lobby`);
		await facilitator.getByRole('button', { name: 'Start exercise' }).click();
		await facilitator.waitForURL('**/console');
		await releaseNow(facilitator, TICKET);
		// Scenario text stays in the scenario's language.
		await checkInFrench(player, `/play/${exerciseId}`, 'play', (p) => injectHeading(p, TICKET).waitFor());
		await checkInFrench(evaluator, `/observe/${exerciseId}`, 'observe', (p) => p.locator('h1').waitFor());
		await checkInFrench(facilitator, `/exercises/${exerciseId}/console`, 'console', (p) =>
			p.locator('h1').waitFor()
		);
	});

	it('the review after the end', async () => {
		await facilitator.goto(`${app.url}/exercises/${exerciseId}/console`);
		await facilitator.getByRole('button', { name: 'End exercise' }).click();
		await facilitator.getByRole('button', { name: 'Yes, end exercise' }).click();
		await facilitator.getByText('Exercise ended. The review is ready.').waitFor();
		await checkInFrench(facilitator, `/exercises/${exerciseId}/review`, 'review', (p) =>
			p.locator('h1').waitFor()
		);
	});
});

// ---------------------------------------------------------------------------------------------------------------
// Pages outside the live exercise (branch fr-rest): sign-in, first-run setup, account, invitations, administration,
// scenario library, studio and import, and the rest of the review. Each page is opened in French at both sizes
// (checkInFrench) and its text is read: French wording present, the English wording it replaced absent.
// ---------------------------------------------------------------------------------------------------------------

/** The page's visible text contains every `french` string and none of the `english` ones it replaced. */
async function expectFrenchText(page: Page, french: string[], english: string[]): Promise<void> {
	const text = await page.locator('body').innerText();
	for (const s of french) expect.soft(text, `French "${s}" on ${page.url()}`).toContain(s);
	for (const s of english) expect.soft(text, `English "${s}" on ${page.url()}`).not.toContain(s);
}

describe('the interface in French outside the exercise', { timeout: 300_000 }, () => {
	it('first-run setup on a fresh server, with its refusals in French', async () => {
		const fresh = await startApp();
		try {
			const context = await browser.newContext({ locale: 'fr-FR' });
			const visitor = await context.newPage();
			const original = app;
			app = fresh;
			try {
				await checkInFrench(visitor, '/setup', 'setup', async (p) => {
					await p.getByRole('heading', { name: fr.setup_title }).waitFor();
					await expectFrenchText(p, [fr.setup_intro, fr.setup_name_hint], [en.setup_intro, 'Display name']);
				});
				await speak(visitor, 'fr');
				await visitor.goto(fresh.url + '/setup');
				await visitor.getByLabel(fr.setup_name).fill('Claire Martin');
				await visitor.getByLabel(fr.signin_username).fill('claire');
				await visitor.getByLabel(fr.signin_password, { exact: true }).fill('court');
				await visitor.getByLabel(fr.setup_confirm).fill('autre');
				await visitor.getByRole('button', { name: fr.setup_submit }).click();
				await visitor.getByRole('alert').filter({ hasText: fr.setup_err_fields }).waitFor();
				await expectFrenchText(
					visitor,
					[fr.setup_err_confirm, fr.setup_err_password_short.replace('{length}', '5')],
					[en.setup_err_confirm]
				);
			} finally {
				app = original;
			}
			await context.close();
		} finally {
			await fresh.stop();
		}
	});

	it('sign-in, with a refused password in French', async () => {
		const context = await browser.newContext({ locale: 'fr-FR' });
		const visitor = await context.newPage();
		await checkInFrench(visitor, '/login', 'signin', async (p) => {
			await p.getByRole('heading', { name: fr.signin_title }).waitFor();
			await expectFrenchText(p, [fr.signin_intro, fr.signin_home_link], [en.signin_intro]);
		});
		await speak(visitor, 'fr');
		await visitor.goto(app.url + '/login');
		await visitor.getByLabel(fr.signin_username).fill('fran');
		await visitor.getByLabel(fr.signin_password).fill('not the password');
		await visitor.getByRole('button', { name: fr.signin_submit }).click();
		await visitor.getByRole('alert').filter({ hasText: fr.signin_err_credentials }).waitFor();
		await context.close();
	});

	it('account and an invitation', async () => {
		await checkInFrench(facilitator, '/account', 'account', async (p) => {
			await p.getByRole('heading', { name: fr.account_title }).waitFor();
			await expectFrenchText(
				p,
				[fr.account_second_factor, fr.account_off],
				[en.account_off, 'Second factor']
			);
		});
		// The invitation is made in English by the administrator, then opened in French by the person invited.
		await facilitator.goto(app.url + '/admin');
		await facilitator.locator('#label').fill('Bruno Petit');
		await facilitator.locator('form[action="?/invite"] button[type=submit]').click();
		const inviteLink = await facilitator.locator('#invite-link').inputValue();
		const context = await browser.newContext({ locale: 'fr-FR' });
		const visitor = await context.newPage();
		await checkInFrench(visitor, new URL(inviteLink).pathname, 'invite', async (p) => {
			await p.getByRole('heading', { name: fr.invite_heading }).waitFor();
			await expectFrenchText(
				p,
				[fr.invite_as_one.replace('{label}', 'Bruno Petit').replace('{roles}', fr.admin_role_facilitator)],
				['You were invited', en.invite_password_hint]
			);
		});
		await speak(visitor, 'fr');
		await visitor.goto(inviteLink);
		await visitor.getByLabel(fr.invite_name).fill('Bruno Petit');
		await visitor.getByLabel(fr.signin_username).fill('bruno');
		await visitor.getByLabel(fr.signin_password).fill('password');
		await visitor.getByRole('button', { name: fr.setup_submit }).click();
		await visitor.getByText(fr.setup_pw_common).waitFor();
		await context.close();
	});

	it('the rest of the review and the printed report', async () => {
		await checkInFrench(facilitator, `/exercises/${exerciseId}/review`, 'review-rest', async (p) => {
			await p.getByRole('heading', { name: fr.review_replay, exact: true }).waitFor();
			await expectFrenchText(
				p,
				[fr.review_plan, fr.review_export_pdf, fr.review_obs_save, 'Couverture :', fr.review_feedback_none],
				[
					'Improvement plan',
					'Save observation',
					'Coverage:',
					'JSON (whole exercise)',
					'No feedback forms yet'
				]
			);
		});
		// The printed report is an A4 layout that only the PDF printer opens: checked at 1280 px, not on a phone.
		await speak(facilitator, 'fr');
		await facilitator.setViewportSize(DESKTOP);
		await facilitator.goto(`${app.url}/exercises/${exerciseId}/review/report`);
		await facilitator.getByRole('heading', { name: fr.report_coverage, exact: true }).waitFor();
		await expectFrenchText(
			facilitator,
			[fr.report_facilitator, fr.report_delivered, fr.report_share, fr.review_plan],
			['Decisions that reached the teams', 'Improvement plan', 'Share of the scenario']
		);
		await screenshot(facilitator, 'fr-report-1280');
		expect.soft(await seriousA11yViolations(facilitator), 'report in French at 1280 px').toEqual([]);
		await speak(facilitator, 'en');
	});

	it('administration and the audit log', async () => {
		await checkInFrench(facilitator, '/admin', 'admin', async (p) => {
			await p.getByRole('heading', { name: fr.admin_invite }).waitFor();
			await expectFrenchText(
				p,
				[fr.admin_invite_intro, fr.admin_sessions, fr.admin_state_open, fr.admin_role_author],
				['Invite someone', 'Live sessions', 'Scenario author', 'Save roles']
			);
		});
		await checkInFrench(facilitator, '/admin/audit', 'audit', async (p) => {
			await p.getByRole('heading', { name: fr.admin_audit_link }).waitFor();
			await expectFrenchText(
				p,
				[fr.admin_audit_intro, fr.admin_audit_export_csv],
				['Export CSV', 'Any action']
			);
		});
	});

	it("the scenario library and a scenario's page", async () => {
		await checkInFrench(facilitator, '/scenarios', 'scenarios', async (p) => {
			await p.getByRole('heading', { name: fr.studio_library, level: 1 }).waitFor();
			await expectFrenchText(
				p,
				[fr.studio_published, fr.studio_drafts, fr.studio_guide_flow, fr.studio_duplicate],
				['Published scenarios', 'Guide and flow', 'Duplicate into a draft', 'Your drafts']
			);
		});
		// The scenario's own page: its chrome and the lines written from the scenario file in French.
		await checkInFrench(facilitator, '/scenarios/example-quickstart', 'scenario', async (p) => {
			await p.getByRole('heading', { name: fr.studio_flow, exact: true }).waitFor();
			await expectFrenchText(
				p,
				[
					fr.studio_guide,
					fr.studio_versions,
					fr.studio_run_scenario,
					fr.studio_published_by,
					`Décision (${fr.flow_type_single}`,
					'10m plus tard'
				],
				[
					"Facilitator's guide",
					'Run this scenario',
					'Published by',
					'Change note',
					'Decision (single',
					'reaches the team'
				]
			);
		});
	});
});

// ─── Pages used during an exercise (console, exercise list and form, hot wash, trends, observe, feedback) ───
// A second exercise of its own, so these pages are seen in the states they are used in. Set-up runs in English
// as above; each page is then checked in French: its own words present, English interface words absent.

/** The page's text, hidden parts included (a closed dialog, a folded section), checked for interface words. */
async function expectWords(page: Page, name: string, present: string[], absent: string[]): Promise<void> {
	const text = await page.evaluate(() => document.body.textContent ?? '');
	for (const words of present) expect.soft(text, `${name} in French shows "${words}"`).toContain(words);
	for (const words of absent)
		expect.soft(text, `${name} in French still shows "${words}"`).not.toContain(words);
}

describe('pages used during an exercise, in French', { timeout: 300_000 }, () => {
	let liveId: string;

	beforeAll(async () => {
		liveId = await createExercise(facilitator, app.url, {
			scenarioId: 'example-quickstart',
			organisation: 'Northwind Telecom',
			name: 'Exercice de nuit'
		});
		await facilitator.getByRole('button', { name: 'Start exercise' }).click();
		await facilitator.waitForURL('**/console');
		await releaseNow(facilitator, TICKET);
	});

	it('the console while the exercise runs', async () => {
		await checkInFrench(facilitator, `/exercises/${liveId}/console`, 'live-console', async (p) => {
			await p.getByRole('heading', { name: fr.console_injects_heading, exact: true }).waitFor();
			await expectWords(
				p,
				'the console',
				[
					fr.console_group_delivered,
					fr.console_teams_heading,
					fr.console_adhoc_heading,
					fr.console_shortcuts_intro,
					fr.console_jump_heading,
					fr.console_override_heading,
					fr.console_pause
				],
				[
					'Release now',
					'Upcoming',
					'Keyboard shortcuts',
					'Ad-hoc inject',
					'Regulatory clocks',
					'Latest events',
					'Override a score',
					'Jump the scenario clock',
					'Send inject',
					'Facilitator notes',
					'End exercise'
				]
			);
		});
	});

	it('the exercise list and the new-exercise form', async () => {
		await checkInFrench(facilitator, '/exercises', 'exercise-list', async (p) => {
			await p.getByRole('heading', { name: fr.exercises_heading, exact: true }).waitFor();
			await expectWords(
				p,
				'the exercise list',
				[fr.exercises_new, fr.exercises_col_created, fr.exercises_caption, 'Exercice de nuit'],
				['New exercise from a scenario', 'Your exercises, newest first', 'Not scored yet']
			);
		});
		await checkInFrench(
			facilitator,
			'/exercises/new?scenario=example-quickstart',
			'new-exercise',
			async (p) => {
				await p.getByRole('heading', { name: fr.exercises_new_heading, exact: true }).waitFor();
				await expectWords(
					p,
					'the new-exercise form',
					[fr.exercises_name, fr.exercises_teams, fr.exercises_compression, fr.exercises_create],
					['Exercise name', 'Teams taking part', 'Time compression', 'Create exercise', 'scenario minutes']
				);
			}
		);
	});

	it('the evaluator page and the HSEEP rating panel it shares with the console', async () => {
		const staff = (await newPerson(browser)).page;
		await facilitator.goto(`${app.url}/exercises/${liveId}/lobby`);
		await joinAsStaff(staff, await staffLink(facilitator), 'Eva', 'Evaluator');
		await checkInFrench(staff, `/observe/${liveId}`, 'live-observe', async (p) => {
			await p.getByRole('heading', { name: fr.observe_notes, exact: true }).waitFor();
			await expectWords(
				p,
				'the evaluator page',
				[
					fr.observe_teams,
					fr.observe_clocks,
					fr.observe_objectives,
					fr.observe_decisions,
					fr.observe_note_add,
					fr.observe_save_rating,
					fr.observe_reason_label,
					fr.observe_role_evaluator,
					fr.observe_ratings_heading.split('{team}')[0]
				],
				[
					'Regulatory clocks',
					'Decisions and answers',
					'Add note',
					'Whole exercise',
					'No notes yet',
					'HSEEP ratings',
					'objectives rated',
					'Save rating',
					'Reason (required)',
					'Other evidence',
					'Not rated yet'
				]
			);
		});
		await checkInFrench(facilitator, `/exercises/${liveId}/console`, 'live-console-ratings', async (p) => {
			await p.getByRole('heading', { name: fr.console_rating_heading, exact: true }).waitFor();
			await expectWords(
				p,
				"the console's rating panel",
				[fr.observe_ratings_heading.split('{team}')[0], fr.observe_save_rating],
				['HSEEP ratings:', 'objectives rated', 'Save rating', 'Reason (required)']
			);
		});
		await staff.context().close();
	});

	it('the feedback form, on the first exercise now ended', async () => {
		await checkInFrench(player, `/exercises/${exerciseId}/feedback`, 'feedback', async (p) => {
			await p.getByRole('button', { name: fr.feedback_send, exact: true }).waitFor();
			await expectWords(
				p,
				'the feedback form',
				[
					fr.feedback_stmt_realism,
					fr.feedback_scale_1,
					fr.feedback_q_went_well,
					fr.feedback_q_takeaway,
					fr.feedback_anonymous
				],
				['Feedback on', 'Strongly disagree', 'What went well', 'Anonymous:', 'Send feedback', 'realistic']
			);
		});
	});

	it('the hot wash, on the first exercise now ended', async () => {
		await checkInFrench(facilitator, `/exercises/${exerciseId}/hotwash`, 'hotwash', async (p) => {
			await p.getByRole('heading', { name: fr.hotwash_notes, exact: true }).waitFor();
			await expectWords(
				p,
				'the hot wash',
				[
					fr.hotwash_questions,
					fr.hotwash_improvements,
					fr.hotwash_save_note,
					fr.hotwash_whole,
					fr.feedback_stmt_realism
				],
				[
					'Hot wash',
					'Discussion questions',
					'Areas for improvement',
					'Save note',
					'The whole exercise',
					'realistic'
				]
			);
		});
	});

	it('trends across exercises', async () => {
		await checkInFrench(facilitator, '/trends', 'trends', async (p) => {
			await p.getByRole('heading', { name: fr.trends_heading, exact: true }).waitFor();
			await expectWords(
				p,
				'the trends page',
				[fr.trends_intro, fr.trends_all_teams, fr.trends_run.replace('{n}', '1')],
				['Trends across exercises', 'share of points per team', 'All teams', 'Run 1']
			);
		});
	});
});

// ─── The studio in French: the import page (with its MSEL mapping step) and the editor of the imported draft ───
// Uses the session's server and facilitator: one import, read in French, then the draft it makes in the editor.

describe('the studio in French', { timeout: 300_000 }, () => {
	it('the import page, at its MSEL mapping step', async () => {
		await checkInFrench(facilitator, '/scenarios/import', 'import', async (p) => {
			await p.getByRole('heading', { name: fr.import_page_title, level: 1 }).waitFor();
			const input = p.getByLabel(fr.import_page_spreadsheet, { exact: true });
			await input.setInputFiles({
				name: 'msel-sim-swap.csv',
				mimeType: 'text/csv',
				buffer: readFileSync('test/fixtures/import/msel-sim-swap.csv')
			});
			await p.getByRole('button', { name: fr.import_page_read_sheet }).click();
			await p.locator('#map-title').waitFor();
			await expectWords(
				p,
				'the import page',
				[
					fr.import_page_iceberg_heading,
					fr.import_page_expected_become,
					fr.import_page_field_title_hint,
					fr.import_page_other_file,
					"lignes sous l'en-tête. Vérifiez le contenu de chaque colonne."
				],
				[
					'Import into a draft',
					'Expected actions become',
					'Check which column holds what',
					'Choose another file',
					'(not in the sheet)',
					'Only the inject title is required'
				]
			);
		});
	});

	it('the editor of the imported draft, with its import report and the publish tab', async () => {
		// The mapping step left open above: import the sheet as it was read.
		await facilitator.getByRole('button', { name: fr.import_page_import }).first().click();
		await facilitator.waitForURL('**/scenarios/*/edit');
		const path = new URL(facilitator.url()).pathname;
		await checkInFrench(facilitator, path, 'editor', async (p) => {
			await expect
				.poll(() => p.locator('#problems-count').innerText(), { timeout: 30_000 })
				.toBe(fr.editor_no_problems);
			await expectWords(
				p,
				'the editor',
				[
					fr.editor_intro,
					fr.editor_tab_try,
					fr.editor_form_when,
					fr.editor_form_who,
					'Ligne 7 : non importée — le titre du stimulus est vide'
				],
				[
					'Changes are saved as you type',
					'What the import changed or left out',
					'Row 7: not imported',
					'When it arrives',
					'Who receives it',
					'Text the teams read'
				]
			);
			await p.getByRole('tab', { name: fr.editor_tab_publish }).click();
			await p.getByRole('button', { name: fr.editor_publish }).waitFor();
			await expectWords(
				p,
				'the publish tab',
				[fr.editor_change_note, fr.editor_discard],
				['Publish a new version', 'Discard the draft', 'Change note']
			);
		});
	});
});
