import type { APIAttachment } from 'discord.js';
import { isObject } from './json.js';

/** A file part of a multipart request (`files[0]`, `files[1]`, ...), with its bytes. */
export interface UploadedFile {
  /** The form field name, `files[N]` as discord.js sends it. */
  name: string;
  filename: string;
  size: number;
  contentType: string;
  data: Buffer;
}

/**
 * Makes the attachments of a request's files once the request is accepted, for a channel, on an ephemeral
 * message or not, with the `attachments` descriptions of `body`.
 */
export type UploadAttachments = (channelId: string, ephemeral: boolean, body: unknown) => APIAttachment[];

/** For requests without files. */
export const noUploads: UploadAttachments = () => [];

/** Content types Discord derives from the file name when the upload does not say (`text/csv; charset=utf-8`). */
const typesByExtension: Readonly<Record<string, string>> = {
  txt: 'text/plain; charset=utf-8',
  log: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  yaml: 'application/yaml; charset=utf-8',
  yml: 'application/yaml; charset=utf-8',
  html: 'text/html; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  zip: 'application/zip',
};

function contentTypeOf(file: UploadedFile, filename: string): string | null {
  if (file.contentType && file.contentType !== 'application/octet-stream') return file.contentType;
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  return (extension ? typesByExtension[extension] : undefined) ?? null;
}

/** The index `N` of a `files[N]` field, or the file's position when the field is named otherwise. */
function fileIndex(file: UploadedFile, position: number): string {
  return /^files\[(\d+)\]$/.exec(file.name)?.[1] ?? String(position);
}

/** Keeps the bytes of attachments, by attachment id, so tools can read what the bot uploaded. */
export class AttachmentFiles {
  readonly #data = new Map<string, Buffer>();

  /**
   * Turns the files of a request into attachments as Discord returns them (id, filename, size, url,
   * proxy_url, content_type, description; `ephemeral` on ephemeral messages). The body's `attachments`
   * entries (`{ id: N, filename?, description? }`) refer to `files[N]`.
   */
  create(
    files: readonly UploadedFile[],
    body: unknown,
    options: { nextId: () => string; cdnUrl: string; channelId: string; ephemeral: boolean },
  ): APIAttachment[] {
    const described =
      isObject(body) && Array.isArray(body.attachments) ? body.attachments.filter(isObject) : [];
    return files.map((file, position) => {
      const index = fileIndex(file, position);
      const description = described.find((entry) => String(entry.id) === index);
      const id = options.nextId();
      const filename = typeof description?.filename === 'string' ? description.filename : file.filename;
      const url = `${options.cdnUrl}/attachments/${options.channelId}/${id}/${encodeURIComponent(filename)}`;
      const contentType = contentTypeOf(file, filename);
      this.#data.set(id, file.data);
      return {
        id,
        filename,
        size: file.size,
        url,
        proxy_url: url,
        ...(contentType ? { content_type: contentType } : {}),
        ...(typeof description?.description === 'string' ? { description: description.description } : {}),
        ...(options.ephemeral ? { ephemeral: true } : {}),
      } as APIAttachment;
    });
  }

  /** The bytes of an attachment the bot uploaded, or `null` if the id is unknown. */
  data(attachmentId: string): Buffer | null {
    return this.#data.get(attachmentId) ?? null;
  }
}

/**
 * The attachments of a message after an edit, as Discord (API v10) applies it: an `attachments` array in
 * the body lists the existing attachments to keep (by id) and the new files; without one, new files are
 * added to the existing attachments; with neither, nothing changes (`null`).
 */
export function attachmentsAfterEdit(
  existing: readonly APIAttachment[],
  body: unknown,
  uploaded: readonly APIAttachment[],
): APIAttachment[] | null {
  const listed = isObject(body) && Array.isArray(body.attachments) ? body.attachments : null;
  if (listed) {
    const kept = new Set(listed.filter(isObject).map((entry) => String(entry.id)));
    return [...existing.filter((attachment) => kept.has(attachment.id)), ...uploaded];
  }
  return uploaded.length > 0 ? [...existing, ...uploaded] : null;
}
