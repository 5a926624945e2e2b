package org.scale4j.training.eval.report;

import java.util.ArrayList;
import java.util.List;

/** Renders rows of cells as an aligned console table or a Markdown table: text columns left, numbers right. */
final class TextTable {

    private final List<String> header;
    private final int leftColumns;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table whose first {@code leftColumns} columns are left-aligned (labels) and the rest right-aligned. */
    TextTable(List<String> header, int leftColumns) {
        this.header = List.copyOf(header);
        this.leftColumns = leftColumns;
    }

    void add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row has " + row.size() + " cells, header has " + header.size());
        }
        rows.add(List.copyOf(row));
    }

    String console() {
        int[] w = widths();
        StringBuilder b = new StringBuilder();
        line(b, header, w, leftColumns);
        for (int i = 0; i < w.length; i++) {
            b.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        }
        b.append('\n');
        for (List<String> r : rows) {
            line(b, r, w, leftColumns);
        }
        return b.toString();
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| ").append(String.join(" | ", escape(header))).append(" |\n|");
        for (int i = 0; i < header.size(); i++) {
            b.append(i < leftColumns ? "---|" : "---:|");
        }
        b.append('\n');
        for (List<String> r : rows) {
            b.append("| ").append(String.join(" | ", escape(r))).append(" |\n");
        }
        return b.toString();
    }

    private static List<String> escape(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String c : cells) {
            out.add(c.replace("|", "\\|"));
        }
        return out;
    }

    private int[] widths() {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        return w;
    }

    private static void line(StringBuilder b, List<String> cells, int[] w, int leftColumns) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                b.append("  ");
            }
            String pad = " ".repeat(w[i] - c.length());
            b.append(i < leftColumns ? c + pad : pad + c);
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == ' ') {
            end--;
        }
        b.setLength(end);
        b.append('\n');
    }
}
