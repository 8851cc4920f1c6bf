package vn.lienthong.hub.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lienthong.hub.model.CurrentUnit;
import vn.lienthong.hub.model.TranslationStatus;
import vn.lienthong.hub.model.UnitTranslation;

/**
 * Translates pre-2025-07-01 three-level addresses (province, district, commune) into the two-level map in force since
 * 2025-07-01, using the official conversion table of the statistics office.
 *
 * <h2>Table format</h2>
 * The table is CSV in UTF-8 (with or without byte order mark). The first two lines are headers. Each later line is
 * either a province heading (only the first column filled, ignored) or a data row with the columns: new province
 * {@code "Name (code)"}, new commune name, new commune code, old commune name, old commune code, note, old district
 * {@code "Name (code)"}, old province {@code "Name (code)"}; a trailing empty column is tolerated. Names are cleaned on
 * load (Unicode NFC, runs of whitespace and line breaks collapsed, trimmed) because the published table mixes
 * decomposed diacritics, stray spaces and line breaks inside quoted names. Rows without an old commune code (such as
 * island districts that had no communes and became special zones) still register their new commune.
 *
 * <h2>Matching</h2>
 * The table is a relation, not a function: an old commune that was split appears in several rows with different new
 * communes. The answer is therefore {@link TranslationStatus#AMBIGUOUS} with every candidate, sorted by commune code;
 * this class never chooses one.
 *
 * <p>Matching uses the old commune code only. Commune codes are unique nationally and are never reused, so a commune
 * code found in the table can only mean that commune; when a caller's province or district code contradicts the
 * table, the answer is still given by the commune code, since refusing would withhold a translation the table
 * supports. Callers that want to flag such records for review can ask
 * {@link #isHierarchyConsistent(String, String, String)}.
 *
 * <p>Where the published table itself lists two different old communes under one code (it does so for a handful of
 * codes), the code cannot tell them apart and the answer is {@link TranslationStatus#AMBIGUOUS} with the communes of
 * both.
 *
 * <p>Codes are accepted with or without zero padding ({@code "4"}, {@code "00004"}); anything that is not a number of
 * at most the expected width is treated as absent. All lookups are hash-map lookups prepared at load time; instances
 * are immutable and thread-safe.
 */
public final class AdministrativeUnitTranslator {

    /** Classpath location of the small sample table the hub uses when no official table is configured. */
    public static final String BUNDLED_SAMPLE = "reference/admin-units-sample.csv";

    private static final int HEADER_LINES = 2;
    private static final int COL_NEW_PROVINCE = 0;
    private static final int COL_NEW_COMMUNE_NAME = 1;
    private static final int COL_NEW_COMMUNE_CODE = 2;
    private static final int COL_OLD_COMMUNE_CODE = 4;
    private static final int COL_OLD_DISTRICT = 6;
    private static final int COL_OLD_PROVINCE = 7;

    private static final int PROVINCE_CODE_WIDTH = 2;
    private static final int DISTRICT_CODE_WIDTH = 3;
    private static final int COMMUNE_CODE_WIDTH = 5;

    private static final Pattern NAME_WITH_CODE = Pattern.compile("^(.*?)\\s*\\(\\s*(\\d+)\\s*\\)$");

    private final Map<String, UnitTranslation> byOldCommune;
    private final Map<String, Set<OldParents>> oldParents;
    private final Map<String, CurrentUnit> currentByCode;
    private final List<CurrentUnit> currentSorted;
    private final int splitCommuneCount;

    /** Province and district an old commune belonged to, as recorded in the table. */
    private record OldParents(String provinceCode, String districtCode) {
    }

