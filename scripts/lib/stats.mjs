// Small statistics and table helpers for the benchmark.

/** Median of a list of numbers (mean of the middle two for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const min = (xs) => Math.min(...xs);
export const max = (xs) => Math.max(...xs);

/** Fixed-width plain-text table: rows of string cells, first row is the header. */
export function textTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => String(c ?? '').padEnd(widths[i]))
        .join('   ')
        .trimEnd(),
    )
    .join('\n');
}

/** The same rows as a Markdown table. */
export function markdownTable(rows) {
  const esc = (c) => String(c ?? '').replaceAll('|', '\\|');
  const [head, ...body] = rows;
  return [
    `| ${head.map(esc).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...body.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}
