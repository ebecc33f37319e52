package org.yunxie.bot.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JDBC for the harness's own reads and set-up writes: what was stored, the server's counters. A new
 * connection per call, so that a database that was stopped and started again is simply reached again.
 */
final class Db {

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    final String url;
    private final String user;
    private final String password;

    Db(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Instants as the application writes them: UTC wall time, as text. */
    static String utc(Instant instant) {
        return TEXT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    long count(String sql, Object... args) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    int update(String sql, Object... args) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    List<Map<String, Object>> rows(String sql, Object... args) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** SHOW GLOBAL STATUS as numbers. */
    Map<String, Long> status() throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS")) {
            while (rs.next()) {
                try {
                    values.put(rs.getString(1), Long.parseLong(rs.getString(2)));
                } catch (NumberFormatException notANumber) {
                    // text values (versions, flags) are not counters
                }
            }
        }
        return values;
    }

    String variable(String name) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SHOW GLOBAL VARIABLES LIKE ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(2) : "?";
            }
        }
    }

    boolean reachable() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
