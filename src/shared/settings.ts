// What the settings mean (the record itself is declared in src/storage/records.ts).
import type { Settings } from '../storage/records';
import { hostMatches } from './hosts';

/** Is the guard off for this site (allowed by the person, or off everywhere)? */
export function guardOffFor(settings: Settings, site: string): boolean {
  if (!settings.guardEnabled) return true;
  return settings.allowList.some((a) => hostMatches(site, a));
}

/** The settings with `site` allowed or not (no duplicates; other sites untouched). */
export function withSiteAllowed(settings: Settings, site: string, allowed: boolean): Settings {
  if (!allowed) return { ...settings, allowList: settings.allowList.filter((s) => s !== site) };
  return settings.allowList.includes(site) ? settings : { ...settings, allowList: [...settings.allowList, site] };
}
