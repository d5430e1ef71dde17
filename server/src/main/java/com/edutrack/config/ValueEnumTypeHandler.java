package com.edutrack.config;

import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Stores the generated DTO enums by their JSON value ({@code "siteowner"}, {@code "pending"}), the
 * same text the database's CHECK constraints list, instead of the Java constant name.
 */
public class ValueEnumTypeHandler<E extends Enum<E>> extends BaseTypeHandler<E> {

    private final Class<E> type;
    private final Method fromValue;
    private final Method getValue;

    public ValueEnumTypeHandler(Class<E> type) {
        this.type = type;
        this.fromValue = method(type, "fromValue", String.class);
        this.getValue = method(type, "getValue");
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, E parameter, JdbcType jdbcType) throws SQLException {
        ps.setString(i, value(parameter));
    }

    @Override
    public E getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return parse(rs.getString(columnName));
    }

    @Override
    public E getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return parse(rs.getString(columnIndex));
    }

    @Override
    public E getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return parse(cs.getString(columnIndex));
    }

    private String value(E constant) {
        try {
            return getValue == null ? constant.name().toLowerCase() : String.valueOf(getValue.invoke(constant));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private E parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return fromValue == null ? Enum.valueOf(type, value.toUpperCase()) : type.cast(fromValue.invoke(null, value));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Unknown " + type.getSimpleName() + " " + value, e);
        }
    }
}