    private AdministrativeUnitTranslator(Map<String, UnitTranslation> byOldCommune,
                                         Map<String, Set<OldParents>> oldParents,
                                         Map<String, CurrentUnit> currentByCode) {
        this.byOldCommune = byOldCommune;
        this.oldParents = oldParents;
        this.currentByCode = currentByCode;
        this.currentSorted = currentByCode.values().stream()
                .sorted(Comparator.comparing(CurrentUnit::communeCode))
                .toList();
        this.splitCommuneCount = (int) byOldCommune.values().stream()
                .filter(t -> t.status() == TranslationStatus.AMBIGUOUS)
                .count();
    }

    /**
     * Loads a conversion table from a file.
     *
     * @param table path of a CSV file in the official format
     * @return a translator over that table
     * @throws IOException              if the file cannot be read or is not UTF-8
     * @throws IllegalArgumentException if a data row lacks a usable new commune code, name or province
     */
    public static AdministrativeUnitTranslator fromFile(Path table) throws IOException {
        try (InputStream in = Files.newInputStream(table)) {
            return fromStream(in);
        }
    }

    /**
     * Loads a conversion table from a stream, which is read to the end but not closed.
     *
     * @param table CSV content in the official format
     * @return a translator over that table
     * @throws IOException              if the stream cannot be read or is not UTF-8
     * @throws IllegalArgumentException if a data row lacks a usable new commune code, name or province
     */
    public static AdministrativeUnitTranslator fromStream(InputStream table) throws IOException {
        return build(CsvRecords.read(table));
    }

