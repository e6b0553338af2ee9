/**
 * Scenario command line: `npm run scenario -- validate <files...>`,
 * `npm run scenario -- simulate <file> --answers <file> [--json]` and `npm run scenario -- balance <file> [--json]`.
 * Exit codes: 0 fine, 1 problems found, 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseAnswerScript } from '../src/lib/engine/answer-script';
import { formatBalance, teamBalance } from '../src/lib/engine/scenario/balance';
import { formatIssue, parseScenario } from '../src/lib/engine/scenario/index';
import { formatSimulation, runSimulation } from '../src/lib/engine/simulate';

const HELP = `Usage:
  npm run scenario -- validate <scenario.yaml...>
      Check scenario files; prints every problem as file:line path: message.
  npm run scenario -- simulate <scenario.yaml> --answers <answers.yaml> [--json]
      Play a scenario headlessly with an answer script; prints the timeline and final scores.
  npm run scenario -- balance <scenario.yaml> [--json]
      Per team and phase: the decisions and points each team is sure to get, its share of the total,
      phases where a team has nothing to decide, and decisions whose best option is the longest label.

Exit status: 0 when everything is fine, 1 when a file has problems (or misses the balance target), 2 on a
usage error.`;

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (text: string) => process.stderr.write(`${text}\n`);

function usage(problem: string): number {
	err(`scenario: ${problem}\n\n${HELP}`);
	return 2;
}

function read(file: string): string | null {
	try {
		return readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		err(`${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (code ?? String(error))})`);
		return null;
	}
}

function validate(files: string[]): number {
	if (files.length === 0) return usage('validate needs at least one scenario file');
	let problems = 0;
	let unreadable = 0;
	const ids = new Map<string, string>();
	for (const file of files) {
		const text = read(file);
		if (text === null) {
			unreadable++;
			continue;
		}
		const { scenario, issues } = parseScenario(text, file);
		issues.forEach((issue) => out(formatIssue(issue)));
		problems += issues.length;
		if (!scenario) continue;
		const clash = ids.get(scenario.id);
		if (clash) {
			out(`${file}:1 id: scenario id "${scenario.id}" is already used by ${clash}`);
			problems++;
		} else ids.set(scenario.id, file);
	}
	if (problems > 0 || unreadable > 0) {
		err(
			`${problems} problem${problems === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}`
		);
		return 1;
	}
	out(`${files.length} scenario${files.length === 1 ? '' : 's'} valid: ${[...ids.keys()].join(', ')}`);
	return 0;
}

function simulate(args: string[]): number {
	const json = args.includes('--json');
	const rest = args.filter((arg) => arg !== '--json');
	const at = rest.indexOf('--answers');
	const answersFile = at >= 0 ? rest[at + 1] : undefined;
	const positional = rest.filter((_, i) => i !== at && i !== at + 1);
	if (!answersFile || answersFile.startsWith('--')) return usage('simulate needs --answers <answers.yaml>');
	const unknown = positional.find((arg) => arg.startsWith('--'));
	if (unknown) return usage(`unknown option ${unknown}`);
	if (positional.length !== 1) return usage('simulate takes exactly one scenario file');
	const [file] = positional;

	const text = read(file);
	const answersText = read(answersFile);
	if (text === null || answersText === null) return 1;
	const { scenario, issues } = parseScenario(text, file);
	const script = parseAnswerScript(answersText, answersFile);
	[...issues, ...script.issues].forEach((issue) => out(formatIssue(issue)));
	if (!scenario || !script.script) return 1;
	try {
		const result = runSimulation(scenario, script.script);
		if (json) {
			const { timeline, scores, clocks } = result;
			out(
				JSON.stringify(
					{ scenario: scenario.id, answers: basename(answersFile), timeline, scores, clocks },
					null,
					2
				)
			);
		} else out(formatSimulation(result));
		return 0;
	} catch (error) {
		// runSimulation lists script problems (unknown decisions, bad answers) in its error message.
		out(error instanceof Error ? error.message : String(error));
		return 1;
	}
}

function balance(args: string[]): number {
	const json = args.includes('--json');
	const rest = args.filter((arg) => arg !== '--json');
	const unknown = rest.find((arg) => arg.startsWith('--'));
	if (unknown) return usage(`unknown option ${unknown}`);
	if (rest.length !== 1) return usage('balance takes exactly one scenario file');
	const text = read(rest[0]);
	if (text === null) return 1;
	const { scenario, issues } = parseScenario(text, rest[0]);
	issues.forEach((issue) => out(formatIssue(issue)));
	if (!scenario) return 1;
	const report = teamBalance(scenario);
	out(json ? JSON.stringify(report, null, 2) : formatBalance(report));
	return report.shortfalls.length ? 1 : 0;
}

function main(argv: string[]): number {
	const [command, ...args] = argv;
	if (command === 'validate') return validate(args);
	if (command === 'simulate') return simulate(args);
	if (command === 'balance') return balance(args);
	if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
		out(HELP);
		return command === undefined ? 2 : 0;
	}
	return usage(`unknown command "${command}"`);
}

process.exitCode = main(process.argv.slice(2));
