package io.kanzen.core.internal.parse;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern that can only match where a word starts, with the characters a match can start with.
 *
 * <p>Why: {@link Matcher#find()} runs the whole pattern at every position of the name, which costs about as much
 * as the rest of the parser together. Most positions are inside a word or start with a letter that no
 * alternative accepts; {@link #scan} skips them with two character tests and runs the pattern, anchored, only at
 * the few positions left. The pattern keeps its own look-behind (bounds are transparent), so a scan finds exactly
 * what {@code find()} would.
 */
final class WordPattern {
    /** Compiled at the first name that needs it: a new JVM reading a library compiles only the patterns its names need. */
    private final LazyPattern pattern;
    private final boolean[] asciiFirst = new boolean[128];
    private final String otherFirst;
    private final boolean mayFollowDigit;
    /**
     * Each thread's matcher of each pattern, reset for each scan: a new matcher per name (its group and state arrays)
     * was a fifth of what the parser allocated. A scan takes it over; a scan used after a later one of the same
     * pattern took it throws (see {@link Scan#owned}): on one thread the parser never interleaves two scans of one
     * pattern. One look-up per name ({@link #matchers}): under C1 a thread-local look-up is not free.
     */
    private static final ThreadLocal<Matchers> MATCHERS = new ThreadLocal<>() {
        @Override
        protected Matchers initialValue() { // not withInitial: no lambda to bootstrap when a new JVM sets the parser up
            return new Matchers();
        }
    };
    private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();
    private final int id = COUNT.getAndIncrement();

    /** A thread's matchers of the word patterns, to hand to the scans of one name. */
    static final class Matchers {
        private Held[] held = new Held[16];
        /** The name whose candidate positions are in {@link #starts}: its scans try those only. */
        private String indexed;
        private int[] starts = new int[32];
        private int count;

        /**
         * Notes where in {@code lower} any word pattern may start: a letter, a digit, {@code #} or a character beyond
         * ASCII (every pattern's first characters are among them) that does not follow an ASCII letter (no pattern
         * starts inside a word). A name's 4-5 scans then try a third of its positions, each found once. Returns the
         * name's {@link #charBits}, found in the same pass.
         */
        long index(String lower) {
            if (starts.length < lower.length()) {
                starts = new int[lower.length()];
            }
            int n = 0;
            long bits = 0;
            boolean afterLetter = false;
            for (int i = 0; i < lower.length(); i++) {
                char ch = lower.charAt(i);
                bits |= charBit(ch);
                boolean letter = isAsciiLetter(ch);
                if (!afterLetter && (letter || ch >= '0' && ch <= '9' || ch == '#' || ch >= 128)) {
                    starts[n++] = i;
                }
                afterLetter = letter;
            }
            count = n;
            indexed = lower;
            return bits;
        }

        private Held of(WordPattern p) {
            if (p.id >= held.length) {
                held = java.util.Arrays.copyOf(held, p.id + 16);
            }
            Held h = held[p.id];
            if (h == null) {
                h = new Held();
                held[p.id] = h;
            }
            return h;
        }
    }

    /**
     * One bit per character present (a-z, 0-9 and space each their own; any other character shares a bit with a
     * few): a string lacking one of a word's bits cannot contain the word.
     */
    static long charBits(String s) {
        long out = 0;
        for (int i = 0; i < s.length(); i++) {
            out |= charBit(s.charAt(i));
        }
        return out;
    }

    private static long charBit(char ch) {
        return 1L << (ch >= 'a' && ch <= 'z' ? ch - 'a' : ch >= '0' && ch <= '9' ? 26 + ch - '0' : ch == ' ' ? 36 : 37 + ch % 27);
    }

    /** This thread's matchers. */
    static Matchers matchers() {
        return MATCHERS.get();
    }

    private final Shortcut shortcut;
    /** Room in a shortcut's groups: the patterns with a shortcut have fewer groups. */
    private static final int MOST_GROUPS = 7;

    /** A thread's matcher, the groups of a shortcut's match, and the scan using them. */
    private static final class Held {
        Matcher matcher;
        int[] groups;
        Scan owner;
    }

    /**
     * A hand-written reading of a pattern's commonest shapes (see {@link Shortcuts}). At a position where the pattern
     * may start, it answers {@link #MATCH} only when the pattern matches there exactly so, having filled {@code groups}
     * (start and end of each group, as a matcher numbers them; -1 for a group not taking part); {@link #NONE} only
     * when the pattern cannot match there; {@link #UNKNOWN}: run the pattern.
     */
    interface Shortcut {
        int MATCH = 1;
        int UNKNOWN = 0;
        int NONE = -1;

        int matchAt(String text, int at, int[] groups);
    }
    private final WordTable<Boolean> firstWords;

    /**
     * @param firstChars every character a match can start with (the input is lower case)
     * @param mayFollowDigit false when the pattern refuses a letter or a digit before it, true when only a letter
     */
    WordPattern(String regex, String firstChars, boolean mayFollowDigit) {
        this(regex, firstChars, mayFollowDigit, null);
    }

    /**
     * @param firstWords when not null, the only runs of letters a match can start with (the pattern's words:
     *     {@code tome}, {@code vol}, {@code v}...); a match starting with a digit or a sign is not restricted
     */
    WordPattern(String regex, String firstChars, boolean mayFollowDigit, Set<String> firstWords) {
        this(regex, firstChars, mayFollowDigit, firstWords, null);
    }

    WordPattern(String regex, String firstChars, boolean mayFollowDigit, Set<String> firstWords, Shortcut shortcut) {
        this.pattern = new LazyPattern(regex);
        this.shortcut = shortcut;
        if (firstWords == null) {
            this.firstWords = null;
        } else {
            java.util.Map<String, Boolean> words = new java.util.HashMap<>();
            for (String w : firstWords) {
                words.put(w, Boolean.TRUE);
            }
            this.firstWords = new WordTable<>(words);
        }
        StringBuilder other = new StringBuilder();
        for (char ch : firstChars.toCharArray()) {
            if (ch < 128) {
                asciiFirst[ch] = true;
            } else {
                other.append(ch);
            }
        }
        this.otherFirst = other.toString();
        this.mayFollowDigit = mayFollowDigit;
    }

    Pattern pattern() {
        return pattern.get();
    }

    Scan scan(String lower) {
        return new Scan(lower, MATCHERS.get());
    }

    /** A scan using {@code matchers}, this thread's. */
    Scan scan(String lower, Matchers matchers) {
        return new Scan(lower, matchers);
    }

    private static boolean isAsciiLetter(char ch) {
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z';
    }

    /** Whether a match can start at {@code i}, whose character {@code ch} is one a match can start with. */
    private boolean canStartAt(String s, int i, char ch) {
        if (i > 0) {
            int before = s.codePointBefore(i);
            if (Character.isLetter(before) || !mayFollowDigit && before >= '0' && before <= '9') {
                return false;
            }
        }
        if (firstWords != null && Character.isLetter(ch)) {
            int end = i;
            // a non-spacing mark is part of the word: Thai writes its tone marks that way ("เล่ม"). A run longer than
            // the longest word is none of them: the loop stops there.
            int stop = Math.min(s.length(), i + firstWords.longest() + 1);
            while (end < stop && (Character.isLetter(s.charAt(end)) || Character.getType(s.charAt(end)) == Character.NON_SPACING_MARK)) {
                end++;
            }
            return firstWords.get(s, i, end) != null;
        }
        return true;
    }

    /** The matches, in order, as {@link Matcher#find()} would give them. */
    final class Scan {
        private final String text;
        private final Matchers matchers;
        private Matcher matcher; // taken at the first candidate the shortcut leaves to the pattern
        private Held held; // this thread's, taken at the first candidate: many scans have none
        private boolean shortcutMatch; // the last match is the shortcut's: its groups are in held.groups
        private int from;

        private Scan(String text, Matchers matchers) {
            this.text = text;
            this.matchers = matchers;
        }

        boolean find() {
            return find(text.length());
        }

        /**
         * Like {@link #find()} for a caller that only wants a match starting before {@code limit}: positions from there
         * on are not tried (false then says nothing of them).
         */
        boolean find(int limit) {
            int last = Math.min(limit, text.length());
            if (matchers.indexed == text) { // the name's candidate positions are known: only those are tried
                int[] starts = matchers.starts;
                for (int k = 0; k < matchers.count; k++) {
                    int i = starts[k];
                    if (i >= last) {
                        break;
                    }
                    if (i >= from && mayStartAt(i) && matchAt(i)) {
                        return true;
                    }
                }
            } else {
                for (int i = from; i < last; i++) {
                    if (mayStartAt(i) && matchAt(i)) {
                        return true;
                    }
                }
            }
            from = Math.max(from, last);
            return false;
        }

        /** The first tests, in the loop itself: most positions fail them. */
        private boolean mayStartAt(int i) {
            char ch = text.charAt(i);
            return (ch < 128 ? asciiFirst[ch] : otherFirst.indexOf(ch) >= 0) && !(i > 0 && isAsciiLetter(text.charAt(i - 1)))
                    && canStartAt(text, i, ch);
        }

        /** Whether the pattern matches at {@code i}, a position where it may start: the shortcut's answer, else its own. */
        private boolean matchAt(int i) {
            if (held == null) {
                held = matchers.of(WordPattern.this);
                held.owner = this;
            }
            if (shortcut != null) {
                if (held.groups == null) {
                    held.groups = new int[2 * (MOST_GROUPS + 1)];
                }
                int answer = shortcut.matchAt(text, i, owned().groups);
                if (answer == Shortcut.MATCH) {
                    shortcutMatch = true;
                    from = Math.max(held.groups[1], i + 1);
                    return true;
                }
                if (answer == Shortcut.NONE) {
                    return false;
                }
            }
            shortcutMatch = false;
            if (matcher == null) {
                Held h = owned();
                if (h.matcher == null) {
                    h.matcher = pattern().matcher(text).useTransparentBounds(true); // reset() keeps the bounds
                } else {
                    h.matcher.reset(text);
                }
                matcher = h.matcher;
            } else {
                owned();
            }
            matcher.region(i, text.length());
            if (matcher.lookingAt()) {
                from = Math.max(matcher.end(), i + 1);
                return true;
            }
            return false;
        }

        int start() {
            return start(0);
        }

        int end() {
            return end(0);
        }

        String group() {
            return group(0);
        }

        String group(int group) {
            int[] groups = owned().groups;
            if (!shortcutMatch) {
                return matcher().group(group);
            }
            int start = groups[2 * group];
            return start < 0 ? null : text.substring(start, groups[2 * group + 1]);
        }

        /** Where a group starts, -1 when it did not take part: its number read in place, without a copy. */
        int start(int group) {
            return shortcutMatch ? owned().groups[2 * group] : matcher().start(group);
        }

        int end(int group) {
            return shortcutMatch ? owned().groups[2 * group + 1] : matcher().end(group);
        }

        private Matcher matcher() {
            owned();
            if (matcher == null) {
                throw new IllegalStateException("no match");
            }
            return matcher;
        }

        /** This thread's matcher and groups, still this scan's: a later scan of the same pattern has not taken them. */
        private Held owned() {
            if (held == null || held.owner != this) {
                throw new IllegalStateException("a scan of " + pattern.regex() + " used after another scan of it began, or before a match");
            }
            return held;
        }
    }
}
