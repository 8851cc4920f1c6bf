package vn.lienthong.hub.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.yaml.snakeyaml.Yaml;

/**
 * Writes {@code docs/configuration.md}, the reference of every hub setting, from what the code declares:
 * <ul>
 * <li>the configuration metadata the build produces ({@code META-INF/spring-configuration-metadata.json}: the
 * {@code @ConfigurationProperties} records and classes with their Javadoc, merged with
 * {@code additional-spring-configuration-metadata.json} for settings read without one), and the metadata of the
 * libraries for their own settings the hub exposes;</li>
 * <li>{@code application.yaml} and {@code application-prod.yaml}: each setting's environment variable and default,
 * written {@code ${HUB_...:default}};</li>
 * <li>the connectors' Kamelet definitions for {@code camel.kamelet.*};</li>
 * <li>the validation annotations of the properties types (ranges) and {@link ProductionSettingsCheck#MANDATORY}.</li>
 * </ul>
 * Run with {@code ./mvnw -B -ntp -o test -Dtest=ConfigurationReferenceTest -Dhub.docs.regenerate=true}, from the
 * project root, after a compile (the metadata is made by the compiler).
 */
final class ConfigurationReference {

    static final Path DOC = Path.of("docs/configuration.md");
    static final String REGENERATE = "./mvnw -B -ntp -o test -Dtest=ConfigurationReferenceTest -Dhub.docs.regenerate=true";

    /** Variables that are not one setting but the base of several defaults. */
    static final Map<String, String> SHARED_VARIABLES = new LinkedHashMap<>();

    static {
        SHARED_VARIABLES.put("HUB_DATA_DIR", "Folder of the hub's own files in the default profile: embedded database, broker"
                + " journal, generated checkpoint keys, message-log archive, simulator work files. Default `./data`.");
        SHARED_VARIABLES.put("HUB_SECRETS_DIR", "prod: every file in this folder is a setting named after the file, e.g. a"
                + " file `HUB_DB_PASSWORD` holding the password (Kubernetes secret volume, compose secrets). Default"
                + " `/run/secrets/hub`.");
    }

    private static final Pattern PLACEHOLDER_VARIABLE = Pattern.compile("\\$\\{(HUB_[A-Z0-9_]+)");

    /** One setting as the reference lists it. */
    record Setting(String name, String variable, String defaultValue, String prodValue, String type, String unit,
                   String range, String description, boolean mandatoryInProd) {
    }

    /** What a yaml leaf says: the variable of a {@code ${VAR:default}} value, and the default (or the literal). */
    record YamlValue(String variable, String value) {
    }

    /** A metadata entry. */
    record Metadata(String name, String type, String description, String defaultValue, String sourceType) {
    }

    final Map<String, YamlValue> defaults;
    final Map<String, YamlValue> prod;
    final Map<String, Metadata> own;
    final Map<String, Metadata> libraries;
    final Map<String, Metadata> kamelets;
    final List<String> problems = new ArrayList<>();
    final List<Setting> settings;

    ConfigurationReference(Path root) {
        defaults = yaml(root.resolve("src/main/resources/application.yaml"));
        prod = yaml(root.resolve("src/main/resources/application-prod.yaml"));
        own = new TreeMap<>();
        libraries = new TreeMap<>();
        readMetadata();
        kamelets = kamelets(root.resolve("connectors"));
        settings = collect();
    }

    // ------------------------------------------------------------------------------------------------ collecting

