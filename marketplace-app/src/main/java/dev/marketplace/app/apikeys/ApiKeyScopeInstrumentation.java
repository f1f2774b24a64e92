package dev.marketplace.app.apikeys;

import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition.Operation;
import graphql.schema.DataFetcher;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Holds a request made with an API key to its scopes on GraphQL: queries and subscriptions need READ, the only
 * mutation open to a key is {@code submitVersion} (SUBMIT_VERSION), and the key and webhook fields are never open to
 * a key. Checked per top-level field, however the document reaches it (aliases, fragments), before its fetcher
 * runs; a refused field answers FORBIDDEN with {@code API_KEY_SCOPE} and nothing is sent. The interceptor, where the
 * request's security context is at hand, puts the key's scopes in the GraphQL context, which every field sees
 * whatever thread it runs on.
 */
@Component
class ApiKeyScopeInstrumentation extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

    private static final String SCOPES = ApiKeyScopeInstrumentation.class.getName() + ".scopes";
    private static final Map<String, ApiKeyScope> MUTATIONS = Map.of("submitVersion", ApiKeyScope.SUBMIT_VERSION);
    private static final Set<String> NEVER = Set.of("apiKeys", "createApiKey", "revokeApiKey", "webhooks",
                                                    "createWebhook", "deleteWebhook", "webhookDeliveries");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof ApiKeyAuthentication key) {
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(
                    Map.of(SCOPES, key.scopes())).build());
        }
        return chain.next(request);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        Set<ApiKeyScope> scopes = parameters.getExecutionContext().getGraphQLContext().get(SCOPES);
        if (scopes == null || parameters.getExecutionStepInfo().getPath().getLevel() != 1) {
            return fetcher;
        }
        String field = parameters.getExecutionStepInfo().getFieldDefinition().getName();
        String refusal = refusal(parameters.getExecutionContext().getOperationDefinition().getOperation(), field,
                                 scopes);
        return refusal == null ? fetcher : environment -> {
            throw new RuleViolation(RuleCode.API_KEY_SCOPE, refusal);
        };
    }

    static String refusal(Operation operation, String field, Set<ApiKeyScope> scopes) {
        if (NEVER.contains(field)) {
            return "API keys cannot manage keys or webhooks (" + field + "): sign in instead.";
        }
        if (operation == Operation.MUTATION) {
            ApiKeyScope needed = MUTATIONS.get(field);
            if (needed == null) {
                return "API keys cannot call " + field + ": a key may only submit versions and upload packages.";
            }
            return scopes.contains(needed) ? null : "This API key lacks the " + needed + " scope for " + field + ".";
        }
        return scopes.contains(ApiKeyScope.READ) ? null
                : "This API key lacks the READ scope for " + field + ".";
    }
}
