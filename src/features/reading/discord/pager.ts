import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type PermissionsBitField,
} from 'discord.js';
import { z } from 'zod';
import { answersClicker } from '../../../platform/discord/visibility.js';
import { buildCustomId, customIdVersion } from '../../../platform/ids/custom-id.js';
import { type ComponentRoute, defineComponent } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import { navigatePages } from '../core/paging.js';
import type { PageView } from '../messages/page-view.js';
import type { ReadingContext } from './context.js';
import { pageEmbed } from './embeds.js';

/**
 * Paged views keep their whole state in the button's custom id:
 * `rt1:<feature>:<action>:<slot>:<page>:<owner>:<state...>`, so buttons keep working after a restart.
 * The slot tells the buttons of one message apart; owner `0` means nobody (an "open" button).
 */
export const pageSlots = ['first', 'previous', 'position', 'next', 'last', 'open'] as const;
export type PageSlot = (typeof pageSlots)[number];

const slotCodes: Record<PageSlot, string> = {
  first: 'f',
  previous: 'p',
  position: 'i',
  next: 'n',
  last: 'l',
  open: 'o',
};

const slotByCode = new Map(Object.entries(slotCodes).map(([slot, code]) => [code, slot as PageSlot]));

/** Owner of a message that nobody pages: everyone who clicks gets a copy of their own. */
export const nobody = '0';

/** Who is looking at a view, for views that differ by member (such as `/help`). */
export interface Viewer {
  userId: string;
  memberPermissions: Readonly<PermissionsBitField> | null;
}

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export type PagedContent =
  | {
      kind: 'pages';
      pages: readonly PageView[];
      /** Rows under the navigation: the same on every page, or made for the page shown. */
      rows?: readonly ButtonRow[] | ((page: PageView, pageIndex: number) => readonly ButtonRow[]);
    }
  | { kind: 'unavailable'; message: string };

export interface MessagePayload {
  embeds: APIEmbed[];
  components: ButtonRow[];
  allowedMentions: { parse: [] };
}

export type PagedMessage =
  | { kind: 'message'; payload: MessagePayload; page: number; pageCount: number }
  | {
      kind: 'unavailable';
      message: string;
    };

export interface PagerDefinition<State, Context extends ReadingContext = ReadingContext> {
  feature: string;
  action: string;
  colour: number;
  /** Parses the state arguments that follow slot, page and owner. */
  state: z.ZodType<State, readonly string[]>;
  /** The state as custom id arguments; `compact` asks for the shortest form when the plain one is too long. */
  encode(state: State, compact: boolean): string[];
  render(state: State, context: Context, viewer: Viewer): PagedContent | Promise<PagedContent>;
}

export interface PageRequest<State> {
  slot: PageSlot;
  page: number;
  owner: string;
  state: State;
}

export interface Pager<State, Context extends ReadingContext = ReadingContext> {
  route: ComponentRoute<PageRequest<State>, Context>;
  /** The message showing `page` (clamped into range), paged by `ownerId`. */
  message(
    state: State,
    page: number,
    ownerId: string,
    context: Context,
    viewer: Viewer,
  ): Promise<PagedMessage>;
  /** A button that opens the view's first page privately for whoever clicks it. */
  openButton(state: State, label: string, emoji?: string): APIButtonComponent;
  customId(slot: PageSlot, page: number, ownerId: string, state: State): string;
}

const customIdLimit = 100;

function customIdLength(parts: ReadonlyArray<string | number>): number {
  return customIdVersion.length + parts.reduce<number>((sum, part) => sum + 1 + String(part).length, 0);
}

const pageNumber = z
  .string()
  .regex(/^\d{1,4}$/)
  .transform(Number);
const ownerId = z.string().regex(/^\d{1,20}$/);
const slotCode = z.string().transform((code, context) => {
  const slot = slotByCode.get(code);
  if (slot === undefined) {
    context.addIssue({ code: 'custom', message: `unknown page slot ${code}` });
    return z.NEVER;
  }
  return slot;
});