    /**
     * Loads the small sample table shipped with the hub ({@value #BUNDLED_SAMPLE}). It covers a few communes of
     * Hà Nội, Thanh Hóa and Thành phố Hồ Chí Minh and is meant for demonstrations and tests, not production.
     *
     * @return a translator over the sample table
     * @throws IllegalStateException if the resource is missing from the class path
     */
    public static AdministrativeUnitTranslator bundledSample() {
        ClassLoader loader = AdministrativeUnitTranslator.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(BUNDLED_SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + BUNDLED_SAMPLE);
            }
            return fromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED_SAMPLE, e);
        }
    }

    private static AdministrativeUnitTranslator build(List<CsvRecords.CsvRecord> records) {
        TableReader reader = new TableReader();
        Map<String, CurrentUnit> current = new HashMap<>();
        Map<String, TreeMap<String, CurrentUnit>> candidates = new HashMap<>();
        Map<String, Set<OldParents>> parents = new HashMap<>();
        for (int r = HEADER_LINES; r < records.size(); r++) {
            CsvRecords.CsvRecord record = records.get(r);
            if (isHeadingOrBlank(record)) {
                continue;
            }
            CurrentUnit unit = reader.currentUnitOf(record);
            // The first spelling wins: the table writes a few communes two ways (e.g. "Thụy"/"Thuỵ").
            CurrentUnit known = current.putIfAbsent(unit.communeCode(), unit);
            if (known != null) {
                unit = known;
            }
            String oldCode = normalizeCode(record.field(COL_OLD_COMMUNE_CODE), COMMUNE_CODE_WIDTH);
            if (oldCode == null) {
                continue;
            }
            candidates.computeIfAbsent(oldCode, k -> new TreeMap<>()).put(unit.communeCode(), unit);
            parents.computeIfAbsent(oldCode, k -> new HashSet<>(2)).add(new OldParents(
                    reader.codeOf(record.field(COL_OLD_PROVINCE), PROVINCE_CODE_WIDTH),
                    reader.codeOf(record.field(COL_OLD_DISTRICT), DISTRICT_CODE_WIDTH)));
        }
        Map<String, UnitTranslation> translations = new HashMap<>(candidates.size() * 2);
        candidates.forEach((oldCode, units) -> translations.put(oldCode, new UnitTranslation(
                units.size() == 1 ? TranslationStatus.EXACT : TranslationStatus.AMBIGUOUS,
                new ArrayList<>(units.values()))));
        Map<String, Set<OldParents>> frozenParents = new HashMap<>(parents.size() * 2);
        parents.forEach((code, set) -> frozenParents.put(code, Set.copyOf(set)));
        return new AdministrativeUnitTranslator(Map.copyOf(translations), Map.copyOf(frozenParents),
                Map.copyOf(current));
    }

    private static boolean isHeadingOrBlank(CsvRecords.CsvRecord record) {
        List<String> fields = record.fields();
        for (int i = 1; i < fields.size(); i++) {
            if (!fields.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Cleans and parses cells during one load. Province and district cells repeat on thousands of rows, so their
     * cleaned and parsed forms are remembered instead of being recomputed.
     */
    private static final class TableReader {

        /** A "Name (code)" cell split into its parts; both {@code null} when the cell has no code. */
        private record NameAndCode(String name, String code) {
        }

        private final Map<String, String> cleanNames = new HashMap<>();
        private final Map<String, NameAndCode> nameAndCodes = new HashMap<>();

        String clean(String raw) {
            return cleanNames.computeIfAbsent(raw, AdministrativeUnitTranslator::cleanName);
        }

        NameAndCode nameAndCode(String raw) {
            return nameAndCodes.computeIfAbsent(raw, k -> {
                Matcher m = NAME_WITH_CODE.matcher(clean(k));
                return m.matches() ? new NameAndCode(m.group(1), m.group(2)) : new NameAndCode(null, null);
            });
        }

        String codeOf(String raw, int width) {
            String code = nameAndCode(raw).code();
            return code == null ? null : normalizeCode(code, width);
        }

        CurrentUnit currentUnitOf(CsvRecords.CsvRecord record) {
            String communeCode = normalizeCode(record.field(COL_NEW_COMMUNE_CODE), COMMUNE_CODE_WIDTH);
            if (communeCode == null) {
                throw malformed(record, "new commune code '" + record.field(COL_NEW_COMMUNE_CODE)
                        + "' is not a code");
            }
            String communeName = clean(record.field(COL_NEW_COMMUNE_NAME));
            if (communeName.isEmpty()) {
                throw malformed(record, "new commune " + communeCode + " has no name");
            }
            NameAndCode province = nameAndCode(record.field(COL_NEW_PROVINCE));
            String provinceCode = province.code() == null ? null : normalizeCode(province.code(), PROVINCE_CODE_WIDTH);
            if (provinceCode == null || province.name().isEmpty()) {
                throw malformed(record, "new province '" + record.field(COL_NEW_PROVINCE)
                        + "' is not 'Name (code)'");
            }
            return new CurrentUnit(provinceCode, province.name(), communeCode, communeName);
        }
    }

    private static IllegalArgumentException malformed(CsvRecords.CsvRecord record, String problem) {
        return new IllegalArgumentException("conversion table, record on line " + record.line() + ": " + problem);
    }

    /**
     * Unicode NFC with whitespace runs (including line breaks and no-break spaces) collapsed to one space, trimmed.
     */
    static String cleanName(String raw) {
        String s = isPlainVietnamese(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
        if (isTidy(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isTidy(String s) {
        int last = s.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = s.charAt(i);
            if (isSpace(c) && (c != ' ' || i == 0 || i == last || isSpace(s.charAt(i + 1)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * Whether the text consists only of characters that NFC leaves unchanged, so that the costly normalization can be
     * skipped: Latin letters including the precomposed Vietnamese ones, and no combining marks.
     */
    private static boolean isPlainVietnamese(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0300' && (c < '\u1E00' || c > '\u1EFF')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Brings a numeric code to its canonical zero-padded form.
     *
     * @return the padded code, or {@code null} when the input is blank, not a number, or wider than {@code width}
     */
    static String normalizeCode(String raw, int width) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        int start = 0;
        while (start < s.length() - 1 && s.charAt(start) == '0') {
            start++;
        }
        String digits = s.substring(start);
        if (digits.length() > width) {
            return null;
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    /**
     * Translates an old three-level address into current communes.
     *
     * <p>Only the old commune code decides the answer; the province and district codes are accepted because legacy
     * records carry them, but a contradiction with the table does not change the result (see the class comment and
     * {@link #isHierarchyConsistent(String, String, String)}).
     *
     * @param oldProvinceCode old two-digit province code, padded or not; may be {@code null}
     * @param oldDistrictCode old three-digit district code, padded or not; may be {@code null}
     * @param oldCommuneCode  old five-digit commune code, padded or not; may be {@code null}
     * @return the translation, {@link TranslationStatus#UNKNOWN} when the commune code is missing, malformed or not in
     *         the table
     */
    public UnitTranslation translate(String oldProvinceCode, String oldDistrictCode, String oldCommuneCode) {
        CurrentUnit current = currentForm(oldProvinceCode, oldDistrictCode, oldCommuneCode);
        if (current != null) {
            return new UnitTranslation(TranslationStatus.EXACT, List.of(current));
        }
        return translate(oldCommuneCode);
    }

    /**
     * The 34 province codes in force since 2025-07-01 (Decision 19/2025/QĐ-TTg).
     */
    public static final Set<String> CURRENT_PROVINCE_CODES = Set.of("01", "04", "08", "11", "12", "14", "15", "19", "20",
            "22", "24", "25", "31", "33", "37", "38", "40", "42", "44", "46", "48", "51", "52", "56", "66", "68", "75",
            "79", "80", "82", "86", "91", "92", "96");

    /**
     * An address already in the two-level form is current, not old: no district, one of the 34 current province codes,
     * and a commune code of the current map in that province. It must not be read as an old code, since 138 current
     * commune codes equal the code of some split old commune ({@code 79}/{@code 26737} Phường Tân Định, {@code 01}/{@code 00025}
     * Giảng Võ, {@code 38}/{@code 14758} Hàm Rồng).
     *
     * @return the current unit, or {@code null} when the address is not in the two-level form
     */
    public CurrentUnit currentForm(String provinceCode, String districtCode, String communeCode) {
        if (districtCode != null && !districtCode.isBlank()) {
            return null;
        }
        String province = normalizeCode(provinceCode, PROVINCE_CODE_WIDTH);
        String commune = normalizeCode(communeCode, COMMUNE_CODE_WIDTH);
        if (province == null || commune == null || !CURRENT_PROVINCE_CODES.contains(province)) {
            return null;
        }
        CurrentUnit unit = currentByCode.get(commune);
        return unit != null && unit.provinceCode().equals(province) ? unit : null;
    }

    /**
     * Translates an old commune code into current communes.
     *
     * @param oldCommuneCode old five-digit commune code, padded or not; may be {@code null}
     * @return the translation, {@link TranslationStatus#UNKNOWN} when the code is missing, malformed or not in the
     *         table
     */
    public UnitTranslation translate(String oldCommuneCode) {
        String code = normalizeCode(oldCommuneCode, COMMUNE_CODE_WIDTH);
        if (code == null) {
            return UnitTranslation.unknown();
        }
        return byOldCommune.getOrDefault(code, UnitTranslation.unknown());
    }

    /**
     * Whether the province and district codes of an old address agree with the table for its commune. Blank codes
     * are not checked, and an unknown commune is reported as consistent because there is nothing to contradict.
     *
     * @param oldProvinceCode old province code, padded or not; may be {@code null}
     * @param oldDistrictCode old district code, padded or not; may be {@code null}
     * @param oldCommuneCode  old commune code, padded or not; may be {@code null}
     * @return {@code false} only when the commune is in the table and a given province or district code differs
     */
    public boolean isHierarchyConsistent(String oldProvinceCode, String oldDistrictCode, String oldCommuneCode) {
        String commune = normalizeCode(oldCommuneCode, COMMUNE_CODE_WIDTH);
        Set<OldParents> recorded = commune == null ? null : oldParents.get(commune);
        if (recorded == null) {
            return true;
        }
        boolean provinceGiven = oldProvinceCode != null && !oldProvinceCode.isBlank();
        boolean districtGiven = oldDistrictCode != null && !oldDistrictCode.isBlank();
        String province = normalizeCode(oldProvinceCode, PROVINCE_CODE_WIDTH);
        String district = normalizeCode(oldDistrictCode, DISTRICT_CODE_WIDTH);
        for (OldParents p : recorded) {
            boolean provinceOk = !provinceGiven || (province != null && province.equals(p.provinceCode()));
            boolean districtOk = !districtGiven || (district != null && district.equals(p.districtCode()));
            if (provinceOk && districtOk) {
                return true;
            }
        }
        return false;
    }

    /**
     * Looks up a current commune by its code.
     *
     * @param newCommuneCode five-digit code of a commune in force since 2025-07-01, padded or not
     * @return the commune with its province, or empty when the code is missing, malformed or not in the table
     */
    public Optional<CurrentUnit> currentCommune(String newCommuneCode) {
        String code = normalizeCode(newCommuneCode, COMMUNE_CODE_WIDTH);
        return code == null ? Optional.empty() : Optional.ofNullable(currentByCode.get(code));
    }

    /**
     * Every current commune named in the table, sorted by commune code.
     *
     * @return an unmodifiable list
     */
    public List<CurrentUnit> currentCommunes() {
        return currentSorted;
    }

    /**
     * The codes of all old communes in the table.
     *
     * @return an unmodifiable set of five-digit codes
     */
    /** Classpath location of the project's correction list of the official table. */
    public static final String CORRECTIONS = "reference/admin-units-corrections.csv";

    /**
     * The translator with the project's corrections of the official table ({@value #CORRECTIONS}): a commune published
     * under a code that is not its code in the 2025-01 list is also found under its real code. A correction whose table
     * code the table does not hold is skipped (the table is an extract); one whose real code the table already uses is
     * refused: it would not be a correction of this table.
     *
     * @param corrections lines {@code code_2025_01,code_in_table,name,old_district}; {@code #} lines are comments
     */
    public AdministrativeUnitTranslator withCorrections(List<String> corrections) {
        Map<String, UnitTranslation> translations = new HashMap<>(byOldCommune);
        Map<String, Set<OldParents>> parents = new HashMap<>(oldParents);
        for (String line : corrections) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("code_2025_01")) {
                continue;
            }
            String[] parts = l.split(",", 4);
            String real = normalizeCode(parts[0], COMMUNE_CODE_WIDTH);
            String inTable = parts.length > 1 ? normalizeCode(parts[1], COMMUNE_CODE_WIDTH) : null;
            if (real == null || inTable == null) {
                throw new IllegalArgumentException("admin-unit correction '" + l + "': not two commune codes");
            }
            if (!byOldCommune.containsKey(inTable)) {
                // a table without that commune (a regional extract, the bundled sample): nothing to correct
                continue;
            }
            if (byOldCommune.containsKey(real)) {
                throw new IllegalArgumentException("admin-unit correction '" + l + "': the table already has old commune " + real);
            }
            translations.put(real, byOldCommune.get(inTable));
            if (oldParents.containsKey(inTable)) {
                parents.put(real, oldParents.get(inTable));
            }
        }
        return new AdministrativeUnitTranslator(translations, parents, currentByCode);
    }

    /** The project's correction list shipped with the hub. */
    public static List<String> bundledCorrections() {
        try (InputStream in = AdministrativeUnitTranslator.class.getClassLoader().getResourceAsStream(CORRECTIONS)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + CORRECTIONS);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<String> oldCommuneCodes() {
        return byOldCommune.keySet();
    }

    /**
     * Number of distinct old commune codes in the table.
     *
     * @return the count, 10,033 for the official table of 2025-07
     */
    public int oldCommuneCount() {
        return byOldCommune.size();
    }

    /**
     * Number of old communes whose code maps to more than one current commune.
     *
     * @return the count, 441 for the official table of 2025-07
     */
    public int splitCommuneCount() {
        return splitCommuneCount;
    }
}
