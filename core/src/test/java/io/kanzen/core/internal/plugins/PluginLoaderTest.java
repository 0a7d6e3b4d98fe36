package io.kanzen.core.internal.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.Plugin;
import io.kanzen.api.SpiVersion;
import io.kanzen.core.LoadedPlugin;
import io.kanzen.core.PluginOrigin;
import io.kanzen.core.PluginProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoaderTest {
    @TempDir
    Path dir;

    private final ClassLoader host = PluginLoaderTest.class.getClassLoader();

    @Test
    void an_explicit_plugin_is_used_as_given() {
        Plugin explicit = new ClasspathTestPlugin() {
            @Override
            public String name() {
                return "embedded";
            }
        };

        try (PluginSet set = new PluginLoader(host).load(List.of(explicit), false, null)) {
            assertThat(set.plugins()).extracting(LoadedPlugin::name, LoadedPlugin::origin)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("embedded", PluginOrigin.EXPLICIT));
            assertThat(set.plugins().get(0).plugin()).isSameAs(explicit);
        }
    }

    @Test
    void plugins_listed_on_the_class_path_are_found_by_service_loader() {
        try (PluginSet set = new PluginLoader(host).load(List.of(), true, null)) {
            assertThat(set.plugins()).extracting(LoadedPlugin::name).contains("classpath-test");
            assertThat(set.plugins()).filteredOn(p -> p.name().equals("classpath-test"))
                    .extracting(LoadedPlugin::origin).containsExactly(PluginOrigin.CLASSPATH);
        }
    }

    @Test
    void a_dropped_in_jar_loads_in_its_own_class_loader_that_shares_only_the_api() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJar.build(plugins, "dropin.jar", "com.example.DropIn\n",
                "com.example.DropIn", PluginJar.pluginSource("com.example", "DropIn", "drop-in", SpiVersion.CURRENT));

        try (PluginSet set = new PluginLoader(host).load(List.of(), false, plugins)) {
            assertThat(set.problems()).isEmpty();
            LoadedPlugin loaded = set.plugins().get(0);
            assertThat(loaded.name()).isEqualTo("drop-in");
            assertThat(loaded.origin()).isEqualTo(PluginOrigin.DROP_IN);
            assertThat(loaded.location()).endsWith("dropin.jar");
            assertThat(set.sourceFactory("drop-in")).isPresent();

            ClassLoader pluginLoader = loaded.plugin().getClass().getClassLoader();
            assertThat(pluginLoader).isNotSameAs(host);
            assertThat(pluginLoader.loadClass("io.kanzen.api.Plugin")).isSameAs(Plugin.class);
            Object canSee = loaded.plugin().getClass().getMethod("canSee", String.class);
            assertThat(((java.lang.reflect.Method) canSee).invoke(loaded.plugin(), "io.kanzen.core.Kanzen")).isEqualTo("no");
            assertThat(((java.lang.reflect.Method) canSee).invoke(loaded.plugin(), "com.fasterxml.jackson.databind.ObjectMapper")).isEqualTo("no");
        }
    }

    @Test
    void a_folder_of_jars_is_one_plugin() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("plugins").resolve("two-jars"));
        PluginJar.build(folder, "a.jar", "com.example.two.Two\n",
                "com.example.two.Two", PluginJar.pluginSource("com.example.two", "Two", "two-jars", SpiVersion.CURRENT));

        try (PluginSet set = new PluginLoader(host).load(List.of(), false, dir.resolve("plugins"))) {
            assertThat(set.plugins()).extracting(LoadedPlugin::name).containsExactly("two-jars");
        }
    }

    @Test
    void broken_and_incompatible_plugins_are_reported_and_skipped_while_the_others_load() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJar.build(plugins, "a-old.jar", "com.example.Old\n",
                "com.example.Old", PluginJar.pluginSource("com.example", "Old", "old-one", "0"));
        PluginJar.build(plugins, "b-missing-class.jar", "com.example.NotThere\n",
                "com.example.Other", PluginJar.pluginSource("com.example", "Other", "other", SpiVersion.CURRENT));
        PluginJar.build(plugins, "c-no-services.jar", null,
                "com.example.Lost", PluginJar.pluginSource("com.example", "Lost", "lost", SpiVersion.CURRENT));
        Files.writeString(plugins.resolve("d-not-a-jar.jar"), "this is not a zip file");
        PluginJar.build(plugins, "e-good.jar", "com.example.Good\n",
                "com.example.Good", PluginJar.pluginSource("com.example", "Good", "good", SpiVersion.CURRENT));
        PluginJar.build(plugins, "f-bad-name.jar", "com.example.BadName\n",
                "com.example.BadName", PluginJar.pluginSource("com.example", "BadName", "Bad Name", SpiVersion.CURRENT));

        try (PluginSet set = new PluginLoader(host).load(List.of(), false, plugins)) {
            assertThat(set.plugins()).extracting(LoadedPlugin::name).containsExactly("good");
            assertThat(set.problems()).extracting(PluginProblem::location).anySatisfy(l -> assertThat(l).endsWith("a-old.jar"));
            assertThat(set.problems()).extracting(PluginProblem::message)
                    .anySatisfy(m -> assertThat(m).contains("built for SPI version 0").contains("update the plugin"))
                    .anySatisfy(m -> assertThat(m).contains("cannot load").contains("com.example.NotThere"))
                    .anySatisfy(m -> assertThat(m).contains("no plugin found"))
                    .anySatisfy(m -> assertThat(m).contains("'Bad Name' is not kebab-case"));
            assertThat(set.problems()).hasSize(5);
        }
    }

    @Test
    void the_first_plugin_of_a_name_wins_and_the_second_is_reported() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJar.build(plugins, "dup.jar", "com.example.Dup\n",
                "com.example.Dup", PluginJar.pluginSource("com.example", "Dup", "classpath-test", SpiVersion.CURRENT));

        try (PluginSet set = new PluginLoader(host).load(List.of(), true, plugins)) {
            assertThat(set.plugins()).filteredOn(p -> p.name().equals("classpath-test"))
                    .extracting(LoadedPlugin::origin).containsExactly(PluginOrigin.CLASSPATH);
            assertThat(set.problems()).extracting(PluginProblem::message).anySatisfy(m -> assertThat(m).contains("already loaded"));
        }
    }
}