function button(
  customId: string,
  label: string,
  emoji: string | undefined,
  disabled: boolean,
  style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary,
): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style,
    custom_id: customId,
    label,
    ...(emoji === undefined ? {} : { emoji: { name: emoji } }),
    disabled,
  };
}

export function definePager<State, Context extends ReadingContext = ReadingContext>(
  definition: PagerDefinition<State, Context>,
): Pager<State, Context> {
  function customId(slot: PageSlot, page: number, owner: string, state: State): string {
    const build = (compact: boolean) =>
      [
        definition.feature,
        definition.action,
        slotCodes[slot],
        page,
        owner,
        ...definition.encode(state, compact),
      ] as const;
    const plain = build(false);
    const [feature, action, ...args] = customIdLength(plain) <= customIdLimit ? plain : build(true);
    return buildCustomId(feature, action, ...args);
  }

  function navigationRow(state: State, page: number, pageCount: number, owner: string): ButtonRow {
    const navigation = navigatePages(page, pageCount);
    return {
      type: ComponentType.ActionRow,
      components: [
        button(customId('first', navigation.first, owner, state), 'First', '⏮️', navigation.atStart),
        button(customId('previous', navigation.previous, owner, state), 'Previous', '◀️', navigation.atStart),
        button(
          customId('position', navigation.page, owner, state),
          `Page ${navigation.page + 1} of ${navigation.pageCount}`,
          undefined,
          true,
        ),
        button(customId('next', navigation.next, owner, state), 'Next', '▶️', navigation.atEnd),
        button(customId('last', navigation.last, owner, state), 'Last', '⏭️', navigation.atEnd),
      ],
    };
  }

  async function message(
    state: State,
    page: number,
    owner: string,
    context: Context,
    viewer: Viewer,
  ): Promise<PagedMessage> {
    const content = await definition.render(state, context, viewer);
    if (content.kind === 'unavailable') return content;
    const navigation = navigatePages(page, content.pages.length);
    const shown = content.pages[navigation.page];
    if (shown === undefined) return { kind: 'unavailable', message: 'There is nothing to show here.' };
    const rows = [
      ...(navigation.pageCount > 1
        ? [navigationRow(state, navigation.page, navigation.pageCount, owner)]
        : []),
      ...(typeof content.rows === 'function' ? content.rows(shown, navigation.page) : (content.rows ?? [])),
    ];
    return {
      kind: 'message',
      page: navigation.page,
      pageCount: navigation.pageCount,
      payload: {
        embeds: [pageEmbed(shown, definition.colour)],
        components: rows,
        allowedMentions: { parse: [] },
      },
    };
  }

  const args = z
    .tuple([slotCode, pageNumber, ownerId], z.string())
    .transform(([slot, page, owner, ...rest], context): PageRequest<State> => {
      const state = definition.state.safeParse(rest);
      if (!state.success) {
        context.addIssue({ code: 'custom', message: 'the view state in this id is not valid' });
        return z.NEVER;
      }
      return { slot, page, owner, state: state.data };
    });

  const route = defineComponent<PageRequest<State>, Context>({
    feature: definition.feature,
    action: definition.action,
    args,
    async handle(interaction, request, context) {
      const viewer = { userId: interaction.user.id, memberPermissions: interaction.memberPermissions };
      const ownsMessage = request.owner === interaction.user.id && answersClicker(interaction);
      const shown = await message(request.state, request.page, interaction.user.id, context, viewer);
      if (shown.kind === 'unavailable') throw new UserError(shown.message);
      if (ownsMessage) await interaction.update(shown.payload);
      else await interaction.reply({ ...shown.payload, flags: MessageFlags.Ephemeral });
    },
  });

  return {
    route,
    message,
    customId,
    openButton(state, label, emoji) {
      return button(customId('open', 0, nobody, state), label, emoji, false, ButtonStyle.Primary);
    },
  };
}
