import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: string;
  /** Values that must never be written, such as the bot token. */
  secrets?: readonly string[];
  destination?: DestinationStream;
}

/** A structured JSON logger that masks every known secret in every line it writes, whatever the field. */
/** Interaction and webhook tokens in request URLs (a failed REST call logs its URL): each lets its holder post as the bot. */
const urlTokens = /(\/(?:interactions|webhooks)\/\d+\/)[\w.-]{20,}/g;

export function createLogger({ level, secrets = [], destination }: LoggerOptions): Logger {
  const target = destination ?? pino.destination({ dest: 1, sync: false });
  const masked = secrets.filter((secret) => secret.length >= 6);
  const stream: DestinationStream = {
    write(line: string) {
      let safe = line.replace(urlTokens, '$1[redacted]');
      for (const secret of masked) safe = safe.split(secret).join('[redacted]');
      target.write(safe);
    },
  };
  return pino(
    {
      level,
      base: { app: 'roundtable' },
      redact: {
        paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization', 'env.DISCORD_TOKEN'],
        censor: '[redacted]',
      },
    },
    stream,
  );
}
