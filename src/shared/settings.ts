// Settings live in storage.local under one key, versioned and validated. A missing or corrupt value
// gives defaults field by field; the unreadable original is kept aside, never silently lost.
import { hostMatches } from './hosts';
import { describeIssues, z } from './zod';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_BACKUP_KEY = 'settings.unreadable';
export const SETTINGS_VERSION = 1;

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** The checkout guard as a whole. */
  guardEnabled: z.boolean(),
  /** Sites (host names, without "www.") where save-card boxes are left as the site sets them. */
  allowList: z.array(z.string().check(z.maxLength(253))),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ version: SETTINGS_VERSION, guardEnabled: true, allowList: Object.freeze([]) as unknown as string[] });

export interface LoadedSettings { settings: Settings; problem?: string }

/** Reads whatever is stored into valid settings, keeping each field that is still good. */
export function readSettings(raw: unknown): LoadedSettings {
  if (raw === undefined) return { settings: { ...DEFAULT_SETTINGS, allowList: [] } };
  const whole = Settings.safeParse(raw);
  if (whole.success) return { settings: whole.data };
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const guard = z.boolean().safeParse(obj.guardEnabled);
  const allow = z.array(z.string()).safeParse(obj.allowList);
  return {
    settings: {
      version: SETTINGS_VERSION,
      guardEnabled: guard.success ? guard.data : DEFAULT_SETTINGS.guardEnabled,
      allowList: allow.success ? allow.data.map(siteOf).filter(Boolean) : [],
    },
    problem: `stored settings were unreadable (${describeIssues(whole.error)}); kept what was valid`,
  };
}

/** The site key for a host: lower case, without a leading "www.". */
export function siteOf(host: string): string {
  return host.trim().toLowerCase().replace(/^www\./, '').slice(0, 253);
}

/** Is the guard off for this site (allowed by the user, or off everywhere)? */
export function guardOffFor(settings: Settings, site: string): boolean {
  if (!settings.guardEnabled) return true;
  return settings.allowList.some((a) => hostMatches(site, a));
}
