package dev.marketplace.app.graphql.limits;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;

/** graphql-java's complexity check as {@link PageAwareComplexity} measures it; refuses with QUERY_TOO_COMPLEX. */
class ComplexityLimit extends MaxQueryComplexityInstrumentation {

    ComplexityLimit(int maxComplexity) {
        super(maxComplexity, new PageAwareComplexity(maxComplexity));
    }

    @Override
    protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
        // "At least": costs saturate, so a huge query reports a number just over the limit.
        return LimitExceeded.refusal(LimitExceeded.TOO_COMPLEX, "The query's complexity is at least " + complexity
                + "; the limit is " + maxComplexity + ". Ask for fewer fields or smaller pages (first).",
                maxComplexity);
    }
}
