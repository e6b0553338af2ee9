/**
 * Structured logs (pino): one JSON object per line for an operator's log pipeline, or readable lines on a
 * terminal. What is logged is chosen for running the server, not for reading the exercise: requests by route
 * pattern (never the raw path, which can hold a join code), command types and outcomes, restores, errors.
 * Secrets and exercise content are redacted wherever they could slip into a logged object.
 */
import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

const LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof FORMATS)[number];

/** Paths pino censors in any logged object: credentials, codes, and the text people write in an exercise. */
export const REDACTED_PATHS = [
	'password',
	'*.password',
	'joinCode',
	'*.joinCode',
	'staffCode',
	'*.staffCode',
	'cookie',
	'*.cookie',
	'*.headers.cookie',
	'*.headers.authorization',
	'authorization',
	'text',
	'*.text',
	'body',
	'*.body'
];

export interface LogSettings {
	level: LevelWithSilent;
	format: LogFormat;
}

/**
 * LOG_LEVEL (default info) and LOG_FORMAT (json, or pretty; default pretty on a terminal, json otherwise).
 * A value that is not one of those stops the server with a message naming the setting.
 */
export function readLogSettings(
	env: Record<string, string | undefined>,
	isTerminal: boolean = Boolean(process.stdout.isTTY)
): LogSettings {
	const level = (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as LevelWithSilent;
	if (!LEVELS.includes(level)) {
		throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${env.LOG_LEVEL}".`);
	}
	const format = (env.LOG_FORMAT?.trim().toLowerCase() || (isTerminal ? 'pretty' : 'json')) as LogFormat;
	if (!FORMATS.includes(format)) {
		throw new Error(`LOG_FORMAT must be json or pretty, got "${env.LOG_FORMAT}".`);
	}
	return { level, format };
}

/** A logger writing to `destination` (standard output by default). */
export function createLogger(settings: LogSettings, destination?: DestinationStream): Logger {
	const options = {
		level: settings.level,
		base: { service: 'switchboard' },
		redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
		serializers: { err: pino.stdSerializers.err }
	};
	if (settings.format === 'pretty') {
		return pino(
			options,
			pretty({
				destination: destination ?? 1,
				sync: true,
				colorize: !destination,
				ignore: 'pid,hostname,service'
			})
		);
	}
	return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}

/** A logger that writes nothing (tests that do not look at logs). */
export const silentLogger: Logger = pino({ level: 'silent' });

let shared: Logger | null = null;

/** The process's logger, from LOG_LEVEL and LOG_FORMAT (created on first use). */
export function defaultLogger(): Logger {
	shared ??= createLogger(readLogSettings(process.env));
	return shared;
}
