package dev.aispend.ingest.directory.web;

import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header row of a directory import: which column holds what. Columns may come in any order and be named in
 * any case; {@code person} and {@code team} are required, the others optional; an unknown or repeated column is
 * refused (a misspelt {@code emial} column would otherwise drop every email silently).
 */
final class CsvHeader {
    static final List<AliasKind> ALIAS_COLUMNS = List.of(AliasKind.EMAIL, AliasKind.GITHUB_LOGIN,
            AliasKind.PROVIDER_ACCOUNT_ID, AliasKind.API_KEY_ID);
    static final List<String> COLUMNS = List.of("person", "team", "costCenter", "validFrom", "email", "githubLogin",
            "providerAccountId", "apiKeyId");

    private final Map<String, Integer> indexByColumn;
    private final int size;

    private CsvHeader(Map<String, Integer> indexByColumn, int size) {
        this.indexByColumn = indexByColumn;
        this.size = size;
    }

    /** Reads the header; each problem goes to {@code violations}, naming {@code row 1 column X}. */
    static CsvHeader of(String[] cells, List<FieldError> violations) {
        Map<String, String> byLowerCase = new HashMap<>();
        COLUMNS.forEach(column -> byLowerCase.put(column.toLowerCase(Locale.ROOT), column));
        Map<String, Integer> indexByColumn = new HashMap<>();
        for (int index = 0; index < cells.length; index++) {
            String name = cells[index] == null ? "" : cells[index].strip();
            String column = byLowerCase.get(name.toLowerCase(Locale.ROOT));
            if (column == null) {
                violations.add(new FieldError("row 1 column " + (index + 1), "names \"" + name
                        + "\", not a column of the directory import (" + String.join(", ", COLUMNS) + ")"));
            } else if (indexByColumn.putIfAbsent(column, index) != null) {
                violations.add(new FieldError("row 1 column " + column, "is named twice"));
            }
        }
        for (String required : List.of("person", "team")) {
            if (violations.isEmpty() && !indexByColumn.containsKey(required)) {
                violations.add(new FieldError("row 1", "the header must name the column " + required));
            }
        }
        return new CsvHeader(indexByColumn, cells.length);
    }

    int size() {
        return size;
    }

    /** The stripped cell of {@code column}, or null when the column is absent or the cell empty. */
    @Nullable String cell(String[] cells, String column) {
        Integer index = indexByColumn.get(column);
        if (index == null || index >= cells.length || cells[index] == null || cells[index].isBlank()) {
            return null;
        }
        return cells[index].strip();
    }

    /** More cells than columns, other than empty ones (a trailing comma some tools write). */
    boolean extraCells(String[] cells) {
        for (int index = size; index < cells.length; index++) {
            if (cells[index] != null && !cells[index].isBlank()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a reason about a row sits: {@code row N column X}, the column from our field name ({@code team},
     * {@code aliases.email[2]} is column {@code email}); {@code $} or {@code aliases} (all alias columns) name the
     * row only.
     */
    static String place(int rowNumber, String field) {
        if (field == null || "$".equals(field) || "aliases".equals(field)) {
            return "row " + rowNumber;
        }
        String column = field.startsWith("aliases.") ? field.substring("aliases.".length()) : field;
        int bracket = column.indexOf('[');
        return "row " + rowNumber + " column " + (bracket < 0 ? column : column.substring(0, bracket));
    }
}
