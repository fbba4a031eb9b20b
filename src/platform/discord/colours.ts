/** One colour per kind of answer, so members recognise a reply before reading it. */
export const colours = {
  summary: 0x2563eb,
  timeline: 0x0d9488,
  factCheck: 0xd97706,
  debate: 0x7c3aed,
  help: 0x64748b,
} as const;

export type ColourName = keyof typeof colours;
