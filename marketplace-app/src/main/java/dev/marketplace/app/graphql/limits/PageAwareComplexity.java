package dev.marketplace.app.graphql.limits;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.schema.GraphQLTypeUtil;

/**
 * Complexity as the number of values a response can hold. A field counts 1 plus its selections; a list that is
 * paged, by its own {@code first} or by the {@code first} of the connection it belongs to (a connection's
 * {@code edges}), counts its selections once per requested item. Costs saturate just above the limit, so that
 * nested pages of absurd size cannot overflow into a small number.
 */
class PageAwareComplexity implements FieldComplexityCalculator {

    /** The schema's default page size, for a {@code first} that is explicitly null. */
    static final int DEFAULT_PAGE = 20;

    private final int ceiling;

    PageAwareComplexity(int maxComplexity) {
        this.ceiling = maxComplexity == Integer.MAX_VALUE ? maxComplexity : maxComplexity + 1;
    }

    @Override
    public int calculate(FieldComplexityEnvironment env, int childComplexity) {
        long cost;
        Integer page = pageSize(env);
        if (page != null && GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType()))) {
            cost = 1 + (long) Math.max(1, page) * Math.max(1, childComplexity);
        } else {
            cost = 1 + (long) childComplexity;
        }
        return (int) Math.min(cost, ceiling);
    }

    private static Integer pageSize(FieldComplexityEnvironment env) {
        if (env.getFieldDefinition().getArgument("first") != null) {
            return first(env);
        }
        FieldComplexityEnvironment parent = env.getParentEnvironment();
        if (parent != null && parent.getFieldDefinition().getArgument("first") != null) {
            return first(parent);
        }
        return null;
    }

    private static int first(FieldComplexityEnvironment env) {
        return env.getArguments().get("first") instanceof Integer first ? first : DEFAULT_PAGE;
    }
}
