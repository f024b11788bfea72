package io.cardshark.worlds.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints rows as an aligned text table; long cells are cut so one row stays one line. */
final class TablePrinter {

    static final int MAX_CELL = 60;

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TablePrinter(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    void row(List<String> cells) {
        List<String> clean = new ArrayList<>(cells.size());
        for (String c : cells) {
            clean.add(cell(c));
        }
        rows.add(clean);
    }

    int size() {
        return rows.size();
    }

    private static String cell(String value) {
        if (value == null) {
            return "NULL";
        }
        String flat = Terminal.safe(value);
        return flat.codePointCount(0, flat.length()) <= MAX_CELL ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, MAX_CELL - 1)) + "…";
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(headers.get(i));
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], width(r.get(i)));
            }
        }
        line(out, headers, widths);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.println(rule);
        for (List<String> r : rows) {
            line(out, r, widths);
        }
    }

    private static void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            b.append(i == 0 ? "" : " | ").append(c);
            if (i < cells.size() - 1) {
                b.append(" ".repeat(widths[i] - width(c)));
            }
        }
        out.println(b);
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
