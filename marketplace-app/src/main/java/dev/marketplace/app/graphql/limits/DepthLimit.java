package dev.marketplace.app.graphql.limits;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;

/** graphql-java's depth check, refusing with {@link LimitExceeded#TOO_DEEP}. */
class DepthLimit extends MaxQueryDepthInstrumentation {

    DepthLimit(int maxDepth) {
        super(maxDepth);
    }

    @Override
    protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
        return LimitExceeded.refusal(LimitExceeded.TOO_DEEP, "The query nests fields " + depth
                + " levels deep; the limit is " + maxDepth + ". Ask for less nested data.", maxDepth);
    }
}
