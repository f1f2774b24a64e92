package dev.marketplace.app.graphql.limits;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.Coercing;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The public schema with the configured {@link QueryLimits} and no data behind it: the limits act before any field
 * is fetched, so this answers whether a document would be refused, in milliseconds and without a database.
 */
final class LimitedGraphQl {

    /** Custom scalars taken as they come: what they mean does not change how much a query asks for. */
    private static final Coercing<Object, Object> AS_GIVEN = new Coercing<>() {
        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return value;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                   Locale locale) {
            return input instanceof StringValue text ? text.getValue() : input;
        }
    };

    /** The page size a document is checked with when it lets the caller choose: the largest the API allows. */
    static final int FULL_PAGE = 100;

    final QueryLimits limits = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("marketplace.graphql", QueryLimits.class);
    final GraphQLSchema schema = schema();
    private final GraphQL graphQl = GraphQL.newGraphQL(schema)
            .instrumentation(new QueryLimitsInstrumentation(limits))
            .build();

    ExecutionResult execute(String document) {
        return graphQl.execute(ExecutionInput.newExecutionInput(document).variables(variables(document)).build());
    }

    /** Every resource matching the pattern, with its text. */
    static Map<String, String> resources(String pattern) {
        try {
            Map<String, String> texts = new HashMap<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    texts.put(resource.getURL().toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GraphQLSchema schema() {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        resources("classpath*:graphql/**/*.graphqls").values()
                .forEach(text -> registry.merge(new SchemaParser().parse(text)));
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
        registry.scalars().keySet().stream().filter(name -> !ScalarInfo.isGraphqlSpecifiedScalar(name))
                .forEach(name -> wiring.scalar(GraphQLScalarType.newScalar().name(name).coercing(AS_GIVEN).build()));
        return new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
    }

    /** Values for the document's variables: full pages for {@code first}, the smallest valid value for the rest. */
    private Map<String, Object> variables(String document) {
        Document parsed = Parser.parse(document);
        Map<String, Object> values = new HashMap<>();
        for (OperationDefinition operation : parsed.getDefinitionsOfType(OperationDefinition.class)) {
            for (VariableDefinition variable : operation.getVariableDefinitions()) {
                values.put(variable.getName(), variable.getName().equals("first") ? FULL_PAGE
                        : sample(variable.getType()));
            }
        }
        return values;
    }

    private Object sample(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return sample(nonNull.getType());
        }
        if (type instanceof ListType) {
            return List.of();
        }
        return sample((GraphQLNamedType) schema.getType(((TypeName) type).getName()));
    }

    private Object sample(GraphQLNamedType type) {
        if (type instanceof GraphQLEnumType enumType) {
            return enumType.getValues().get(0).getName();
        }
        if (type instanceof GraphQLInputObjectType input) {
            Map<String, Object> fields = new HashMap<>();
            for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                if (GraphQLTypeUtil.isNonNull(field.getType())) {
                    fields.put(field.getName(), sampleOf(GraphQLTypeUtil.unwrapNonNull(field.getType())));
                }
            }
            return fields;
        }
        return switch (type.getName()) {
            case "Int" -> 1;
            case "Float" -> 1.0;
            case "Boolean" -> false;
            case "DateTime" -> "2026-01-01T00:00:00Z";
            default -> "x";
        };
    }

    private Object sampleOf(graphql.schema.GraphQLType type) {
        return GraphQLTypeUtil.isList(type) ? List.of() : sample((GraphQLNamedType) type);
    }
}
