package dev.switchyard.workspace.db;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import dev.switchyard.workspace.model.Coded;

/**
 * Binding and reading conventions: instants are epoch milliseconds (INTEGER), dates ISO text,
 * decimals plain text, booleans 0/1, enums implementing {@link Coded} their code text.
 */
public final class Sql {

    private Sql() {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    public static String newUid() {
        return UUID.randomUUID().toString();
    }

    /**
     * {@code n} random (version 4) UUIDs from one call to the secure generator: the same kind of uid as
     * {@link #newUid()}, without paying the generator's per-call cost for every row of a large batch.
     */
    public static String[] newUids(int n) {
        byte[] bytes = new byte[16 * n];
        RANDOM.nextBytes(bytes);
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            long msb = (buf.getLong() & ~0xF000L) | 0x4000L;
            long lsb = (buf.getLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
            out[i] = new UUID(msb, lsb).toString();
        }
        return out;
    }

    /** Instants are stored with millisecond precision; records truncate so round trips are equal. */
    public static Instant millis(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS);
    }

    public static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            bindOne(ps, i + 1, args[i]);
        }
    }

    public static void bindOne(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.NULL);
        } else if (v instanceof Instant t) {
            ps.setLong(i, t.toEpochMilli());
        } else if (v instanceof LocalDate d) {
            ps.setString(i, d.toString());
        } else if (v instanceof BigDecimal b) {
            ps.setString(i, b.toPlainString());
        } else if (v instanceof Boolean b) {
            ps.setInt(i, b ? 1 : 0);
        } else if (v instanceof Coded c) {
            ps.setString(i, c.code());
        } else if (v instanceof Long l) {
            ps.setLong(i, l);
        } else if (v instanceof Integer n) {
            ps.setInt(i, n);
        } else if (v instanceof Double d) {
            ps.setDouble(i, d);
        } else {
            ps.setString(i, v.toString());
        }
    }

    public static Long longOrNull(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    public static Integer intOrNull(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    public static Double doubleOrNull(ResultSet rs, String col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    public static Instant instant(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    public static LocalDate date(ResultSet rs, String col) throws SQLException {
        String s = rs.getString(col);
        return s == null ? null : LocalDate.parse(s);
    }

    public static BigDecimal decimal(ResultSet rs, String col) throws SQLException {
        String s = rs.getString(col);
        return s == null ? null : new BigDecimal(s);
    }

    public static boolean bool(ResultSet rs, String col) throws SQLException {
        return rs.getInt(col) != 0;
    }
}
