package vn.lienthong.hub.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reference data every connector shares: the national code lists and the administrative-unit conversion table. */
@Configuration
public class ReferenceDataConfig {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataConfig.class);

    @Bean
    public CodeLists codeLists() {
        return CodeLists.standard();
    }

    /**
     * The conversion table in the official format, from {@code hub.reference.admin-units-file}
     * ({@code HUB_ADMIN_UNITS_FILE}); without it, the small sample bundled with the hub (demo subjects only).
     */
    @Bean
    public AdministrativeUnitTranslator administrativeUnitTranslator(
            @Value("${hub.reference.admin-units-file:}") String file) throws IOException {
        AdministrativeUnitTranslator translator;
        if (file == null || file.isBlank()) {
            translator = AdministrativeUnitTranslator.bundledSample();
            log.warn("No administrative-unit table configured (HUB_ADMIN_UNITS_FILE): using the bundled sample of {} old communes",
                    translator.oldCommuneCount());
        } else {
            Path path = Path.of(file);
            if (!Files.isReadable(path)) {
                throw new IllegalStateException("HUB_ADMIN_UNITS_FILE " + path.toAbsolutePath() + " cannot be read");
            }
            translator = AdministrativeUnitTranslator.fromFile(path)
                    .withCorrections(AdministrativeUnitTranslator.bundledCorrections());
            log.info("Administrative-unit table {} with the project's corrections ({}): {} old communes, {} of them split",
                    path, AdministrativeUnitTranslator.CORRECTIONS, translator.oldCommuneCount(),
                    translator.splitCommuneCount());
        }
        return translator;
    }

    /**
     * The working-day calendar of the national service index, from {@code hub.index.holiday-calendar}
     * ({@code HUB_INDEX_HOLIDAY_CALENDAR}, a JSON file in the format of {@value WorkingCalendar#BUNDLED}); without it,
     * the calendar shipped with the hub (2025–2027).
     */
    @Bean
    public WorkingCalendar workingCalendar(@Value("${hub.index.holiday-calendar:}") String file) throws IOException {
        if (file == null || file.isBlank()) {
            return WorkingCalendar.bundled();
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("HUB_INDEX_HOLIDAY_CALENDAR " + path.toAbsolutePath() + " cannot be read");
        }
        try (var in = Files.newInputStream(path)) {
            WorkingCalendar calendar = WorkingCalendar.read(in);
            log.info("Holiday calendar {}: {} holidays", path, calendar.holidayCount());
            return calendar;
        }
    }
}
