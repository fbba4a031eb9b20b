import { type Client, DiscordAPIError, type Interaction, type TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelRef, LoopbackDiscord, MemberRef } from '../src/index.js';
import { rawRequest, sampleCommands, startBareWorld, stopBareWorld } from './support.js';

const button = (customId: string, label = customId) => ({ type: 2, style: 1, custom_id: customId, label });
const row = (...components: unknown[]) => ({ type: 1, components });

describe("loopback Discord validates bodies against Discord's limits", () => {
  let discord: LoopbackDiscord, client: Client, channel: ChannelRef, alice: MemberRef;
  let messagesPath: string;

  beforeAll(async () => {
    ({ discord, client, channel, alice } = await startBareWorld({
      guildName: 'Limits',
      channelName: 'limits',
    }));
    messagesPath = `/channels/${channel.id}/messages`;
  });

  afterAll(() => stopBareWorld({ client, discord }));

  const cases: { name: string; body: unknown; path: (string | number)[]; code: string }[] = [
    {
      name: 'content over 2000',
      body: { content: 'x'.repeat(2001) },
      path: ['content'],
      code: 'BASE_TYPE_MAX_LENGTH',
    },
    {
      name: '11 embeds',
      body: { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) },
      path: ['embeds'],
      code: 'BASE_TYPE_MAX_LENGTH',
    },
    {
      name: 'embed title over 256',
      body: { embeds: [{ title: 'x'.repeat(257) }] },
      path: ['embeds', 0, 'title'],
      code: 'BASE_TYPE_MAX_LENGTH',
    },
    {
      name: 'embed description over 4096',
      body: { embeds: [{ description: 'x'.repeat(4097) }] },
      path: ['embeds', 0, 'description'],
      code: 'BASE_TYPE_MAX_LENGTH',
    },
    {
      name: '26 embed fields',
      body: {
        embeds: [{ fields: Array.from({ length: 26 }, (_, index) => ({ name: `f${index}`, value: 'v' })) }],
      },
      path: ['embeds', 0, 'fields'],
      code: 'BASE_TYPE_MAX_LENGTH',
    },
    {
      name: 'field name over 256',
      body: { embeds: [{ fields: [{ name: 'x'.repeat(257), value: 'v' }] }] },
      path: ['embeds', 0, 'fields', 0, 'name'],
      code: 'BASE_TYPE_MAX_LENGTH',
    },
    {
      name: 'field value over 1024',
      body: { embeds: [{ fields: [{ name: 'n', value: 'x'.repeat(1025) }] }] },
      path: ['embeds', 0, 'fields', 0, 'value'],
      code: 'BASE_TYPE_MAX_LENGTH',
    },
    {
      name: 'footer over 2048',
      body: { embeds: [{ footer: { text: 'x'.repeat(2049) } }] },
      path: ['embeds', 0, 'footer', 'text'],
      code: 'BASE_TYPE_MAX_LENGTH',
    },
    {
      name: 'author over 256',
      body: { embeds: [{ author: { name: 'x'.repeat(257) } }] },
      path: ['embeds', 0, 'author', 'name'],
      code: 'BASE_TYPE_MAX_LENGTH',
    },
    {
      name: 'over 6000 characters across embeds',
      body: { embeds: [{ description: 'x'.repeat(4000) }, { description: 'y'.repeat(2001) }] },
      path: ['embeds'],
      code: 'MAX_EMBED_SIZE_EXCEEDED',
    },
    {
      name: '6 action rows',
      body: { components: Array.from({ length: 6 }, (_, index) => row(button(`b${index}`))) },
      path: ['components'],
      code: 'BASE_TYPE_MAX_LENGTH',
    },
    {
      name: '6 buttons in a row',
      body: { components: [row(...Array.from({ length: 6 }, (_, index) => button(`b${index}`)))] },
      path: ['components', 0, 'components'],
      code: 'BASE_TYPE_BAD_LENGTH',
    },
    {
      name: 'button label over 80',
      body: { components: [row(button('b', 'x'.repeat(81)))] },
      path: ['components', 0, 'components', 0, 'label'],
      code: 'BASE_TYPE_MAX_LENGTH',
    },
    {
      name: 'custom_id over 100',
      body: { components: [row(button('x'.repeat(101), 'b'))] },
      path: ['components', 0, 'components', 0, 'custom_id'],
      code: 'BASE_TYPE_BAD_LENGTH',
    },
    {
      name: 'duplicate custom_id',
      body: { components: [row(button('same', 'a'), button('same', 'b'))] },
      path: ['components', 0, 'components', 1, 'custom_id'],
      code: 'COMPONENT_CUSTOM_ID_DUPLICATED',
    },
    {
      name: 'link button without url',
      body: { components: [row({ type: 2, style: 5, label: 'Read' })] },
      path: ['components', 0, 'components', 0, 'url'],
      code: 'BUTTON_COMPONENT_URL_REQUIRED',
    },
    {
      name: 'link button with custom_id',
      body: {
        components: [
          row({ type: 2, style: 5, label: 'Read', url: 'https://example.org', custom_id: 'read' }),
        ],
      },
      path: ['components', 0, 'components', 0, 'custom_id'],
      code: 'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED',
    },
    {
      name: 'select sharing a row',
      body: {
        components: [row({ type: 3, custom_id: 's', options: [{ label: 'a', value: 'a' }] }, button('b'))],
      },
      path: ['components', 0, 'components', 1],
      code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
    },
    {
      name: '26 select options',
      body: {
        components: [
          row({
            type: 3,
            custom_id: 's',
            options: Array.from({ length: 26 }, (_, index) => ({ label: `o${index}`, value: `o${index}` })),
          }),
        ],
      },
      path: ['components', 0, 'components', 0, 'options'],
      code: 'BASE_TYPE_BAD_LENGTH',
    },
    {
      name: 'select option label over 100',
      body: {
        components: [row({ type: 3, custom_id: 's', options: [{ label: 'x'.repeat(101), value: 'a' }] })],
      },
      path: ['components', 0, 'components', 0, 'options', 0, 'label'],
      code: 'BASE_TYPE_BAD_LENGTH',
    },
    {
      name: 'allowed_mentions parse users with users list',
      body: { content: 'hi', allowed_mentions: { parse: ['users'], users: ['123456789012345678'] } },
      path: ['allowed_mentions'],
      code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
    },
    {
      name: 'unknown allowed_mentions parse value',
      body: { content: 'hi', allowed_mentions: { parse: ['all'] } },
      path: ['allowed_mentions', 'parse', 0],
      code: 'BASE_TYPE_CHOICES',
    },
  ];

  for (const testCase of cases) {
    it(`GIVEN a message with ${testCase.name} WHEN posted THEN Discord's 400 Invalid Form Body names the field`, async () => {
      const answer = await rawRequest(discord, 'POST', messagesPath, testCase.body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 50035, message: 'Invalid Form Body' });
      let node = (answer.body as { errors: Record<string, unknown> }).errors as unknown;
      for (const segment of testCase.path) node = (node as Record<string, unknown>)[String(segment)];
      expect((node as { _errors: { code: string }[] })._errors.map((error) => error.code)).toContain(
        testCase.code,
      );
    });
  }

  it('GIVEN a message without content, embeds or components WHEN posted THEN it is refused with 50006', async () => {
    const answer = await rawRequest(discord, 'POST', messagesPath, { content: '' });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: 50006, message: 'Cannot send an empty message' });
  });

  it('GIVEN content over 2000 sent through discord.js THEN it surfaces a DiscordAPIError with code 50035', async () => {
    const textChannel = (await client.channels.fetch(channel.id)) as TextChannel;
    const failure = await textChannel.send({ content: 'x'.repeat(2001) }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DiscordAPIError);
    expect((failure as DiscordAPIError).code).toBe(50035);
    expect((failure as DiscordAPIError).message).toContain('content[BASE_TYPE_MAX_LENGTH]');
  });

  const commandCases: {
    name: string;
    command: Record<string, unknown>;
    path: (string | number)[];
    code: string;
  }[] = [
    {
      name: 'an uppercase name',
      command: { name: 'Summary', description: 'd' },
      path: [0, 'name'],
      code: 'APPLICATION_COMMAND_INVALID_NAME',
    },
    {
      name: 'a name over 32',
      command: { name: 'x'.repeat(33), description: 'd' },
      path: [0, 'name'],
      code: 'STRING_TYPE_REGEX',
    },
    {
      name: 'a space in the name',
      command: { name: 'two words', description: 'd' },
      path: [0, 'name'],
      code: 'STRING_TYPE_REGEX',
    },
    {
      name: 'a description over 100',
      command: { name: 'summary', description: 'x'.repeat(101) },
      path: [0, 'description'],
      code: 'BASE_TYPE_BAD_LENGTH',
    },
    {
      name: '26 options',
      command: {
        name: 'summary',
        description: 'd',
        options: Array.from({ length: 26 }, (_, index) => ({ type: 3, name: `o${index}`, description: 'd' })),
      },
      path: [0, 'options'],
      code: 'BASE_TYPE_MAX_LENGTH',
    },
    {
      name: '26 choices',
      command: {
        name: 'summary',
        description: 'd',
        options: [
          {
            type: 3,
            name: 'story',
            description: 'd',
            choices: Array.from({ length: 26 }, (_, index) => ({ name: `c${index}`, value: `c${index}` })),
          },
        ],
      },
      path: [0, 'options', 0, 'choices'],
      code: 'BASE_TYPE_MAX_LENGTH',
    },
    {
      name: 'a required option after an optional one',
      command: {
        name: 'summary',
        description: 'd',
        options: [
          { type: 3, name: 'first', description: 'd', required: false },
          { type: 3, name: 'second', description: 'd', required: true },
        ],
      },
      path: [0, 'options', 1],
      code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
    },
  ];

  for (const testCase of commandCases) {
    it(`GIVEN a command with ${testCase.name} WHEN registered with PUT THEN it is refused with 50035`, async () => {
      const answer = await rawRequest(discord, 'PUT', `/applications/${discord.applicationId}/commands`, [
        testCase.command,
      ]);
      expect(answer.status).toBe(400);
      let node = (answer.body as { code: number; errors: Record<string, unknown> }).errors as unknown;
      for (const segment of testCase.path) node = (node as Record<string, unknown>)[String(segment)];
      expect((node as { _errors: { code: string }[] })._errors.map((error) => error.code)).toContain(
        testCase.code,
      );
    });
  }

  it('GIVEN thread and channel settings out of range WHEN sent THEN each field is reported', async () => {
    const posted = await rawRequest(discord, 'POST', messagesPath, { content: 'starter' });
    const messageId = (posted.body as { id: string }).id;
    const thread = await rawRequest(discord, 'POST', `${messagesPath}/${messageId}/threads`, {
      name: 'x'.repeat(101),
      auto_archive_duration: 61,
      rate_limit_per_user: 21601,
    });
    expect(thread.status).toBe(400);
    expect(thread.body).toMatchObject({
      code: 50035,
      errors: {
        name: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] },
        auto_archive_duration: { _errors: [{ code: 'BASE_TYPE_CHOICES' }] },
        rate_limit_per_user: { _errors: [{ code: 'NUMBER_TYPE_MAX' }] },
      },
    });
    const denied = await rawRequest(discord, 'PATCH', `/channels/${channel.id}`, { rate_limit_per_user: 10 });
    expect(denied.body).toEqual({ code: 50013, message: 'Missing Permissions' });
    discord.setChannelPermissions(channel, 'bot', { allow: ['ManageChannels'] });
    const patched = await rawRequest(discord, 'PATCH', `/channels/${channel.id}`, {
      rate_limit_per_user: -1,
      name: '',
    });
    expect(patched.body).toMatchObject({
      code: 50035,
      errors: {
        rate_limit_per_user: { _errors: [{ code: 'NUMBER_TYPE_MIN' }] },
        name: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] },
      },
    });
  });

  describe('interaction callbacks', () => {
    const pending: Interaction[] = [];
    beforeAll(async () => {
      await rawRequest(discord, 'PUT', `/applications/${discord.applicationId}/commands`, sampleCommands);
      client.on('interactionCreate', (interaction) => {
        pending.push(interaction);
      });
    });

    async function nextInteraction(start: () => Promise<unknown>): Promise<Interaction> {
      const before = pending.length;
      void start().catch(() => undefined);
      for (let attempt = 0; attempt < 200 && pending.length === before; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const interaction = pending[before];
      if (!interaction) throw new Error('no interaction arrived');
      return interaction;
    }

    const callback = (interaction: Interaction, body: unknown) =>
      rawRequest(discord, 'POST', `/interactions/${interaction.id}/${interaction.token}/callback`, body, {
        authenticated: false,
      });

    it('GIVEN 26 autocomplete choices THEN the callback is refused naming data.choices', async () => {
      const interaction = await nextInteraction(() =>
        discord.autocomplete('summary', 'story', 'x', { as: alice, channel }),
      );
      const choices = Array.from({ length: 26 }, (_, index) => ({ name: `s${index}`, value: `s${index}` }));
      const answer = await callback(interaction, { type: 8, data: { choices } });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        code: 50035,
        errors: { data: { choices: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
      });
      const longName = await callback(interaction, {
        type: 8,
        data: { choices: [{ name: 'x'.repeat(101), value: 'v' }] },
      });
      expect(longName.body).toMatchObject({
        errors: { data: { choices: { 0: { name: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } } } },
      });
    });

    it('GIVEN a modal over the limits THEN title, component count and text input label are refused', async () => {
      const interaction = await nextInteraction(() =>
        discord.slash('summary', { story: 's' }, { as: alice, channel }),
      );
      const input = (index: number, label: string) => ({
        type: 1,
        components: [{ type: 4, custom_id: `i${index}`, style: 1, label }],
      });
      const tooMany = await callback(interaction, {
        type: 9,
        data: {
          custom_id: 'm',
          title: 'x'.repeat(46),
          components: Array.from({ length: 6 }, (_, index) => input(index, 'ok')),
        },
      });
      expect(tooMany.body).toMatchObject({
        code: 50035,
        errors: {
          data: {
            title: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] },
            components: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] },
          },
        },
      });
      const longLabel = await callback(interaction, {
        type: 9,
        data: { custom_id: 'm', title: 'Report', components: [input(0, 'x'.repeat(46))] },
      });
      expect(longLabel.body).toMatchObject({
        errors: {
          data: {
            components: {
              0: { components: { 0: { label: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } } },
            },
          },
        },
      });
      const valid = await callback(interaction, { type: 4, data: { content: 'ok' } });
      expect(valid.status).toBe(204);
    });

    it('GIVEN an interaction reply with an over-long embed THEN the callback names data.embeds', async () => {
      const interaction = await nextInteraction(() =>
        discord.slash('summary', { story: 's' }, { as: alice, channel }),
      );
      const answer = await callback(interaction, { type: 4, data: { embeds: [{ title: 'x'.repeat(257) }] } });
      expect(answer.body).toMatchObject({
        code: 50035,
        errors: { data: { embeds: { 0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } },
      });
      await callback(interaction, { type: 4, data: { content: 'fine' } });
    });
  });
});
