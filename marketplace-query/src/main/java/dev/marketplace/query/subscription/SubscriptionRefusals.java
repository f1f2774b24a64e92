package dev.marketplace.query.subscription;

import dev.marketplace.api.rules.RuleViolation;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.HashMap;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * A subscription refused by a rule answers like a refused query or mutation: classification and {@code code} from the
 * rule, its message, and {@code field} when one input is at fault. Spring for GraphQL sends what a subscription
 * method throws to subscription resolvers, not to the data fetcher resolvers that map refusals of other requests.
 */
@Component
class SubscriptionRefusals extends SubscriptionExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable thrown) {
        if (!(thrown instanceof RuleViolation violation)) {
            return null;
        }
        Map<String, Object> extensions = new HashMap<>();
        extensions.put("code", violation.code().name());
        if (violation.field() != null) {
            extensions.put("field", violation.field());
        }
        return GraphqlErrorBuilder.newError().errorType(ErrorType.valueOf(violation.code().kind().name()))
                                  .message(violation.getMessage()).extensions(extensions).build();
    }
}
