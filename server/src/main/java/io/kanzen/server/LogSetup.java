package io.kanzen.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.LoggerFactory;

/**
 * Logback's configuration, in code: reading a {@code logback.xml} costs a tenth of a second of every start (an XML
 * parser and Joran's model), a third of a short CLI command. Found by logback through {@code META-INF/services}.
 *
 * <p>Two styles: the server's (time-stamped lines on stdout, INFO) and a command's (stdout carries the command's
 * output, JSON lines included: logs go to stderr, warnings only). {@code KANZEN_LOG_LEVEL} changes the level; a
 * {@code -Dlogback.configurationFile} is left to logback as always.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** How logs are written. */
    public enum Style {
        SERVER("System.out", "%d{HH:mm:ss.SSS} %-5level %logger{0}: %msg%n", Level.INFO),
        COMMAND("System.err", "%level %logger{0}: %msg%n", Level.WARN);

        final String target;
        final String pattern;
        final Level level;

        Style(String target, String pattern, Level level) {
            this.target = target;
            this.pattern = pattern;
            this.level = level;
        }
    }

    private static volatile Style style = Style.SERVER;
    private static volatile boolean configured;

    /** Chooses the style; when logback has already configured itself, it is configured again in that style. */
    public static void use(Style chosen) {
        boolean changed = style != chosen;
        style = chosen;
        if (changed && configured && !fromFile() && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            apply(context, chosen);
        }
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (fromFile()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context, style);
        configured = true;
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static boolean fromFile() {
        return System.getProperty("logback.configurationFile") != null;
    }

    private static void apply(LoggerContext context, Style s) {
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(s.pattern);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget(s.target);
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(setting("KANZEN_LOG_LEVEL"), s.level));
        root.addAppender(console);
        // libraries' chatter at INFO says nothing a user needs
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("io.javalin").setLevel(Level.WARN);
    }

    private static String setting(String name) {
        String v = System.getProperty(name);
        return v != null ? v : System.getenv(name);
    }
}
