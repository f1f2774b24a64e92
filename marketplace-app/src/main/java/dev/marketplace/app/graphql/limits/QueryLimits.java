package dev.marketplace.app.graphql.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much work one GraphQL request may ask for; a request over any limit is refused before a single field is
 * fetched.
 *
 * @param maxDepth      nesting of fields. Data needs at most 6 here, but GraphiQL's own schema introspection
 *                      (graphql-js 16.11, nine levels of {@code ofType}) needs 15
 * @param maxComplexity about the number of values a response can hold: each field counts 1, and what is selected
 *                      under a page ({@code first}) counts once per requested item. A full page of 100 search hits
 *                      with some 25 values each fits; a page of ratings inside each of 100 hits does not. Also
 *                      the most selections counted with every fragment expanded where it is used: a query asking
 *                      for more is refused without counting further
 * @param maxAliases    aliased fields; each alias of a root field is one more search or lookup
 */
@ConfigurationProperties("marketplace.graphql")
public record QueryLimits(@DefaultValue("15") int maxDepth,
                          @DefaultValue("3000") int maxComplexity,
                          @DefaultValue("30") int maxAliases) {

    public QueryLimits {
        if (maxDepth < 1 || maxComplexity < 1 || maxAliases < 0) {
            throw new IllegalArgumentException("marketplace.graphql limits must be positive (max-aliases may be 0)");
        }
    }
}
