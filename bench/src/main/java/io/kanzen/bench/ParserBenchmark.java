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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Names parsed per second on one thread, over a mix of file names and release titles.
 *
 * <pre>java -jar bench/target/kanzen-bench.jar ParserBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParserBenchmark {
    static final String[] NAMES = {
        "One Piece - Tome 100.cbz",
        "L.Attaque.des.Titans.T05.FRENCH.CBZ-GRP",
        "[Team] Naruto Tomes 1 à 5 (VF) [Intégrale].rar",
        "Vinland Saga v07.5 (2016) (Digital) (danke-Empire).cbz",
        "Chainsaw Man - c153 (2023) [Digital-1920].cbz",
        "Berserk Perfect Edition T12.pdf",
        "ドラゴンボール 第5巻.zip",
        "Spy x Family Vol. 1-11 English",
        "Dr.%20Stone%20-%20Tome%2026.cbz",
        "Blame! Master Edition 03",
    };

    private final NameParser parser = Kanzen.standardParser();
    private int i;

    @Benchmark
    public ParsedName parse() {
        String name = NAMES[i];
        i = (i + 1) % NAMES.length;
        return parser.parse(name);
    }
}
