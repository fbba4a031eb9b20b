import type { Database } from 'better-sqlite3';
import { type QuizConfig, quizConfigSchema } from '../core/config.js';

interface ConfigRow {
  guild_id: string;
  channel_id: string;
  post_time: string;
  time_zone: string;
  duration_minutes: number;
  ping_role_id: string | null;
  paused: number;
  active_since: number;
  updated_at: number;
}

export type ConfigRead =
  | { kind: 'none' }
  | { kind: 'ok'; config: QuizConfig }
  | { kind: 'invalid'; guildId: string; problems: string[] };

export interface QuizConfigRepository {
  get(guildId: string): ConfigRead;
  /** Every stored configuration, each checked against its schema. */
  list(): ConfigRead[];
  save(config: QuizConfig): void;
  setPaused(guildId: string, paused: boolean, now: number): boolean;
  remove(guildId: string): void;
}

function readRow(row: ConfigRow): ConfigRead {
  const parsed = quizConfigSchema.safeParse({
    guildId: row.guild_id,
    channelId: row.channel_id,
    postTime: row.post_time,
    timeZone: row.time_zone,
    durationMinutes: row.duration_minutes,
    pingRoleId: row.ping_role_id,
    paused: row.paused === 1,
    activeSince: row.active_since,
    updatedAt: row.updated_at,
  });
  if (parsed.success) return { kind: 'ok', config: parsed.data };
  return {
    kind: 'invalid',
    guildId: row.guild_id,
    problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
  };
}

export function createQuizConfigRepository(db: Database): QuizConfigRepository {
  const select = db.prepare<[string], ConfigRow>('SELECT * FROM quiz_configs WHERE guild_id = ?');
  const selectAll = db.prepare<[], ConfigRow>('SELECT * FROM quiz_configs ORDER BY guild_id');
  const upsert = db.prepare<ConfigRow>(
    `INSERT INTO quiz_configs
       (guild_id, channel_id, post_time, time_zone, duration_minutes, ping_role_id, paused, active_since, updated_at)
     VALUES
       (@guild_id, @channel_id, @post_time, @time_zone, @duration_minutes, @ping_role_id, @paused, @active_since, @updated_at)
     ON CONFLICT (guild_id) DO UPDATE SET
       channel_id = excluded.channel_id, post_time = excluded.post_time, time_zone = excluded.time_zone,
       duration_minutes = excluded.duration_minutes, ping_role_id = excluded.ping_role_id,
       paused = excluded.paused, active_since = excluded.active_since, updated_at = excluded.updated_at`,
  );
  const updatePaused = db.prepare<[number, number, number, number, string]>(
    `UPDATE quiz_configs
        SET paused = ?, updated_at = ?, active_since = CASE WHEN ? = 0 THEN ? ELSE active_since END
      WHERE guild_id = ?`,
  );
  const deleteConfig = db.prepare<[string]>('DELETE FROM quiz_configs WHERE guild_id = ?');

  return {
    get(guildId) {
      const row = select.get(guildId);
      return row ? readRow(row) : { kind: 'none' };
    },
    list() {
      return selectAll.all().map(readRow);
    },
    save(config) {
      const valid = quizConfigSchema.parse(config);
      upsert.run({
        guild_id: valid.guildId,
        channel_id: valid.channelId,
        post_time: valid.postTime,
        time_zone: valid.timeZone,
        duration_minutes: valid.durationMinutes,
        ping_role_id: valid.pingRoleId,
        paused: valid.paused ? 1 : 0,
        active_since: valid.activeSince,
        updated_at: valid.updatedAt,
      });
    },
    setPaused(guildId, paused, now) {
      return updatePaused.run(paused ? 1 : 0, now, paused ? 1 : 0, now, guildId).changes > 0;
    },
    remove(guildId) {
      deleteConfig.run(guildId);
    },
  };
}
