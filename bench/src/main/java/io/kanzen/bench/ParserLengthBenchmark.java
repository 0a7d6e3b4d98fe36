package io.kanzen.bench;

import io.kanzen.api.NameParser;
import io.kanzen.api.ParsedName;
import io.kanzen.core.Kanzen;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per name against the name's length, for shapes that make a backtracking parser slow (long ranges, runs
 * of volume words, unbalanced brackets, digits everywhere). Linear time shows as a flat time per character.
 *
 * <pre>java -jar bench/target/kanzen-bench.jar ParserLengthBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ParserLengthBenchmark {
    @Param({"64", "256", "1024"})
    int length;

    @Param({"range", "words", "brackets", "digits"})
    String shape;

    private final NameParser parser = Kanzen.standardParser();
    private String name;

    @Setup
    public void build() {
        String unit = switch (shape) {
            case "range" -> "1 à ";
            case "words" -> "Tome T v Vol. ";
            case "brackets" -> "[(【{";
            default -> "0123456789 ";
        };
        StringBuilder b = new StringBuilder("Naruto ");
        while (b.length() < length) {
            b.append(unit);
        }
        name = b.substring(0, length);
    }

    @Benchmark
    public ParsedName parse() {
        return parser.parse(name);
    }
}
