import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { type LoopbackDiscord, type LoopbackMessage, LoopbackUsageError } from '@roundtable/loopback-discord';
import { formatSize } from './render.js';

/** A file name safe to write in a directory: no path, no control characters, never empty. */
function safeName(filename: string, index: number): string {
  const name = basename(filename.replace(/\\/g, '/'))
    .replace(/[\p{Cc}<>:"|?*]/gu, '_')
    .replace(/^\.+/, '');
  return name.length > 0 ? name : `attachment-${index + 1}`;
}

/** `:save N DIR`: writes the files attached to a message into a directory (created if missing). */
export async function saveAttachments(
  discord: LoopbackDiscord,
  message: LoopbackMessage,
  reference: number,
  directory: string,
): Promise<string[]> {
  if (message.attachments.length === 0) throw new LoopbackUsageError(`message #${reference} has no files`);
  const target = resolve(directory);
  const lines: string[] = [];
  try {
    await mkdir(target, { recursive: true });
    for (const [index, attachment] of message.attachments.entries()) {
      const data = discord.attachmentData(attachment);
      if (!data) throw new LoopbackUsageError(`the loopback Discord did not keep ${attachment.filename}`);
      const path = join(target, safeName(attachment.filename, index));
      await writeFile(path, data);
      lines.push(`💾 saved ${attachment.filename} (${formatSize(data.length)}) to ${path}`);
    }
  } catch (error) {
    if (error instanceof LoopbackUsageError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new LoopbackUsageError(`could not save into ${target}: ${reason}`);
  }
  return lines;
}
