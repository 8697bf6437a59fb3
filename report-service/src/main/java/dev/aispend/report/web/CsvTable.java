package dev.aispend.report.web;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as one flat table for CSV: a header and rows of plain values (strings, integers, dates, or null for
 * an empty cell). Every report that can be exported as CSV builds one from its JSON answer. A cell's Java type is
 * its column's type: numbers, booleans and dates are figures, a String is text and is neutralised against formula
 * injection when written ({@link dev.aispend.platform.csv.CsvCells}). So a figure must be put in as a number, never
 * as its text: {@link #number} for the decimals the JSON carries as strings.
 */
public record CsvTable(List<String> header, List<List<Object>> rows) {
    public CsvTable {
        header = List.copyOf(header);
        List<List<Object>> copied = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a CSV row has " + row.size() + " cells for " + header.size()
                        + " columns");
            }
            copied.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copied);
    }

    /** A decimal the JSON answer carries as a string ({@code "1.50"}), as a number cell; null stays empty. */
    @Nullable
    public static BigDecimal number(@Nullable String decimal) {
        return decimal == null ? null : new BigDecimal(decimal);
    }
}
