import { tokenize } from "./tokenize";

export interface LabelledExample {
  text: string;
  subject: string;
}

/**
 * A trained multinomial naive Bayes model. Plain JSON: store it with `JSON.stringify` and pass
 * the parsed value back to `classify`.
 */
export interface SubjectModel {
  kind: "naive_bayes";
  version: 1;
  /** Laplace (add-alpha) smoothing constant. */
  alpha: number;
  bigrams: boolean;
  subjects: string[];
  /** Training messages per subject (the prior). */
  docs: Record<string, number>;
  /** Token occurrences per subject. */
  tokens: Record<string, Record<string, number>>;
  /** Sum of `tokens[subject]`. */
  totals: Record<string, number>;
  /** Distinct tokens seen across all subjects. */
  vocabulary: number;
}

export interface TrainOptions {
  /** Default 1 (Laplace). */
  alpha?: number;
  /**
   * Add word pairs as features. Default false: on the starter set (5-fold, by index) bigrams
   * changed accuracy by under one point either way, so the smaller model wins.
   */
  bigrams?: boolean;
}

export interface Classification {
  subject: string;
  /** Posterior probability of `subject`, in [0, 1]. */
  confidence: number;
  /** Posterior probability per subject; sums to 1. */
  scores: Record<string, number>;
}

/**
 * Own-property read: a parsed model is an ordinary object, so `tokens.billing["constructor"]`
 * would otherwise find Object.prototype's function.
 */
function count(record: Readonly<Record<string, number>> | undefined, key: string): number {
  return record !== undefined && Object.hasOwn(record, key) ? (record[key] ?? 0) : 0;
}

/**
 * Train a multinomial naive Bayes subject classifier.
 *
 * @example
 * const model = trainSubjects(STARTER_EXAMPLES);
 * classify(model, "I was charged twice").subject // "billing"
 */
export function trainSubjects(
  examples: readonly LabelledExample[],
  options: TrainOptions = {},
): SubjectModel {
  const { alpha = 1, bigrams = false } = options;
  if (!(alpha > 0)) throw new RangeError("alpha must be positive");
  const docs: Record<string, number> = {};
  const tokens: Record<string, Record<string, number>> = {};
  const totals: Record<string, number> = {};
  const vocabulary = new Set<string>();
  for (const { text, subject } of examples) {
    if (!Object.hasOwn(docs, subject)) {
      docs[subject] = 0;
      tokens[subject] = {};
      totals[subject] = 0;
    }
    docs[subject] = count(docs, subject) + 1;
    const counts = tokens[subject] as Record<string, number>;
    for (const token of tokenize(text, { bigrams })) {
      counts[token] = count(counts, token) + 1;
      totals[subject] = count(totals, subject) + 1;
      vocabulary.add(token);
    }
  }
  const subjects = Object.keys(docs).sort();
  return {
    kind: "naive_bayes",
    version: 1,
    alpha,
    bigrams,
    subjects,
    docs,
    tokens,
    totals,
    vocabulary: vocabulary.size,
  };
}

/**
 * The most probable subject for a message. Tokens no subject has seen are ignored, so a message
 * of unknown words falls back to the prior (the most common subject in training).
 *
 *   log P(s | text) ∝ log(docs_s / Σdocs) + Σ_t n_t · log((count_s,t + α) / (total_s + α·|V|))
 *
 * Scores are the normalised posteriors (softmax of those log scores). Naive Bayes is
 * over-confident on long texts; treat confidence as a ranking, not a calibrated probability.
 */
export function classify(model: SubjectModel, text: string): Classification {
  if (model.subjects.length === 0) throw new RangeError("model has no subjects");
  const totalDocs = model.subjects.reduce((sum, s) => sum + count(model.docs, s), 0);
  const seen = tokenize(text, { bigrams: model.bigrams }).filter((token) =>
    model.subjects.some((s) => count(model.tokens[s], token) > 0),
  );
  const logScores = model.subjects.map((subject) => {
    const counts = model.tokens[subject];
    const denominator = count(model.totals, subject) + model.alpha * model.vocabulary;
    let score = Math.log(count(model.docs, subject) / totalDocs);
    for (const token of seen) {
      score += Math.log((count(counts, token) + model.alpha) / denominator);
    }
    return score;
  });
  const max = Math.max(...logScores);
  const weights = logScores.map((score) => Math.exp(score - max));
  const sum = weights.reduce((a, b) => a + b, 0);
  const scores: Record<string, number> = {};
  let best = 0;
  model.subjects.forEach((subject, i) => {
    scores[subject] = (weights[i] ?? 0) / sum;
    if ((weights[i] ?? 0) > (weights[best] ?? 0)) best = i;
  });
  const subject = model.subjects[best] as string;
  return { subject, confidence: scores[subject] ?? 0, scores };
}
