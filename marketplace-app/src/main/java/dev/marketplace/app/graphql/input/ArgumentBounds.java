package dev.marketplace.app.graphql.input;

import dev.marketplace.api.rules.RuleViolation;
import graphql.Scalars;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Bounds every argument of every field, by its type, before the field's controller sees it: one place, so that no
 * controller has to remember, and no input too long or malformed reaches Elasticsearch, the database or a command
 * (where it would fail deep inside, as an ERROR and an INTERNAL_ERROR). A value out of bounds is refused as a
 * {@link RuleViolation} naming the argument ({@code filter.tags}, {@code input.miniProgramId}), which the GraphQL
 * error mapping answers as BAD_REQUEST with code INVALID_INPUT. The bounds are wide, well above any valid value;
 * each field's own rules (a name's length, a tag's characters) still apply after them.
 * <ul>
 *   <li>an {@code ID}: 1 to {@value #MAX_ID_LENGTH} letters, digits, punctuation or symbols (no spaces, control
 *       or invisible characters); ids made here hold at most a program id (64), a number and a user id;</li>
 *   <li>a {@code String}: at most {@value #MAX_TEXT_LENGTH} UTF-16 units, twice the longest text kept (a
 *       changelog of 5,000 characters), since one character may take two units;</li>
 *   <li>a list: at most {@value #MAX_LIST_SIZE} values, ten times the most tags a program may have;</li>
 *   <li>an argument with a default in the schema ({@code first: Int = 20}): not null. The schema is the one place
 *       that says the default, so controllers take it as given; an explicit null would reach them as none.</li>
 * </ul>
 */
@Component
class ArgumentBounds extends SimplePerformantInstrumentation {

    static final int MAX_ID_LENGTH = 256;
    static final int MAX_TEXT_LENGTH = 10_000;
    static final int MAX_LIST_SIZE = 100;

    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{S}]{1," + MAX_ID_LENGTH + "}");

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        GraphQLFieldDefinition field = parameters.getExecutionStepInfo().getFieldDefinition();
        if (field.getArguments().isEmpty()) {
            return fetcher;
        }
        return environment -> {
            for (GraphQLArgument argument : field.getArguments()) {
                Object value = environment.getArgument(argument.getName());
                if (value == null && argument.hasSetDefaultValue()) {
                    throw RuleViolation.invalid(argument.getName(), "must not be null; leave it out for its default");
                }
                check(argument.getName(), argument.getType(), value);
            }
            return fetcher.get(environment);
        };
    }

    private static void check(String name, GraphQLInputType type, Object value) {
        if (value == null) {
            return;
        }
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list && value instanceof List<?> values) {
            if (values.size() > MAX_LIST_SIZE) {
                throw RuleViolation.invalid(name, "at most " + MAX_LIST_SIZE + " values, not " + values.size());
            }
            values.forEach(item -> check(name, (GraphQLInputType) list.getWrappedType(), item));
        } else if (bare instanceof GraphQLInputObjectType input && value instanceof Map<?, ?> fields) {
            for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                check(name + "." + field.getName(), field.getType(), fields.get(field.getName()));
            }
        } else if (value instanceof String text) {
            checkText(name, ((GraphQLNamedType) bare).getName(), text);
        }
    }

    private static void checkText(String name, String type, String text) {
        if (type.equals(Scalars.GraphQLID.getName()) && !ID.matcher(text).matches()) {
            throw RuleViolation.invalid(name, "must be an id of 1 to " + MAX_ID_LENGTH
                                              + " letters, digits, punctuation or symbols");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw RuleViolation.invalid(name, "must be at most " + MAX_TEXT_LENGTH + " characters, not "
                                              + text.length());
        }
    }
}
