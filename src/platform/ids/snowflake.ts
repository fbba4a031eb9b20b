import { z } from 'zod';

/** A Discord id (user, server, channel, role, message): a snowflake written as 17 to 20 digits. */
export const snowflakeSchema = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');
