package dev.marketplace.app.shared;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A set of enum constants kept in one text column: their names, sorted and joined by commas. */
public final class EnumSetColumn {

    private EnumSetColumn() {
    }

    public static String write(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public static <E extends Enum<E>> Set<E> read(Class<E> type, String column) {
        Set<E> values = EnumSet.noneOf(type);
        Arrays.stream(column.split(",")).filter(name -> !name.isBlank()).map(name -> Enum.valueOf(type, name))
              .forEach(values::add);
        return values;
    }
}