    private List<Setting> collect() {
        Set<String> names = new java.util.TreeSet<>();
        own.keySet().stream().filter(n -> n.startsWith("hub.")).forEach(names::add);
        for (Map<String, YamlValue> file : List.of(defaults, prod)) {
            file.forEach((name, value) -> {
                if (name.startsWith("hub.")) {
                    if (structuredParent(name) == null) {
                        names.add(name);
                    } else if (value.variable() != null) {
                        names.add(name);
                    }
                } else if (value.variable() != null) {
                    names.add(name);
                }
            });
        }
        names.addAll(ProductionSettingsCheck.MANDATORY.keySet());

        List<Setting> out = new ArrayList<>();
        for (String name : names) {
            Metadata m = metadata(name);
            YamlValue d = defaults.get(name);
            YamlValue p = prod.get(name);
            String variable = d != null && d.variable() != null ? d.variable() : p != null ? p.variable() : null;
            if (d != null && p != null && d.variable() != null && p.variable() != null
                    && !d.variable().equals(p.variable())) {
                problems.add(name + " is read from two variables: " + d.variable() + " (application.yaml) and "
                        + p.variable() + " (application-prod.yaml)");
            }
            boolean structured = m != null && isStructured(m.type());
            if (name.startsWith("hub.") && variable == null && !structured) {
                problems.add(name + " has no environment variable: write it in application.yaml as ${HUB_...:default}");
            }
            if (m == null || m.description() == null || m.description().isBlank()) {
                problems.add(name + " has no description: Javadoc on its @ConfigurationProperties field or record"
                        + " component, or an entry in META-INF/additional-spring-configuration-metadata.json");
            }
            String defaultValue = d != null ? d.value() : m != null ? m.defaultValue() : null;
            String prodValue = p != null ? p.value() : null;
            String type = m == null ? null : m.type();
            out.add(new Setting(name, variable, defaultValue, prodValue, type, unit(name, type),
                    m == null ? null : range(m), m == null ? null : text(m.description()),
                    ProductionSettingsCheck.MANDATORY.containsKey(name)));
        }
        for (Map<String, YamlValue> file : List.of(defaults, prod)) {
            file.values().stream().map(YamlValue::value).filter(v -> v != null)
                    .forEach(v -> {
                        Matcher matcher = PLACEHOLDER_VARIABLE.matcher(v);
                        while (matcher.find()) {
                            String variable = matcher.group(1);
                            boolean known = SHARED_VARIABLES.containsKey(variable)
                                    || out.stream().anyMatch(s -> variable.equals(s.variable()));
                            if (!known) {
                                problems.add(variable + " is read in a default but is neither a setting's variable nor"
                                        + " described in ConfigurationReference.SHARED_VARIABLES");
                            }
                        }
                    });
        }
        return out;
    }

    /** The metadata property a yaml key belongs to when that property is a map or a list (clients, scopes, ...). */
    String structuredParent(String name) {
        for (Map<String, Metadata> source : List.of(own, libraries)) {
            for (Metadata m : source.values()) {
                if (isStructured(m.type()) && (name.startsWith(m.name() + ".") || name.startsWith(m.name() + "["))) {
                    return m.name();
                }
            }
        }
        return null;
    }

    private static boolean isStructured(String type) {
        return type != null && (type.startsWith("java.util.Map") || type.startsWith("java.util.List"));
    }

