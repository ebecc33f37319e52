package org.yunxie.core.config;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedTypes;
import org.yunxie.core.rule.Threshold;

/** Stores a threshold in its text form, {@code >=2/3}, which reads the same in the database as in code. */
@MappedTypes(Threshold.class)
public class ThresholdTypeHandler extends BaseTypeHandler<Threshold> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, Threshold parameter, JdbcType jdbcType)
            throws SQLException {
        ps.setString(i, parameter.toString());
    }

    @Override
    public Threshold getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return Threshold.parse(rs.getString(columnName));
    }

    @Override
    public Threshold getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return Threshold.parse(rs.getString(columnIndex));
    }

    @Override
    public Threshold getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return Threshold.parse(cs.getString(columnIndex));
    }
}
