package org.wageguard.shared;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps a row to a record by its components' names ({@code employerName} ← column {@code employer_name} or
 * {@code employername}), reading the result's column labels once. Spring's {@code query(Record.class)} looks each
 * component up by name and, failing, by its underscored name — and the PostgreSQL driver answers every failed look-up
 * with an exception and a translated message: a dozen exceptions per row, a sixth of a case list's CPU. Anything that
 * is not a record goes to Spring's mapper as before.
 */
public final class Rows {

    private record Shape(Constructor<?> constructor, String[] names, TypeDescriptor[] types) {
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();
    private static final ConversionService CONVERSION = DefaultConversionService.getSharedInstance();

    private Rows() {
    }

    /** A mapper for one query (it keeps the column positions of that query's result). */
    public static <T> RowMapper<T> of(Class<T> type) {
        if (!type.isRecord()) {
            return new SimplePropertyRowMapper<>(type);
        }
        Shape shape = SHAPES.computeIfAbsent(type, Rows::shape);
        return new RowMapper<>() {
            private int[] columns;

            @Override
            @SuppressWarnings("unchecked")
            public T mapRow(ResultSet rs, int rowNum) throws SQLException {
                if (columns == null) {
                    columns = columns(rs.getMetaData(), shape.names());
                }
                Object[] args = new Object[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    if (columns[i] > 0) {
                        TypeDescriptor target = shape.types()[i];
                        // An enum is read as its name (asking the driver for the enum type itself fails, costly).
                        Object value = JdbcUtils.getResultSetValue(rs, columns[i],
                                target.getType().isEnum() ? String.class : target.getType());
                        args[i] = value == null || target.getType().isInstance(value) ? value
                                : CONVERSION.convert(value, TypeDescriptor.forObject(value), target);
                    }
                }
                return (T) BeanUtils.instantiateClass(shape.constructor(), args);
            }
        };
    }

    private static Shape shape(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] raw = new Class<?>[components.length];
        String[] names = new String[components.length];
        for (int i = 0; i < components.length; i++) {
            raw[i] = components[i].getType();
            names[i] = normal(components[i].getName());
        }
        Constructor<?> constructor = canonical(type, raw);
        TypeDescriptor[] types = new TypeDescriptor[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
        }
        return new Shape(constructor, names, types);
    }

    private static Constructor<?> canonical(Class<?> type, Class<?>[] raw) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(raw);
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("A record without its canonical constructor: " + type, e);
        }
    }

    /** 1-based column of each name, 0 where the result has no such column (the component stays null or 0). */
    private static int[] columns(ResultSetMetaData meta, String[] names) throws SQLException {
        Map<String, Integer> byName = new HashMap<>();
        for (int c = meta.getColumnCount(); c >= 1; c--) {
            byName.put(normal(JdbcUtils.lookupColumnName(meta, c)), c); // the first of equal names wins
        }
        int[] columns = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            columns[i] = byName.getOrDefault(names[i], 0);
        }
        return columns;
    }

    private static String normal(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
