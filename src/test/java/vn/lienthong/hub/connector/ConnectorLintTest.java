package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ConnectorLint}, the rules the jar's {@code lint} command and the start-up check apply: every built-in and
 * example folder is clean, and each broken rule is named with its file.
 */
class ConnectorLintTest {

    static List<Path> folders() throws IOException {
        return ConnectorCatalogueLintTest.connectorFolders().toList();
    }

    @ParameterizedTest
    @MethodSource("folders")
    void everyShippedFolderHasNoError(Path folder) {
        assertThat(ConnectorLint.errors(folder)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("folders")
    void everySectorSimulatorHasACatchAll_soNoWarningEither(Path folder) {
        if (!folder.getFileName().toString().startsWith("national-")) { // the stateful portal and payment simulators
            assertThat(ConnectorLint.check(folder)).isEmpty();
        }
    }

    @Test
    void aSimulatorWithoutCatchAll_isWarnedAbout_butPasses(@TempDir Path dir) throws IOException {
        IntegratorGuideIT.copy(Path.of("src/test/resources/dropin/land-tax"), dir.resolve("land-tax"));
        Files.delete(dir.resolve("land-tax/simulator/mappings/catch-all.json"));
        List<ConnectorLint.Problem> problems = ConnectorLint.check(dir.resolve("land-tax"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.warning()).isTrue();
            assertThat(p.message()).contains("no catch-all stub");
        });
    }

    @Test
    void undeclaredPlaceholder(@TempDir Path dir) throws IOException {
        Path kamelet = broken(dir, "land-tax-notice-action.kamelet.yaml",
                s -> s.replace("constant: \"{{requesterCode}}\"", "constant: \"{{requesterCod}}\""));
        assertThat(messages(dir)).containsExactly(kamelet + ": the template uses {{requesterCod}}, which "
                + "spec.definition.properties does not declare");
    }

    @Test
    void missingTransform_andSecretNotMarked(@TempDir Path dir) throws IOException {
        Path kamelet = broken(dir, "land-tax-notice-action.kamelet.yaml", s -> s.replace("notices.xsl", "notice.xsl")
                .replace("        format: password\n", ""));
        assertThat(messages(dir)).containsExactlyInAnyOrder(
                kamelet + ": property 'accessKey' looks like a secret: declare it format: password",
                kamelet + ": the template names transforms/notice.xsl, which does not exist");
    }

    @Test
    void callWithoutTheDeadline(@TempDir Path dir) throws IOException {
        Path kamelet = broken(dir, "land-tax-notice-action.kamelet.yaml",
                s -> s.replace("              responseTimeout: \"{{timeoutMillis}}\"\n", ""));
        assertThat(messages(dir)).containsExactly(kamelet
                + ": the call of {{baseUrl}}{{path}} lacks parameters.responseTimeout: \"{{timeoutMillis}}\"");
    }

    @Test
    void connectorYamlRules(@TempDir Path dir) throws IOException {
        Path services = broken(dir, "connector.yaml", s -> s.replace("kamelet: land-tax-notice-action", "kamelet: land-tax-action")
                .replace("kind: personal-id", "kind: citizen")
                .replace("code: NOT_FOUND", "code: INVALID_FIELD"));
        assertThat(messages(dir)).containsExactlyInAnyOrder(
                services + ": service 'land-tax-notice': kamelet 'land-tax-action' is not a descriptor of this folder "
                        + "[land-tax-notice-action]",
                services + ": service 'land-tax-notice': subject kind 'citizen' is not one of [personal-id, enterprise-code]"
                        .replace("[personal-id, enterprise-code]", kinds()),
                services + ": errors rule code INVALID_FIELD is not one of " + NationalError.ALLOWED);
    }

    @Test
    void errorsWithoutTheKameletThatAppliesThem(@TempDir Path dir) throws IOException {
        Path services = broken(dir, "land-tax-notice-action.kamelet.yaml",
                s -> s.replace("ref: nationalAnswers", "ref: otherBean")).resolveSibling("connector.yaml");
        assertThat(messages(dir)).containsExactly(services
                + ": declares errors: but no Kamelet of the folder applies them (bean nationalAnswers, method check)");
    }

    @Test
    void unreadableYaml_andMissingBodyFile(@TempDir Path dir) throws IOException {
        broken(dir, "connector.yaml", s -> s + "\n  - : [\n");
        Path stub = dir.resolve("land-tax/simulator/mappings/found-001090012345.json");
        Files.writeString(stub, Files.readString(stub).replace("thongbao-001090012345.xml", "thongbao-x.xml"));
        List<String> messages = messages(dir);
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith(dir.resolve("land-tax/connector.yaml") + ": cannot be read:"));
        assertThat(messages).contains(stub + ": names body file __files/thongbao-x.xml, which does not exist");
    }

    @Test
    void commandLine_exitsZeroWhenClean_oneOnAnError_twoWithoutDirectory(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(List.of("src/test/resources/dropin"), out, err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK src/test/resources/dropin/land-tax")
                .contains("OK src/test/resources/dropin/driving-licence")
                .contains("3 connector folder(s), 0 error(s), 0 warning(s)");

        broken(dir, "land-tax-notice-action.kamelet.yaml", s -> s.replace("{{requesterCode}}", "{{requesterCod}}"));
        out.reset();
        err.reset();
        assertThat(run(List.of(dir.resolve("land-tax").toString()), out, err)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ERROR " + dir.resolve("land-tax/land-tax-notice-action.kamelet.yaml")
                + ": the template uses {{requesterCod}}");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 connector folder(s), 1 error(s), 0 warning(s)");

        assertThat(run(List.of(), out, err)).isEqualTo(2);
        assertThat(run(List.of(dir.resolve("nothing").toString()), out, err)).isEqualTo(1);
    }

    private static String kinds() {
        return java.util.Set.of("personal-id", "enterprise-code").toString();
    }

    private static int run(List<String> dirs, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return ConnectorLint.run(dirs, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** A copy of the land-tax example with one file changed; the changed file. */
    private static Path broken(Path dir, String file, UnaryOperator<String> change) throws IOException {
        if (!Files.exists(dir.resolve("land-tax"))) {
            IntegratorGuideIT.copy(Path.of("src/test/resources/dropin/land-tax"), dir.resolve("land-tax"));
        }
        Path target = dir.resolve("land-tax").resolve(file);
        String before = Files.readString(target);
        String after = change.apply(before);
        assertThat(after).as("the change applies").isNotEqualTo(before);
        Files.writeString(target, after);
        return target;
    }

    private static List<String> messages(Path dir) {
        return ConnectorLint.errors(dir.resolve("land-tax")).stream().map(p -> p.file() + ": " + p.message()).toList();
    }
}
