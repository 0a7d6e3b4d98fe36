package io.kanzen.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginManifestTest {
    @TempDir
    Path tmp;

    private Path jar(String name, Manifest manifest) throws Exception {
        Path jar = tmp.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = manifest == null ? new JarOutputStream(file) : new JarOutputStream(file, manifest)) {
            out.flush();
        }
        return jar;
    }

    @Test
    void aPluginJarSaysItsTitleVersionVendorDescriptionAndSpiRange() throws Exception {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.put(Attributes.Name.IMPLEMENTATION_TITLE, "Kanzen source plugin: torznab");
        a.put(Attributes.Name.IMPLEMENTATION_VERSION, "0.3.1");
        a.put(Attributes.Name.IMPLEMENTATION_VENDOR, "Kanzen");
        a.putValue("Kanzen-Plugin-Description", "A generic Torznab source.");
        a.putValue("Kanzen-Spi-Range", "[1,2)");

        assertThat(PluginManifest.read(jar("torznab.jar", m)))
                .isEqualTo(new PluginManifest("Kanzen source plugin: torznab", "0.3.1", "Kanzen", "A generic Torznab source.", "[1,2)"));
    }

    @Test
    void aJarWithoutManifestOrNotAJarAtAllSaysNothing() throws Exception {
        assertThat(PluginManifest.read(jar("bare.jar", null))).isEqualTo(PluginManifest.UNKNOWN);
        Path text = Files.writeString(tmp.resolve("notes.jar"), "not a zip");
        assertThat(PluginManifest.read(text)).isEqualTo(PluginManifest.UNKNOWN);
        assertThat(new PluginProblem(tmp.resolve("missing.jar").toString(), "gone").manifest()).isEqualTo(PluginManifest.UNKNOWN);
    }

    @Test
    void aClassFromAFolderHasNoManifestOfItsOwn() {
        // test classes come from target/test-classes: no JAR, so nothing but what the package may declare
        assertThat(PluginManifest.of(PluginManifestTest.class).description()).isNull();
    }
}
