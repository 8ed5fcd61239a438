// Assembles the schema from the type files.

import { builder } from './builder.ts';
import './types/dates.ts';
import './types/article.ts';
import './types/media.ts';
import './types/tag.ts';
import './types/rule-change.ts';
import './types/story.ts';
import './types/statistics.ts';

export { type Context, createContext, DEFAULT_LIMITS, type QueryLimits } from './context.ts';
export { apiError, badInput, ERROR_CODES, type ErrorCode } from './errors.ts';
export {
  type CompiledExecutor,
  compiledExecutor,
  type Execute,
  type ExecutorStats,
  plainExecutor,
} from './execute.ts';
export { UNAVAILABLE_RETRY_S } from './store-errors-plugin.ts';
export { parseSummary, type SummaryBlock } from './types/summary.ts';

export const schema = builder.toSchema({ sortSchema: false });
export { createComplexityRule } from '@pothos/plugin-complexity';
