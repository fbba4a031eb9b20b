/** The reading answers a report can be made from. */
export const reportViews = ['summary', 'timeline', 'factcheck', 'corrections', 'debate'] as const;
export type ReportView = (typeof reportViews)[number];

/** What a report is about: a story, and the items of the page it was made from (empty: the story). */
export interface ReportSubject {
  readonly storyId: string;
  readonly itemIds: readonly string[];
}

/** A report of a mistake in a story pack, as a member sent it. */
export interface NewErrorReport extends ReportSubject {
  readonly view: ReportView;
  /** Absent for a report sent from a direct message. */
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly memberId: string;
  /** What is wrong, cleaned of control and invisible characters. */
  readonly text: string;
  /** A source the member gave, an http(s) address, or none. */
  readonly link: string | null;
  readonly createdAt: number;
}

export interface StoredErrorReport extends NewErrorReport {
  readonly id: number;
  /** The message posted to the server's mod log, once posted. */
  readonly modLogMessageId: string | null;
  /** Why it was not posted (no mod log set, a refusal), when it was not. */
  readonly modLogFailure: string | null;
}
