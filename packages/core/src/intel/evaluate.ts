import { classify, type LabelledExample, type SubjectModel } from "./subjects";

export interface SubjectMetrics {
  subject: string;
  /** Of the messages predicted as this subject, the share that were. 0 if none predicted. */
  precision: number;
  /** Of the messages that were this subject, the share predicted as it. 0 if none held out. */
  recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  f1: number;
  /** Held-out messages labelled with this subject. */
  support: number;
}

export interface Evaluation {
  accuracy: number;
  /** Unweighted mean of the per-subject F1. */
  macroF1: number;
  total: number;
  subjects: SubjectMetrics[];
  /** confusion[actual][predicted] = count. */
  confusion: Record<string, Record<string, number>>;
}

/**
 * Deterministic hold-out split by position: every `every`-th example (index % every ===
 * every - 1) is held out, so `every = 5` trains on 80%. Stratified when the examples are
 * grouped by subject, as the starter set is.
 */
export function splitByIndex<T>(examples: readonly T[], every = 5): { train: T[]; heldOut: T[] } {
  const train: T[] = [];
  const heldOut: T[] = [];
  examples.forEach((example, i) => {
    (i % every === every - 1 ? heldOut : train).push(example);
  });
  return { train, heldOut };
}

/** Precision, recall and F1 per subject and overall accuracy on held-out examples. */
export function evaluate(model: SubjectModel, heldOut: readonly LabelledExample[]): Evaluation {
  const subjects = [...new Set([...model.subjects, ...heldOut.map((e) => e.subject)])].sort();
  const confusion: Record<string, Record<string, number>> = {};
  for (const actual of subjects) {
    confusion[actual] = Object.fromEntries(subjects.map((s) => [s, 0]));
  }
  let correct = 0;
  for (const example of heldOut) {
    const predicted = classify(model, example.text).subject;
    const row = confusion[example.subject] as Record<string, number>;
    row[predicted] = (row[predicted] ?? 0) + 1;
    if (predicted === example.subject) correct++;
  }
  const metrics = subjects.map((subject): SubjectMetrics => {
    const truePositives = confusion[subject]?.[subject] ?? 0;
    const predicted = subjects.reduce((sum, a) => sum + (confusion[a]?.[subject] ?? 0), 0);
    const support = subjects.reduce((sum, p) => sum + (confusion[subject]?.[p] ?? 0), 0);
    const precision = predicted === 0 ? 0 : truePositives / predicted;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { subject, precision, recall, f1, support };
  });
  return {
    accuracy: heldOut.length === 0 ? 0 : correct / heldOut.length,
    macroF1: metrics.reduce((sum, m) => sum + m.f1, 0) / Math.max(1, metrics.length),
    total: heldOut.length,
    subjects: metrics,
    confusion,
  };
}

/** A fixed-width text table of an evaluation, for logs and notes. */
export function formatEvaluation(evaluation: Evaluation): string {
  const pad = (value: string, width: number) => value.padEnd(width);
  const num = (value: number) => value.toFixed(3).padStart(9);
  const lines = [
    `${pad("subject", 14)}precision   recall       f1  support`,
    ...evaluation.subjects.map(
      (m) =>
        `${pad(m.subject, 14)}${num(m.precision)}${num(m.recall)}${num(m.f1)}${String(m.support).padStart(9)}`,
    ),
    `accuracy ${evaluation.accuracy.toFixed(3)} on ${evaluation.total}; macro F1 ${evaluation.macroF1.toFixed(3)}`,
  ];
  return lines.join("\n");
}
