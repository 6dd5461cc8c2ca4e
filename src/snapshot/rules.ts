// The snapshot's text rules and caps (src/data/snapshot-rules.json), validated with zod. A bad file is
// a clear error naming the field, never a snapshot that leaks.
import raw from '../data/snapshot-rules.json';
import { describeIssues, z } from '../shared/zod';

const Rule = z.object({
  id: z.string().check(z.regex(/^[a-z-]+$/)),
  why: z.string().check(z.minLength(1)),
  pattern: z.string().check(z.minLength(1)),
  flags: z.string().check(z.regex(/^g[iu]*$/, 'flags must start with g and use only i and u')),
  luhn: z.optional(z.boolean()),
  replacement: z.string(),
  examples: z.object({ replaced: z.array(z.string()).check(z.minLength(1)), kept: z.array(z.string()) }),
});

const Limits = z.object({
  maxElements: z.number().check(z.int(), z.positive()),
  maxDepth: z.number().check(z.int(), z.positive()),
  maxShadowDepth: z.number().check(z.int(), z.positive()),
  maxFrameDepth: z.number().check(z.int(), z.positive()),
  maxCssBytes: z.number().check(z.int(), z.positive()),
  maxBytes: z.number().check(z.int(), z.positive()),
  maxTextBytes: z.number().check(z.int(), z.positive()),
});

export const RulesFile = z.object({ rules: z.array(Rule).check(z.minLength(1)), limits: Limits });
export type RulesFile = z.infer<typeof RulesFile>;
export type Limits = z.infer<typeof Limits>;

export interface TextRule {
  id: string;
  re: RegExp;
  luhn: boolean;
  replacement: string;
}

export interface Rules {
  text: TextRule[];
  limits: Limits;
}

/** Parses and compiles a rules file; throws one clear error for a bad file or a bad pattern. */
export function compileRules(input: unknown): Rules {
  const parsed = RulesFile.safeParse(input);
  if (!parsed.success) throw new Error(`snapshot rules: ${describeIssues(parsed.error)}`);
  const text = parsed.data.rules.map((r) => {
    try {
      return { id: r.id, re: new RegExp(r.pattern, r.flags), luhn: r.luhn ?? false, replacement: r.replacement };
    } catch (err) {
      throw new Error(`snapshot rules: ${r.id}: bad pattern (${(err as Error).message})`);
    }
  });
  return { text, limits: parsed.data.limits };
}

let compiled: Rules | null = null;
/** The shipped rules, compiled once. */
export const rules = (): Rules => {
  compiled ??= compileRules(raw);
  return compiled;
};
