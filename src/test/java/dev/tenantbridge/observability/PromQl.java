package dev.tenantbridge.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL reading for tests: the metric names an expression selects, and the expressions of a rules
 * file. Not a parser; it relies on the rules and dashboard keeping to plain selectors and functions.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\w+");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Pattern EXPR = Pattern.compile("^(\\s*)(?:- )?expr:\\s*(.*)$");

    private PromQl() {}

    /** The metric names an expression reads. */
    static Set<String> metricNames(String expression) {
        String rest = STRING.matcher(expression).replaceAll(" ");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGE.matcher(rest).replaceAll(" ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        rest = VARIABLE.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(rest);
        while (matcher.find()) {
            boolean function = matcher.group(2) != null;
            if (!function && !KEYWORDS.contains(matcher.group(1).toLowerCase())) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** The {@code expr} of every rule in a Prometheus rules file, block scalars joined into one line. */
    static List<String> ruleExpressions(List<String> lines) {
        List<String> expressions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = EXPR.matcher(lines.get(i));
            if (!matcher.matches()) {
                continue;
            }
            String value = matcher.group(2).trim();
            if (!value.startsWith(">") && !value.startsWith("|")) {
                expressions.add(value);
                continue;
            }
            int indent = matcher.group(1).length();
            StringBuilder block = new StringBuilder();
            while (i + 1 < lines.size() && indentOf(lines.get(i + 1)) > indent) {
                block.append(lines.get(++i).trim()).append(' ');
            }
            expressions.add(block.toString().trim());
        }
        return expressions;
    }

    private static int indentOf(String line) {
        if (line.isBlank()) {
            return Integer.MAX_VALUE;
        }
        return line.length() - line.stripLeading().length();
    }
}
