import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageComponentInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  TimestampStyles,
  time,
} from 'discord.js';
import type { PlatformContext } from '../context.js';
import { isDatabaseBusy } from '../database/locks.js';
import { isExpiredInteraction } from '../discord/failures.js';
import { parseCustomId } from '../ids/custom-id.js';
import type { ChatInputCommand, Command, ComponentRoute, MessageCommand, ModalRoute } from './command.js';
import { UserError } from './errors.js';

export const genericErrorMessage =
  'Something went wrong on our side. It has been logged; please try again in a moment.';
export const staleComponentMessage =
  'This button belongs to an older version of Roundtable and no longer works. Run the command again for a fresh one.';
export const malformedComponentMessage =
  'I do not recognise this button. Run the command again for a fresh one.';
/** Another program held the database: nothing was stored, and the same action works a moment later. */
export const databaseBusyMessage =
  'Roundtable is busy for a moment and nothing was saved. Please try again in a moment.';

/** Discord refuses the first answer to an interaction after three seconds (Unknown interaction, 10062). */
const acknowledgeDeadlineMs = 3_000;

export interface InteractionRouter {
  handle(interaction: Interaction): Promise<void>;
  /** Handlers still running, for a graceful shutdown. */
  readonly inFlight: number;
  /** Resolves when no handler is running, or after `timeoutMs`. */
  drain(timeoutMs: number): Promise<void>;
}

export interface RouterOptions {
  /**
   * How old an interaction created at `createdAt` (Discord's clock) is, at least, or `null` when unknown.
   * Default: the local clock's reading minus `createdAt`.
   */
  interactionAge?: (createdAt: number) => number | null;
}

type RepliableInteraction = Exclude<Interaction, AutocompleteInteraction>;

function routeKey(feature: string, action: string): string {
  return `${feature}:${action}`;
}

