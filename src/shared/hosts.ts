/** Host suffix match: "alipay.com" matches "alipay.com" and "www.alipay.com", not "notalipay.com". */
export const hostMatches = (host: string, pattern: string): boolean => host === pattern || host.endsWith(`.${pattern}`);
