import type { ReadingContext } from '../../reading/discord/context.js';
import type { SettingsContext } from '../../settings/discord/context.js';
import type { ErrorReportRepository } from '../storage/repository.js';

/** What reporting a mistake needs: the packs (to name what is reported), the server's mod log, the store. */
export interface ErrorReportContext extends ReadingContext, SettingsContext {
  errorReports: ErrorReportRepository;
}
