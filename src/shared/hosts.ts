/** Host suffix match: "alipay.com" matches "alipay.com" and "www.alipay.com", not "notalipay.com". */
export const hostMatches = (host: string, pattern: string): boolean => host === pattern || host.endsWith(`.${pattern}`);

/** The site key for a host: lower case, without a leading "www.". */
export function siteOf(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^www\./, '')
    .slice(0, 253);
}
