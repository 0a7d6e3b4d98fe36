package io.kanzen.core.internal.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles Java sources against the test class path and packs them into a real plugin JAR. */
final class PluginJar {
    private PluginJar() {}

    /**
     * @param sources  fully qualified class name, then source text, repeated
     * @param services the lines of META-INF/services/io.kanzen.api.Plugin, or null for none
     */
    static Path build(Path dir, String jarName, String services, String... sources) throws IOException {
        Path src = Files.createDirectories(dir.resolve(jarName + "-src"));
        Path classes = Files.createDirectories(dir.resolve(jarName + "-classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "--release", "17"));
        for (int i = 0; i < sources.length; i += 2) {
            Path file = src.resolve(sources[i].replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, sources[i + 1]);
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, System.err, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the test plugin did not compile");
        }
        Path jar = dir.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            if (services != null) {
                out.putNextEntry(new JarEntry("META-INF/services/io.kanzen.api.Plugin"));
                write(out, services);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A plugin class with a source factory, answering {@code spiVersion}. */
    static String pluginSource(String pkg, String className, String name, String spiVersion) {
        return "package " + pkg + ";\n"
                + "import io.kanzen.api.*; import io.kanzen.api.source.*; import java.util.*;\n"
                + "public class " + className + " implements Plugin {\n"
                + "  public String name() { return \"" + name + "\"; }\n"
                + "  public String spiVersion() { return \"" + spiVersion + "\"; }\n"
                + "  public List<SourceFactory> sourceFactories() { return List.of(new SourceFactory() {\n"
                + "    public String name() { return \"" + name + "\"; }\n"
                + "    public List<ConfigProperty> configProperties() { return List.of(ConfigProperty.of(\"url\", \"URL\", ConfigType.URL).asRequired()); }\n"
                + "    public Source create(PluginConfig c, PluginContext ctx) { return new Source() {\n"
                + "      public Set<SourceCapability> capabilities() { return Set.of(SourceCapability.SEARCH_RELEASES); }\n"
                + "      public void checkConnection() {}\n"
                + "    }; }\n"
                + "  }); }\n"
                + "  public String canSee(String cls) { try { Class.forName(cls, false, getClass().getClassLoader()); return \"yes\"; }"
                + " catch (ClassNotFoundException e) { return \"no\"; } }\n"
                + "}\n";
    }
}
