package vn.lienthong.hub.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.lienthong.hub.model.CodedValue;

/**
 * National code lists the hub translates between: gender, ethnicity, nationality and enterprise legal status.
 *
 * <p>The lists live in {@value #RESOURCE} rather than in code so that a correction to a label or a new alias is a
 * data change. Each value has a canonical code (the one the hub publishes) and may have aliases (the codes national
 * systems send). Lookups accept the canonical code, any alias, any letter case, and numeric codes with or without
 * leading zeros, so {@code "1"}, {@code "01"} and {@code "001"} are the same code.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CodeLists {

    /** Class-path location of the code lists shipped with the hub. */
    public static final String RESOURCE = "reference/code-lists.json";

    /** Key of the gender list in {@link #all()}. */
    public static final String GENDER = "gender";
    /** Key of the ethnicity list in {@link #all()}. */
    public static final String ETHNICITY = "ethnicity";
    /** Key of the nationality list in {@link #all()}. */
    public static final String NATIONALITY = "nationality";
    /** Key of the enterprise legal status list in {@link #all()}. */
    public static final String LEGAL_STATUS = "legalStatus";

    private static final List<String> LIST_NAMES = List.of(GENDER, ETHNICITY, NATIONALITY, LEGAL_STATUS);

    private final Map<String, CodeList> lists;
    private final Map<String, List<CodedValue>> published;

    private record CodeList(List<CodedValue> values, Map<String, CodedValue> index, CodedValue fallback) {
    }

    private static final class Standard {
        private static final CodeLists INSTANCE = loadStandard();

        private static CodeLists loadStandard() {
            try (InputStream in = CodeLists.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing class-path resource " + RESOURCE);
                }
                return fromStream(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    private CodeLists(Map<String, CodeList> lists) {
        this.lists = lists;
        Map<String, List<CodedValue>> view = new LinkedHashMap<>();
        lists.forEach((name, list) -> view.put(name, list.values()));
        this.published = Collections.unmodifiableMap(view);
    }

    /**
     * The code lists shipped with the hub, read once on first use.
     *
     * @return the shared instance
     * @throws IllegalStateException if the resource is missing or invalid
     */
    public static CodeLists standard() {
        return Standard.INSTANCE;
    }

    /**
     * Reads code lists in the format of {@value #RESOURCE}; the stream is read but not closed.
     *
     * @param json JSON document with the lists {@code gender}, {@code ethnicity}, {@code nationality} and
     *             {@code legalStatus}, each an object with {@code values} ({@code code}, {@code label}, optional
     *             {@code aliases}) and, optionally, {@code fallback}
     * @return the code lists
     * @throws IOException              if the stream cannot be read or is not JSON
     * @throws IllegalArgumentException if a list is missing, a value lacks a code or label, or two values claim the
     *                                  same code
     */
    public static CodeLists fromStream(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("code lists: expected a JSON object");
        }
        Map<String, CodeList> lists = new LinkedHashMap<>();
        for (String name : LIST_NAMES) {
            lists.put(name, parseList(name, root.path(name)));
        }
        return new CodeLists(lists);
    }

    private static CodeList parseList(String name, JsonNode node) {
        JsonNode values = node.path("values");
        if (!values.isArray() || values.isEmpty()) {
            throw new IllegalArgumentException("code list '" + name + "' has no values");
        }
        List<CodedValue> ordered = new ArrayList<>();
        Map<String, CodedValue> index = new HashMap<>();
        for (JsonNode v : values) {
            String code = v.path("code").asText("").strip();
            String label = v.path("label").asText("").strip();
            if (code.isEmpty() || label.isEmpty()) {
                throw new IllegalArgumentException("code list '" + name + "' has a value without code or label: " + v);
            }
            CodedValue value = new CodedValue(code, label);
            ordered.add(value);
            register(name, index, code, value);
            for (JsonNode alias : v.path("aliases")) {
                register(name, index, alias.asText(), value);
            }
        }
        CodedValue fallback = null;
        if (node.hasNonNull("fallback")) {
            fallback = index.get(key(node.get("fallback").asText()));
            if (fallback == null) {
                throw new IllegalArgumentException("code list '" + name + "' has an unknown fallback");
            }
        }
        return new CodeList(List.copyOf(ordered), Map.copyOf(index), fallback);
    }

    private static void register(String list, Map<String, CodedValue> index, String code, CodedValue value) {
        String k = key(code);
        if (k == null) {
            throw new IllegalArgumentException("code list '" + list + "' has a blank alias for " + value.code());
        }
        CodedValue previous = index.putIfAbsent(k, value);
        if (previous != null && !previous.equals(value)) {
            throw new IllegalArgumentException("code list '" + list + "': code '" + code + "' is claimed by "
                    + previous.code() + " and " + value.code());
        }
    }

    /**
     * Lookup key: national systems differ in letter case and in zero padding of numeric codes.
     */
    private static String key(String code) {
        if (code == null) {
            return null;
        }
        String s = code.strip().toUpperCase(Locale.ROOT);
        if (s.isEmpty()) {
            return null;
        }
        if (s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int start = 0;
            while (start < s.length() - 1 && s.charAt(start) == '0') {
                start++;
            }
            return s.substring(start);
        }
        return s;
    }

    private CodedValue lookup(String list, String code) {
        CodeList codeList = lists.get(list);
        String k = key(code);
        CodedValue found = k == null ? null : codeList.index().get(k);
        if (found != null) {
            return found;
        }
        if (codeList.fallback() != null) {
            return codeList.fallback();
        }
        return k == null ? null : new CodedValue(code.strip().toUpperCase(Locale.ROOT), null);
    }

    /**
     * Gender from the national {@code GioiTinh} code.
     *
     * @param nationalCode {@code "1"} male, {@code "2"} female, {@code "0"} not recorded; canonical codes are
     *                     accepted too
     * @return {@code MALE}/Nam, {@code FEMALE}/Nữ, or {@code UNKNOWN}/Chưa có thông tin for {@code "0"}, any other
     *         code and a missing code, because the national register uses "no information" for everything else
     */
    public CodedValue gender(String nationalCode) {
        return lookup(GENDER, nationalCode);
    }

    /**
     * Ethnic group from its two-digit code in the statistics office list (Decision 121-TCTK/PPCĐ), 01 Kinh to
     * 54 Rơ-măm, plus 55 for foreigners.
     *
     * @param code ethnic group code, with or without zero padding
     * @return the group with its two-digit code; the trimmed code with a {@code null} label if it is not in the list;
     *         {@code null} if no code was given
     */
    public CodedValue ethnicity(String code) {
        return lookup(ETHNICITY, code);
    }

    /**
     * Nationality from its ISO 3166-1 alpha-2 code (alpha-3 accepted for the listed countries).
     *
     * @param code country code in any letter case
     * @return the country with its alpha-2 code; the upper-cased code with a {@code null} label if the hub has no
     *         Vietnamese name for it; {@code null} if no code was given
     */
    public CodedValue nationality(String code) {
        return lookup(NATIONALITY, code);
    }

    /**
     * Enterprise legal status from the business registration database.
     *
     * @param nationalCode {@code MaTinhTrangPhapLy} 1 to 6, or the registry's textual code such as
     *                     {@code DANG_HOAT_DONG}; canonical codes are accepted too
     * @return the status with its canonical code ({@code ACTIVE}, {@code SUSPENDED}, {@code DISSOLVING},
     *         {@code DISSOLVED}, {@code REGISTRATION_REVOKED}, {@code NOT_AT_REGISTERED_ADDRESS}); the upper-cased
     *         code with a {@code null} label if unknown; {@code null} if no code was given
     */
    public CodedValue legalStatus(String nationalCode) {
        return lookup(LEGAL_STATUS, nationalCode);
    }

    /**
     * All lists, for publishing to consumers, in the order gender, ethnicity, nationality, legal status.
     *
     * @return unmodifiable map from list key ({@link #GENDER} and so on) to its values in list order
     */
    public Map<String, List<CodedValue>> all() {
        return published;
    }
}