    private Metadata metadata(String name) {
        Metadata m = own.get(name);
        if (m == null) {
            m = kamelets.get(name);
        }
        if (m == null) {
            m = libraries.get(name);
        }
        if (m == null && name.startsWith("camel.")) {
            // Camel's metadata spells its keys in kebab case (camel.component.http.connect-timeout)
            m = libraries.get(name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT));
        }
        return m;
    }

    private static String unit(String name, String type) {
        if (type == null) {
            return "";
        }
        if (type.equals("java.time.Duration")) {
            return "duration (`500ms`, `10s`, `5m`, `1h`, `365d`)";
        }
        if (name.endsWith("-millis") || name.endsWith("Millis") || name.startsWith("camel.component.http.")) {
            return "milliseconds";
        }
        if (name.endsWith("-bytes")) {
            return "bytes";
        }
        return switch (type) {
            case "java.lang.Boolean", "boolean" -> "`true` / `false`";
            case "java.lang.Integer", "java.lang.Long", "int", "long" -> "number";
            case "java.lang.Float", "java.lang.Double" -> name.endsWith("threshold") ? "number (%)" : "number";
            case "java.lang.String" -> name.contains("url") || name.endsWith("Url") || name.endsWith("-uri")
                    ? "URL" : name.endsWith("-location") || name.endsWith("-file") || name.endsWith("-directory")
                    || name.endsWith("-key") && name.contains("signing") || name.endsWith("calendar")
                    || name.endsWith("code-mappings") ? "path or location" : "text";
            default -> type.startsWith("java.util.List") ? "list" : type.startsWith("java.util.Map") ? "map" : "";
        };
    }

    /** The range the validation annotations of the properties type put on this setting. */
    private static String range(Metadata m) {
        if (m.sourceType() == null) {
            return "";
        }
        Field field = field(m.sourceType(), camel(m.name().substring(m.name().lastIndexOf('.') + 1)));
        if (field == null) {
            return "";
        }
        List<String> rules = new ArrayList<>();
        for (Annotation a : field.getAnnotations()) {
            switch (a.annotationType().getSimpleName()) {
                case "Positive" -> rules.add("> 0");
                case "PositiveOrZero" -> rules.add("≥ 0");
                case "NotBlank" -> rules.add("not empty");
                case "NotNull" -> rules.add("required");
                case "DurationMin" -> rules.add("≥ " + attribute(a, "millis") + "ms");
                case "Size" -> {
                    int min = (int) attribute(a, "min");
                    int max = (int) attribute(a, "max");
                    rules.add(min > 0 && max < Integer.MAX_VALUE ? min + "–" + max + " characters"
                            : min > 0 ? "at least " + min + " characters" : "at most " + max + " characters");
                }
                case "Pattern" -> rules.add("`" + attribute(a, "regexp") + "`");
                default -> { }
            }
        }
        return String.join(", ", rules);
    }

    private static Object attribute(Annotation a, String name) {
        try {
            return a.annotationType().getMethod(name).invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(String type, String name) {
        try {
            Class<?> c = Class.forName(type.replace('$', '.').equals(type) ? type : type);
            return c.getDeclaredField(name);
        } catch (ClassNotFoundException | NoSuchFieldException e) {
            return null;
        }
    }

    private static String camel(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return out.toString();
    }

    /** Javadoc markup to Markdown, one line. */
    private static String text(String javadoc) {
        if (javadoc == null) {
            return null;
        }
        return javadoc.replaceAll("\\{@code ([^}]*)}", "`$1`").replaceAll("\\{@link #?([^}]*)}", "`$1`")
                .replaceAll("\\s+", " ").replace("|", "\\|").trim();
    }

    // ------------------------------------------------------------------------------------------------ sources

    private void readMetadata() {
        ObjectMapper mapper = new ObjectMapper();
        try {
            Enumeration<URL> files = getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
            boolean ownFound = false;
            for (URL url : Collections.list(files)) {
                boolean isOwn = "file".equals(url.getProtocol()) && url.getPath().contains("/target/classes/");
                ownFound |= isOwn;
                try (InputStream in = url.openStream()) {
                    JsonNode root = mapper.readTree(in);
                    for (JsonNode p : root.path("properties")) {
                        Metadata m = new Metadata(p.path("name").asText(), p.path("type").asText(null),
                                p.path("description").asText(null),
                                p.has("defaultValue") ? p.get("defaultValue").isArray() ? String.join(",",
                                        mapper.convertValue(p.get("defaultValue"), String[].class))
                                        : p.get("defaultValue").asText() : null,
                                p.path("sourceType").asText(null));
                        (isOwn ? own : libraries).putIfAbsent(m.name(), m);
                    }
                }
            }
            if (!ownFound) {
                throw new IllegalStateException("target/classes/META-INF/spring-configuration-metadata.json not on the"
                        + " class path: compile first (spring-boot-configuration-processor writes it)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Metadata> kamelets(Path connectors) {
        Map<String, Metadata> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(connectors)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".kamelet.yaml")).toList()) {
                Map<String, Object> kamelet = new Yaml().load(Files.readString(file));
                String name = (String) ((Map<?, ?>) kamelet.get("metadata")).get("name");
                Map<?, ?> definition = (Map<?, ?>) ((Map<?, ?>) kamelet.get("spec")).get("definition");
                Map<?, ?> properties = (Map<?, ?>) definition.get("properties");
                if (properties == null) {
                    continue;
                }
                properties.forEach((property, spec) -> {
                    Map<?, ?> s = (Map<?, ?>) spec;
                    String type = switch (String.valueOf(s.get("type"))) {
                        case "integer" -> "java.lang.Long";
                        case "boolean" -> "java.lang.Boolean";
                        default -> "java.lang.String";
                    };
                    String description = (String) s.get("description");
                    if ("password".equals(s.get("format")) && description != null) {
                        description = description + " (secret)";
                    }
                    String key = "camel.kamelet." + name + "." + property;
                    out.put(key, new Metadata(key, type, description,
                            s.get("default") == null ? null : String.valueOf(s.get("default")), null));
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Map<String, YamlValue> yaml(Path file) {
        Map<String, YamlValue> out = new LinkedHashMap<>();
        try {
            Object root = new Yaml().load(Files.readString(file, StandardCharsets.UTF_8));
            flatten("", root, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void flatten(String prefix, Object node, Map<String, YamlValue> out) {
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                // "a.b: x" at the top of a file is the same as nested keys
                flatten(prefix.isEmpty() ? key : prefix + "." + key, v, out);
            });
        } else if (node instanceof List<?> list && list.stream().anyMatch(e -> e instanceof Map)) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else {
            out.put(prefix, parse(node));
        }
    }

    /** {@code ${VAR:default}} → VAR and default; anything else is a literal. */
    static YamlValue parse(Object node) {
        if (node == null) {
            return new YamlValue(null, "");
        }
        if (node instanceof Map<?, ?> || node instanceof List<?>) {
            return new YamlValue(null, String.valueOf(node).replace("=", ": "));
        }
        String value = String.valueOf(node);
        if (value.startsWith("${") && closing(value, 1) == value.length() - 1) {
            String inner = value.substring(2, value.length() - 1);
            int colon = inner.indexOf(':');
            String variable = colon < 0 ? inner : inner.substring(0, colon);
            if (variable.matches("[A-Z][A-Z0-9_]*")) {
                return new YamlValue(variable, colon < 0 ? null : inner.substring(colon + 1));
            }
        }
        return new YamlValue(null, value);
    }

    private static int closing(String value, int open) {
        int depth = 0;
        for (int i = open; i < value.length(); i++) {
            if (value.charAt(i) == '{') {
                depth++;
            } else if (value.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------------------ rendering

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("""
                # Configuration reference

                <!-- Generated from the code by ConfigurationReference (src/test/java/vn/lienthong/hub/config); do not edit.
                     Regenerate: %s -->

                Every setting of the hub: its name, its environment variable, its default (in the default profile, and in
                `prod` where that profile sets another), its unit, its allowed range and whether the `prod` profile refuses
                to start without it. Sources: the `@ConfigurationProperties` types and their Javadoc (through Spring Boot's
                configuration metadata, with `META-INF/additional-spring-configuration-metadata.json` for settings read
                without one), `src/main/resources/application.yaml` and `application-prod.yaml` (variables and defaults,
                written `${HUB_...:default}`), the connectors' Kamelet definitions (`camel.kamelet.*`), and
                `config/ProductionSettingsCheck` (mandatory settings). `ConfigurationReferenceTest` fails when a setting has
                no description or no variable, or when this file is stale.

                Each setting has one variable, the setting's name in capitals with `_` between words (a few shorter names,
                such as `HUB_DB_URL` or `HUB_PORTAL_URL`, are those the deployment manifests under `docker/` use). A setting
                can also be given as a property (`--hub.edge.max-body-bytes=131072`) or in an outside file
                (`SPRING_CONFIG_ADDITIONAL_LOCATION`). A value out of its range stops the start, naming the setting, its
                variable and the rule. `prod` refuses to start without the settings marked **prod**, naming their variables
                (docs/production.md).

                Durations are written `500ms`, `10s`, `5m`, `1h` or `365d`; an empty default means unset.

                """.formatted(REGENERATE));
        out.append("## Variables shared by several defaults\n\n| variable | meaning |\n|---|---|\n");
        SHARED_VARIABLES.forEach((variable, meaning) -> out.append("| `").append(variable).append("` | ")
                .append(meaning).append(" |\n"));
        out.append('\n');

        Map<String, List<Setting>> groups = new LinkedHashMap<>();
        for (Setting s : settings) {
            groups.computeIfAbsent(group(s.name()), g -> new ArrayList<>()).add(s);
        }
        List<String> order = new ArrayList<>(groups.keySet());
        order.sort((a, b) -> Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b));
        for (String group : order) {
            out.append("## `").append(group).append("`\n\n");
            out.append("| setting | variable | default | unit | range | mandatory | description |\n");
            out.append("|---|---|---|---|---|---|---|\n");
            for (Setting s : groups.get(group)) {
                out.append("| `").append(s.name()).append("` | ")
                        .append(s.variable() == null ? "—" : "`" + s.variable() + "`").append(" | ")
                        .append(defaults(s)).append(" | ")
                        .append(nullToEmpty(s.unit())).append(" | ")
                        .append(nullToEmpty(s.range())).append(" | ")
                        .append(s.mandatoryInProd() ? "**prod**" : "").append(" | ")
                        .append(nullToEmpty(s.description())).append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String defaults(Setting s) {
        String d = code(s.defaultValue());
        if (s.prodValue() != null && !s.prodValue().equals(s.defaultValue())) {
            d = d + "; prod: " + code(s.prodValue());
        }
        return d;
    }

    private static String code(String value) {
        if (value == null) {
            return "—";
        }
        if (value.startsWith("${hub.simulators.")) {
            return "the connector's simulator";
        }
        if (value.isEmpty()) {
            return "empty";
        }
        String v = value.replace("|", "\\|");
        return v.contains("`") ? "``" + v + "``" : "`" + v + "`";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String group(String name) {
        String[] parts = name.split("\\.");
        if (name.startsWith("camel.kamelet.")) {
            return "camel.kamelet." + parts[2];
        }
        if (parts[0].equals("hub")) {
            return parts.length <= 2 ? "hub" : "hub." + parts[1];
        }
        return parts.length <= 2 ? parts[0] : parts[0] + "." + parts[1];
    }

    private static int rank(String group) {
        if (group.equals("hub")) {
            return 0;
        }
        if (group.startsWith("hub.")) {
            return 1;
        }
        if (group.startsWith("camel.kamelet.")) {
            return 2;
        }
        return 3;
    }

    static Set<String> variables(List<Setting> settings) {
        Set<String> out = new LinkedHashSet<>(SHARED_VARIABLES.keySet());
        settings.stream().map(Setting::variable).filter(v -> v != null).forEach(out::add);
        return out;
    }

    public static void main(String[] args) throws IOException {
        ConfigurationReference reference = new ConfigurationReference(Path.of("."));
        if (!reference.problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", reference.problems));
        }
        Files.writeString(DOC, reference.markdown(), StandardCharsets.UTF_8);
    }
}
