// Intent classification: the interface a real NLU plugs into, and the keyword/regex classifier used by default.
import { compileRegex, parseRegexLiteral } from './regex.js';

/** Intent name to keywords or `/regex/flags` strings, in priority order. */
export type IntentDefinitions = Readonly<Record<string, readonly string[]>>;

export interface IntentMatch {
  intent: string;
  /** 0..1, when the classifier knows. */
  confidence?: number;
  /** The keyword or pattern that decided it, for the trace. */
  matched?: string;
}

/** Decides which intent a customer message expresses; undefined when none fits (the flow's fallback applies). */
export interface IntentClassifier {
  classify(text: string, intents: IntentDefinitions): IntentMatch | undefined;
}

interface IntentMatcher {
  intent: string;
  patterns: Array<{ regex: RegExp; written: string }>;
}

// Word boundaries that know letters beyond ASCII, so "café" is one word and "bill" does not match "billion".
const BEFORE = '(?<![\\p{L}\\p{N}_])';
const AFTER = '(?![\\p{L}\\p{N}_])';

/** A keyword as a pattern: special characters escaped (only those the `u` flag allows escaping), and any run of spaces matching any run of white space. */
function keywordPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s+');
}

function compileIntents(intents: IntentDefinitions): IntentMatcher[] {
  return Object.entries(intents).map(([intent, entries]) => {
    const patterns: IntentMatcher['patterns'] = [];
    const keywords: string[] = [];
    for (const entry of Array.isArray(entries) ? entries : []) {
      if (typeof entry !== 'string' || entry.trim() === '') continue;
      if (parseRegexLiteral(entry)) {
        try {
          patterns.push({ regex: compileRegex(entry), written: entry });
        } catch (error) {
          throw new SyntaxError(`intent "${intent}" has an invalid regex ${entry}: ${(error as Error).message}`, { cause: error });
        }
      } else keywords.push(entry.trim());
    }
    if (keywords.length > 0) {
      // One alternation per intent; longer keywords first so the trace names the most specific one.
      const alternation = [...keywords].sort((a, b) => b.length - a.length).map(keywordPattern).join('|');
      patterns.unshift({ regex: new RegExp(`${BEFORE}(?:${alternation})${AFTER}`, 'iu'), written: '' });
    }
    return { intent, patterns };
  });
}

/**
 * Keywords match case-insensitively on word boundaries; `/regex/flags` strings are regexes; the first intent in
 * order with any match wins. Compiled intents are cached per definitions object (treat definitions as immutable).
 */
export function createKeywordClassifier(): IntentClassifier {
  const cache = new WeakMap<object, IntentMatcher[]>();
  return {
    classify(text, intents) {
      let matchers = cache.get(intents);
      if (!matchers) {
        matchers = compileIntents(intents);
        cache.set(intents, matchers);
      }
      for (const { intent, patterns } of matchers) {
        for (const { regex, written } of patterns) {
          const found = regex.exec(text);
          if (found) return { intent, confidence: 1, matched: written || found[0] };
        }
      }
      return undefined;
    },
  };
}
