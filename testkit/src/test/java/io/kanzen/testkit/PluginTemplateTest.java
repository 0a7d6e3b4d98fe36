package io.kanzen.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * plugin-template/ is built outside the reactor, so nothing else would notice it rot: this compiles its sources and
 * tests against this build's API and test kit, and runs its tests, which must all pass.
 */
class PluginTemplateTest {
    private static final Path TEMPLATE = Path.of("..", "plugin-template");

    @TempDir
    Path classes;

    private static List<String> javaFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
    }

    @Test
    void theTemplateCompilesAgainstThisApiAndPassesItsContracts() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "--release", "17"));
        args.addAll(javaFiles(TEMPLATE.resolve("src/main/java")));
        args.addAll(javaFiles(TEMPLATE.resolve("src/test/java")));
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac exit code").isZero();

        URL[] path = {classes.toUri().toURL(), TEMPLATE.resolve("src/main/resources").toUri().toURL()};
        try (URLClassLoader loader = new URLClassLoader("plugin-template", path, getClass().getClassLoader())) {
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(loader.loadClass("com.example.kanzen.LinesPluginContractTest")),
                            selectClass(loader.loadClass("com.example.kanzen.LinesContractTest")),
                            selectClass(loader.loadClass("com.example.kanzen.LinesSourceTest")))
                    .build(), listener);
            TestExecutionSummary summary = listener.getSummary();
            assertThat(summary.getFailures()).as("the template's failing tests")
                    .extracting(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException()).isEmpty();
            assertThat(summary.getTestsSucceededCount()).isGreaterThanOrEqualTo(16);
        }
    }
}
