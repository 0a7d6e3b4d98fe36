package io.kanzen.bench.decisions;

/** The answer key's word on one release for one series: acceptable, or wrong for a reason of one family. */
public record Verdict(Family trap, String why) {
    public static final Verdict ACCEPTABLE = new Verdict(null, "acceptable");

    public boolean acceptable() {
        return trap == null;
    }
}
