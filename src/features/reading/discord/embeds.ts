import type { APIEmbed } from 'discord.js';
import type { PageView } from '../messages/page-view.js';

/** One page of a reading view as an embed; the view has already fitted its text to Discord's limits. */
export function pageEmbed(page: PageView, colour: number): APIEmbed {
  return {
    title: page.title,
    ...(page.url === undefined ? {} : { url: page.url }),
    ...(page.description === '' ? {} : { description: page.description }),
    color: colour,
    ...(page.fields.length === 0
      ? {}
      : { fields: page.fields.map((field) => ({ name: field.name, value: field.value })) }),
    footer: { text: page.footer },
  };
}
