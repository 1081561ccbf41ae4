package dev.tenantbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's findings: the machine, a table per section with its conditions, the goals with their ratios, and
 * the raw figures. Written as Markdown for people and JSON for machines.
 */
final class Report {

    /** A table of one section; cells are already formatted for reading. */
    record Table(String title, String conditions, List<String> columns, List<List<String>> rows, List<String> notes) {}

    /** A goal: a ratio (or a count) from this run against its target. */
    record Goal(String name, double value, String target, boolean met, String basis) {}

    private final Map<String, String> machine = new LinkedHashMap<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Goal> goals = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();

    void machine(String key, String value) {
        machine.put(key, value);
    }

    void table(Table table) {
        tables.add(table);
    }

    void goal(String name, double value, String target, boolean met, String basis) {
        goals.add(new Goal(name, value, target, met, basis));
        Progress.say("goal %s: %s (target %s) %s", name, number(value), target, met ? "met" : "NOT met");
    }

    /** Raw figures for the JSON report, by section. */
    void figures(String section, Object value) {
        figures.put(section, value);
    }

    void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("machine", machine);
        document.put("goals", goals);
        document.put("tables", tables);
        document.put("figures", figures);
        json.writeValue(folder.resolve("report.json").toFile(), document);
        Files.writeString(folder.resolve("report.md"), markdown());
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Tenant Bridge benchmark\n\n");
        machine.forEach((key, value) ->
                md.append("- ").append(key).append(": ").append(value).append('\n'));
        md.append("\n## Goals\n\n");
        List<List<String>> goalRows = goals.stream()
                .map(g -> List.of(g.name(), number(g.value()), g.target(), g.met() ? "met" : "**not met**", g.basis()))
                .toList();
        appendRows(md, List.of("Goal", "This run", "Target", "Verdict", "Basis"), goalRows);
        for (Table table : tables) {
            md.append("\n## ").append(table.title()).append("\n\n");
            md.append(table.conditions()).append("\n\n");
            appendRows(md, table.columns(), table.rows());
            table.notes().forEach(note -> md.append("\n").append(note).append('\n'));
        }
        return md.toString();
    }

    private static void appendRows(StringBuilder md, List<String> columns, List<List<String>> rows) {
        md.append("| ").append(String.join(" | ", columns)).append(" |\n|");
        columns.forEach(c -> md.append("---|"));
        md.append('\n');
        rows.forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
    }

    /** A figure as the tables show it: two decimals below 10, one below 1000, none above. */
    static String number(double value) {
        if (Math.abs(value) < 10) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) < 1000 ? "%.1f" : "%.0f", value);
    }
}
