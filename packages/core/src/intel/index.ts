export {
  type AdPlatform,
  type AudienceMember,
  type HashedMember,
  hashAudienceMember,
  normalizeEmail,
  normalizePhone,
  sha256Hex,
} from "./audience";
export { type CallerSentiment, callerSentiment } from "./caller-sentiment";
export {
  type Evaluation,
  evaluate,
  formatEvaluation,
  type SubjectMetrics,
  splitByIndex,
} from "./evaluate";
export {
  type Interpretation,
  type InterpretInput,
  interpret,
  type ModelOutput,
  renderTemplate,
} from "./interpret";
export {
  chooseMedium,
  type InteractionChannel,
  type Medium,
  type MediumAttempt,
  type MediumChoice,
  type MediumInput,
  type MediumRule,
  MIRROR_MEDIUM,
  type Urgency,
} from "./medium";
export {
  MODELS,
  type ModelContext,
  type ModelId,
  type ModelInput,
  type ModelSpec,
  modelsFor,
} from "./registry";
export {
  applyRules,
  type CompiledRules,
  compileRules,
  type IntentRule,
  type RuleFacts,
  type RuleOutcome,
} from "./rules";
export {
  type CurrentSentiment,
  type PastSentiment,
  type SentimentScore,
  scoreSentiment,
  type TotalSentiment,
  totalSentiment,
} from "./sentiment";
export { type CallFacts, SPAM_THRESHOLD, type SpamScore, type SpamSignal, scoreSpam } from "./spam";
export {
  type Classification,
  classify,
  type LabelledExample,
  type SubjectModel,
  type TrainOptions,
  trainSubjects,
} from "./subjects";
export { STARTER_EXAMPLES, STARTER_SUBJECTS, type StarterSubject } from "./subjects.data";
export {
  type AttributeValue,
  affectedCustomers,
  type EventArea,
  type MatchReason,
  type TargetCustomer,
  type TargetEvent,
  type TargetMatch,
  type TargetOptions,
} from "./targeting";
export { type TokenizeOptions, tokenize } from "./tokenize";