/** Builds the dispatch tables once from the command list; every lookup is a Map get. */
export function createRouter<Context extends Pick<PlatformContext, 'clock' | 'logger'>>(
  commands: readonly Command<Context>[],
  context: Context,
  options: RouterOptions = {},
): InteractionRouter {
  const interactionAge = options.interactionAge ?? ((createdAt: number) => Date.now() - createdAt);
  const chatInput = new Map<string, ChatInputCommand<Context, unknown>>();
  const messageCommands = new Map<string, MessageCommand<Context>>();
  const components = new Map<string, ComponentRoute<unknown, Context>>();
  const modals = new Map<string, ModalRoute<unknown, Context>>();
  const lastUse = new Map<string, number>();
  const running = new Set<Promise<void>>();

  for (const command of commands) {
    if (command.kind === 'chat-input') chatInput.set(command.data.name, command);
    else messageCommands.set(command.data.name, command);
    for (const route of command.components ?? [])
      components.set(routeKey(route.feature, route.action), route);
    for (const route of command.modals ?? []) modals.set(routeKey(route.feature, route.action), route);
  }

  function describe(interaction: Interaction): Record<string, unknown> {
    return {
      interactionId: interaction.id,
      type: interaction.type,
      command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
      customId:
        interaction.isMessageComponent() || interaction.isModalSubmit() ? interaction.customId : undefined,
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      userId: interaction.user.id,
    };
  }

  async function answerPrivately(interaction: RepliableInteraction, content: string): Promise<void> {
    if (!interaction.isRepliable()) return;
    const payload = { content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } } as const;
    const isCommand = interaction.isChatInputCommand() || interaction.isContextMenuCommand();
    if (interaction.deferred && !interaction.replied && isCommand) {
      await interaction.editReply({ content, embeds: [], components: [], allowedMentions: { parse: [] } });
    } else if (interaction.deferred || interaction.replied) {
      await interaction.followUp(payload);
    } else {
      await interaction.reply(payload);
    }
  }

  /**
   * Refuses a use inside the member's cooldown; otherwise reserves the slot and returns a function that
   * gives it back, for a use that ended up posting nothing publicly (refused, or answered privately).
   */
  function takeCooldown(
    command: ChatInputCommand<Context, unknown>,
    interaction: ChatInputCommandInteraction,
  ): (() => void) | null {
    if (!command.cooldownSeconds || interaction.options.getBoolean('ephemeral') === true) return null;
    const subcommand = interaction.options.getSubcommand(false);
    const seconds =
      typeof command.cooldownSeconds === 'number'
        ? command.cooldownSeconds
        : subcommand === null
          ? undefined
          : command.cooldownSeconds[subcommand];
    if (!seconds) return null;
    const name = subcommand === null ? command.data.name : `${command.data.name} ${subcommand}`;
    const key = `${interaction.user.id}:${name}`;
    const now = context.clock.now();
    const previous = lastUse.get(key);
    const readyAt = previous === undefined ? 0 : previous + seconds * 1000;
    if (now < readyAt) {
      throw new UserError(
        `Slow down a little: you can use /${name} again ${time(Math.ceil(readyAt / 1000), TimestampStyles.RelativeTime)}. Add \`ephemeral: true\` for a private look in the meantime.`,
      );
    }
    lastUse.set(key, now);
    if (lastUse.size > 10_000) {
      for (const [entry, usedAt] of lastUse) if (usedAt + 3_600_000 < now) lastUse.delete(entry);
    }
    return () => {
      if (lastUse.get(key) !== now) return;
      if (previous === undefined) lastUse.delete(key);
      else lastUse.set(key, previous);
    };
  }

  async function dispatchComponent(
    interaction: MessageComponentInteraction | ModalSubmitInteraction,
  ): Promise<void> {
    const parsed = parseCustomId(interaction.customId);
    if (parsed.kind === 'stale') throw new UserError(staleComponentMessage);
    if (parsed.kind === 'malformed') throw new UserError(malformedComponentMessage);
    const key = routeKey(parsed.feature, parsed.action);
    if (interaction.isModalSubmit()) {
      const route = modals.get(key);
      if (!route) throw new UserError(malformedComponentMessage);
      const args = route.args.safeParse(parsed.args);
      if (!args.success) throw new UserError(malformedComponentMessage);
      await route.handle(interaction, args.data, context);
      return;
    }
    if (!interaction.isButton() && !interaction.isStringSelectMenu())
      throw new UserError(malformedComponentMessage);
    const route = components.get(key);
    if (!route) throw new UserError(malformedComponentMessage);
    const args = route.args.safeParse(parsed.args);
    if (!args.success) throw new UserError(malformedComponentMessage);
    await route.handle(interaction, args.data, context);
  }

  async function dispatch(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      const command = chatInput.get(interaction.commandName);
      if (command?.autocomplete) await command.autocomplete(interaction, context);
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (interaction.isChatInputCommand()) {
      const command = chatInput.get(interaction.commandName);
      if (!command)
        throw new UserError(
          'This command is no longer available. It may take a minute for Discord to refresh the command list.',
        );
      // Input is checked first: a use refused for what the member typed is neither refused by the
      // cooldown nor counted against it.
      const input = command.prepare ? await command.prepare(interaction, context) : undefined;
      const giveBack = takeCooldown(command, interaction);
      try {
        await command.execute(interaction, context, input);
      } catch (error) {
        if (giveBack && error instanceof UserError) giveBack();
        throw error;
      } finally {
        if (giveBack && (interaction.ephemeral !== false || !(interaction.replied || interaction.deferred)))
          giveBack();
      }
      return;
    }
    if (interaction.isMessageContextMenuCommand()) {
      const command = messageCommands.get(interaction.commandName);
      if (!command) throw new UserError('This command is no longer available.');
      await command.execute(interaction, context);
      return;
    }
    if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
      await dispatchComponent(interaction);
      return;
    }
    if (interaction.isRepliable())
      throw new UserError('Roundtable does not handle this kind of interaction.');
  }

  async function handleSafely(interaction: Interaction): Promise<void> {
    // Discord's deadline runs on its own clock (the interaction's snowflake), so the age comes from an
    // estimate of Discord's clock, not the bot's scheduling clock. An interaction received too late cannot
    // be answered: acting on it would change things the member is told failed.
    const ageMs = interactionAge(interaction.createdTimestamp);
    if (ageMs !== null && ageMs > acknowledgeDeadlineMs) {
      context.logger.warn(
        { ...describe(interaction), ageMs },
        'interaction arrived too late to answer; ignored',
      );
      return;
    }
    try {
      await dispatch(interaction);
      if (interaction.isRepliable() && !interaction.replied && !interaction.deferred) {
        context.logger.error(describe(interaction), 'handler finished without answering the interaction');
        await answerPrivately(interaction, genericErrorMessage);
      }
    } catch (error) {
      if (isExpiredInteraction(error)) {
        context.logger.warn(describe(interaction), 'interaction expired before it could be answered');
        return;
      }
      const userFacing = error instanceof UserError;
      const busy = !userFacing && isDatabaseBusy(error);
      if (busy) context.logger.debug(describe(interaction), 'database busy; the member was asked to retry');
      else if (!userFacing)
        context.logger.error({ ...describe(interaction), err: error }, 'interaction handler failed');
      try {
        if (interaction.isAutocomplete()) {
          if (!interaction.responded) await interaction.respond([]);
        } else {
          const message = userFacing ? error.message : busy ? databaseBusyMessage : genericErrorMessage;
          await answerPrivately(interaction, message);
        }
      } catch (answerError) {
        if (isExpiredInteraction(answerError)) {
          context.logger.warn(describe(interaction), 'interaction expired before it could be answered');
        } else {
          context.logger.error(
            { ...describe(interaction), err: answerError },
            'could not answer the interaction',
          );
        }
      }
    }
  }

  return {
    handle(interaction) {
      const task = handleSafely(interaction);
      running.add(task);
      void task.finally(() => running.delete(task));
      return task;
    },
    get inFlight() {
      return running.size;
    },
    async drain(timeoutMs) {
      const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
      await Promise.race([Promise.allSettled([...running]).then(() => undefined), deadline]);
    },
  };
}
