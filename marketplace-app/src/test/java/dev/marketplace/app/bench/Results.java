package dev.marketplace.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The side-by-side table of a run: each figure beside its baseline, the ratio, the target and the load average. */
final class Results {

    /** A figure; {@code ratio} is marketplace ÷ baseline (NaN when there is no baseline to divide by). */
    record Row(String scenario, String measure, String marketplace, String baseline, double ratio, String target,
               Boolean met, String load) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final String machine;
    private final String started = Instant.now().toString();

    Results(String machine) {
        this.machine = machine;
    }

    void add(String scenario, String measure, String marketplace, String baseline, double ratio, String target,
             Boolean met, String load) {
        rows.add(new Row(scenario, measure, marketplace, baseline, ratio, target, met, load));
        System.out.println("BENCH " + line(rows.get(rows.size() - 1)));
    }

    void note(String note) {
        notes.add(note);
        System.out.println("BENCH note: " + note);
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("Run started ").append(started).append(" on ").append(machine).append("\n\n");
        out.append("| scenario | measure | marketplace | baseline | ratio | target | met | load avg (1 min) |\n");
        out.append("|---|---|---:|---:|---:|---|---|---|\n");
        rows.forEach(r -> out.append(line(r)).append('\n'));
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String line(Row r) {
        String ratio = Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.2f", r.ratio());
        String met = r.met() == null ? "" : r.met() ? "met" : "**missed**";
        return "| " + String.join(" | ", r.scenario(), r.measure(), r.marketplace(), r.baseline(), ratio, r.target(),
                                  met, r.load()) + " |";
    }

    /** A text of at most 300 characters and an ellipsis: error messages and answers can be huge. */
    static String abbreviated(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    static String f(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
