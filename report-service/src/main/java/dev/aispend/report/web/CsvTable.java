package dev.aispend.report.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as one flat table for CSV: a header and rows of plain values (strings, integers, dates, or null for
 * an empty cell). Every report that can be exported as CSV builds one from its JSON answer.
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
}
