package dev.crmsync.service.persistence;

import java.lang.reflect.Array;
import java.util.List;

/**
 * Rows collected as {@code Object[]} turned into one typed array per column, the arguments of a single
 * {@code insert ... select from unnest(?::text[], ...)} statement. One statement for a batch's rows runs the
 * executor once; a JDBC batch runs it (and the conflict check's set-up) once per row.
 */
final class Columns {
    private Columns() {
    }

    /** @param types the element type of each column's array: {@code String.class}, {@code Long.class}, ... */
    static Object[] of(List<Object[]> rows, Class<?>... types) {
        Object[] columns = new Object[types.length];
        for (int c = 0; c < types.length; c++) {
            Object column = Array.newInstance(types[c], rows.size());
            for (int r = 0; r < rows.size(); r++) {
                Array.set(column, r, rows.get(r)[c]);
            }
            columns[c] = column;
        }
        return columns;
    }
}
