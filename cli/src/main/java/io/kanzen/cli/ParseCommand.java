package io.kanzen.cli;

import io.kanzen.api.NameParser;
import io.kanzen.api.ParsedName;
import io.kanzen.core.Kanzen;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "parse", description = "Reads one name per line on stdin and prints what each says, in order.")
final class ParseCommand implements Callable<Integer> {
    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        // No database is opened: parsing needs none, and this keeps the command fast for scripts.
        NameParser parser = Kanzen.standardParser();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        String line;
        while ((line = in.readLine()) != null) {
            ParsedName n = parser.parse(line);
            out.println(json ? Json.write(Json.parsed(line, n)) : human(line, n));
            if (!in.ready()) {
                out.flush(); // interactive use: answer each line as it comes
            }
        }
        out.flush();
        return 0;
    }

    private static String human(String input, ParsedName n) {
        StringBuilder b = new StringBuilder(input).append('\n');
        b.append("  series:   ").append(n.series() == null ? "-" : n.series()).append('\n');
        b.append("  volume:   ").append(n.volume() == null ? "-" : n.volume()).append('\n');
        b.append("  chapter:  ").append(n.chapter() == null ? "-" : n.chapter()).append('\n');
        if (n.language() != null) {
            b.append("  language: ").append(n.language()).append('\n');
        }
        if (n.format() != null) {
            b.append("  format:   ").append(n.format()).append('\n');
        }
        if (n.edition() != null) {
            b.append("  edition:  ").append(n.edition()).append('\n');
        }
        if (n.group() != null) {
            b.append("  group:    ").append(n.group()).append('\n');
        }
        if (n.special()) {
            b.append("  special\n");
        }
        if (n.completeSeries()) {
            b.append("  whole series\n");
        }
        return b.toString().stripTrailing();
    }
}
