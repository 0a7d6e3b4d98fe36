package io.kanzen.core.internal.parse;

import java.util.regex.Pattern;

/**
 * A pattern compiled at its first use. Why: compiling every pattern when the class is set up was a twentieth of
 * reading a library's names in a new JVM; most of them (CJK, percent-encoding, index numbers) a library never needs.
 */
final class LazyPattern {
    private final String regex;
    private volatile Pattern pattern;

    LazyPattern(String regex) {
        this.regex = regex;
    }

    /** Its text, without compiling it. */
    String regex() {
        return regex;
    }

    Pattern get() {
        Pattern p = pattern;
        if (p == null) {
            p = Pattern.compile(regex); // two threads may both compile it: the same pattern, either kept
            pattern = p;
        }
        return p;
    }
}
