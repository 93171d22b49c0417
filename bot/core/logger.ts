import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Application logs carry ids, verbs and outcomes only. Message text, card input and names never go in,
 * because practitioners may type things about children; the redact list is a second line of defence.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
    level,
    base: { app: 'partnership-bot' },
    redact: {
      paths: ['text', '*.text', 'value', '*.value', 'data', '*.data', 'name', '*.name', 'activity.text', 'password', '*.password', 'key', '*.key'],
      censor: '[redacted]',
    },
    },
    destination,
  );
}
