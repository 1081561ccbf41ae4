package dev.tenantbridge.observability;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One real scrape of {@code /q/metrics}, parsed into samples that tests can look up by name and labels. */
final class Scrape {

    record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+).*");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples;

    private Scrape(List<Sample> samples) {
        this.samples = samples;
    }

    static Scrape take() {
        String text = given().accept("text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher matcher = LINE.matcher(line);
            if (!line.startsWith("#") && matcher.matches()) {
                samples.add(
                        new Sample(matcher.group(1), labels(matcher.group(3)), Double.parseDouble(matcher.group(4))));
            }
        }
        return new Scrape(samples);
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text != null) {
            Matcher matcher = LABEL.matcher(text);
            while (matcher.find()) {
                labels.put(matcher.group(1), matcher.group(2));
            }
        }
        return labels;
    }

    /** Every sample of a metric whose labels include all the given ones. */
    List<Sample> find(String name, String... labelPairs) {
        return samples.stream()
                .filter(s -> s.name().equals(name))
                .filter(s -> hasLabels(s, labelPairs))
                .toList();
    }

    /** The value of the one sample that matches, or empty when there is none. */
    OptionalDouble value(String name, String... labelPairs) {
        List<Sample> found = find(name, labelPairs);
        if (found.size() > 1) {
            throw new AssertionError("More than one series of " + name + " matches: " + found);
        }
        return found.isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(found.get(0).value());
    }

    boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    boolean anyWithLabel(String label, String value) {
        return samples.stream().anyMatch(s -> value.equals(s.labels().get(label)));
    }

    private static boolean hasLabels(Sample sample, String... labelPairs) {
        for (int i = 0; i < labelPairs.length; i += 2) {
            if (!labelPairs[i + 1].equals(sample.labels().get(labelPairs[i]))) {
                return false;
            }
        }
        return true;
    }
}
