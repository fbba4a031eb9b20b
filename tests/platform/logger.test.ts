import { Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { createLogger } from '../../src/platform/logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.secretpartofthetoken';

test('GIVEN the token inside a message, an error and a nested field THEN no written line contains it', () => {
  const { lines, destination } = capture();
  const logger = createLogger({ level: 'debug', secrets: [token], destination });
  logger.info(`connecting with ${token}`);
  logger.error({ err: new Error(`401 for Bot ${token}`) }, 'login failed');
  logger.warn({ request: { headers: { authorization: `Bot ${token}` } }, token }, 'request');
  expect(lines).toHaveLength(3);
  expect(lines.join('')).not.toContain(token);
  expect(lines.join('')).not.toContain('secretpartofthetoken');
  expect(lines.join('')).toContain('[redacted]');
});
