package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/lienthong-hub-*.jar lint DIR}, as connectors/README.md documents it: the packaged jar, no
 * Spring context, exit 0 on clean folders and 1 with the file and the rule on a broken one.
 */
class ConnectorLintJarIT {

    record Run(int exit, String out, String err) {
    }

    static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().matches("lienthong-hub-.*\\.jar")
                    && !f.getFileName().toString().endsWith("-plain.jar") && !f.getFileName().toString().endsWith(".original"))
                    .toList();
            assertThat(jars).as("the packaged jar (integration tests run after package)").hasSize(1);
            return jars.get(0);
        }
    }

    static Run lint(Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", jar().toString(), "lint", dir.toString()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err);
    }

    @Test
    void cleanFolders_exitZero() throws Exception {
        Run run = lint(Path.of("src/test/resources/dropin"));
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("OK src/test/resources/dropin/social-protection")
                .contains("3 connector folder(s), 0 error(s), 0 warning(s)")
                .doesNotContain("Spring"); // no context started: no banner, no start-up log
        assertThat(run.err()).isEmpty();
    }

    @Test
    void brokenFolder_exitsOne_namingFileAndRule(@TempDir Path dir) throws Exception {
        IntegratorGuideIT.copy(Path.of("src/test/resources/dropin/social-protection"), dir.resolve("social-protection"));
        Path services = dir.resolve("social-protection/connector.yaml");
        Files.writeString(services, Files.readString(services).replace("    equals: [\"02\"]", "    equals: [\"02\"]\n    notIn: [\"00\"]"));

        Run run = lint(dir);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("ERROR " + services + ": an errors rule needs exactly one of 'equals' or 'notIn'");
        assertThat(run.out()).contains("1 connector folder(s), 1 error(s), 0 warning(s)");
    }
}
