import type { PlatformContext } from '../../../platform/context.js';
import type { SettingsRepository } from '../storage/repository.js';

export interface SettingsContext extends PlatformContext {
  settings: SettingsRepository;
}
