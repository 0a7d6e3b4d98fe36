package io.kanzen.core.internal.parse;

/**
 * Hand-written readings of the commonest shapes of two patterns: a volume word and its number ({@code tome 05},
 * {@code t05}, {@code v3}, {@code vol. 3}) and a bare number ({@code 12}) ending the name or followed by a space; and
 * a test ruling out the special pattern where none of its words starts.
 *
 * <p>Why: those two patterns run on nearly every name, and under C1 (the launcher's compiler) a regex match of them
 * costs about a microsecond, a third of reading a name. A shortcut follows the pattern's own first choices (the
 * first alternative, greedy quantifiers) and answers only when that first path matches with no backtracking: the
 * match {@code java.util.regex} would return. On anything else (a letter after the number, a range, a decimal that
 * needs backtracking, a sign before) it answers {@code UNKNOWN} and the pattern runs. {@code ShortcutsTest} compares every
 * answer with the pattern's on generated names.
 */
final class Shortcuts {
    private static final int MATCH = WordPattern.Shortcut.MATCH, UNKNOWN = WordPattern.Shortcut.UNKNOWN, NONE = WordPattern.Shortcut.NONE;

    // Classes rather than method references: no lambda to bootstrap when a new JVM sets the parser up.
    static final WordPattern.Shortcut VOLUME = new WordPattern.Shortcut() {
        @Override
        public int matchAt(String text, int at, int[] groups) {
            return volume(text, at, groups);
        }
    };
    static final WordPattern.Shortcut BARE_NUMBER = new WordPattern.Shortcut() {
        @Override
        public int matchAt(String text, int at, int[] groups) {
            return bareNumber(text, at, groups);
        }
    };
    static final WordPattern.Shortcut SPECIAL = new WordPattern.Shortcut() {
        @Override
        public int matchAt(String text, int at, int[] groups) {
            return special(text, at, groups);
        }
    };

    private Shortcuts() {}

    /**
     * HORS_SERIE at {@code i}: no match unless one of its words starts there ({@code hs}, {@code hors}, {@code one shot},
     * {@code omake}, {@code extra}, {@code sp}ecial, {@code art}, {@code guide}, {@code fan}, {@code data}). Most
     * candidates are words of titles ("One Piece", "Spy", "Family", "Dragon"): the pattern need not run for them.
     */
    static int special(String s, int i, int[] groups) {
        boolean oneShot = s.startsWith("one", i)
                && (s.startsWith("shot", i + 3) || i + 3 < s.length() && (isSpace(s.charAt(i + 3)) || s.charAt(i + 3) == '-') && s.startsWith("shot", i + 4));
        return oneShot || s.startsWith("hs", i) || s.startsWith("hors", i) || s.startsWith("omake", i) || s.startsWith("extra", i)
                || s.startsWith("sp", i) || s.startsWith("art", i) || s.startsWith("guide", i) || s.startsWith("fan", i)
                || s.startsWith("data", i) ? UNKNOWN : NONE;
    }

    /**
     * VOLUME at {@code i}, a candidate position (its word starts there, after neither a letter nor a digit), for the
     * words {@code tome(s)}, {@code volume(s)}, {@code vol(s)}, {@code t} and {@code v} followed by one number and no
     * range, counter nor letter. Fills {@code groups} (whole match, number, empty range) as a matcher would.
     */
    static int volume(String s, int i, int[] groups) {
        int n = s.length();
        int w = i;
        while (w < n && isAsciiLetter(s.charAt(w))) {
            w++;
        }
        if (w < n && Character.isLetter(s.charAt(w))) {
            return UNKNOWN; // a word going on past ASCII
        }
        int p;
        switch (w - i) {
            case 1 -> {
                // "t" and "v" stand for a volume only right before its number: t(?=\.?\s?\d), v(?=\s?\.?\s?\d)
                char ch = s.charAt(i);
                if (ch == 't' ? !tAhead(s, w) : ch == 'v' ? !vAhead(s, w) : true) {
                    return UNKNOWN;
                }
                p = w;
            }
            case 3, 4, 5, 6, 7 -> {
                // volumes? is the first alternative, vols? the first to match "vol"/"vols", tomes? the first for "tome(s)"
                boolean known = s.startsWith("tome", i) && (w - i == 4 || w - i == 5 && s.charAt(i + 4) == 's')
                        || s.startsWith("volume", i) && (w - i == 6 || w - i == 7 && s.charAt(i + 6) == 's')
                        || s.startsWith("vol", i) && (w - i == 3 || w - i == 4 && s.charAt(i + 3) == 's');
                if (!known) {
                    return UNKNOWN;
                }
                p = w;
            }
            default -> {
                return UNKNOWN;
            }
        }
        // WORD_TO_NUMBER, greedy: up to 3 spaces, a dot (or a hyphen right after two letters), up to 3 spaces
        p = spaces(s, p, 3);
        if (p < n && s.charAt(p) == '.') {
            p++;
        } else if (p < n && s.charAt(p) == '-' && p == w && w - i >= 2) {
            p++; // (?<=\p{L}\p{L})-: the word's last two letters are right before it
        }
        p = spaces(s, p, 3);
        int numberStart = p;
        int numberEnd = number(s, p);
        if (numberEnd < 0) {
            return UNKNOWN;
        }
        // no range after it: a separator (- ~ à a au to bis & et and ,) within three spaces could start one
        int afterSpaces = spaces(s, numberEnd, 4);
        if (afterSpaces - numberEnd <= 3 && afterSpaces < n && "-~àatb&e,".indexOf(s.charAt(afterSpaces)) >= 0) {
            return UNKNOWN;
        }
        // no counter (\s?[巻卷册冊集권]) and no letter after it
        if (numberEnd < n) {
            char next = s.charAt(numberEnd);
            if (Character.isLetter(next) || Character.isSurrogate(next)) {
                return UNKNOWN;
            }
            if (isSpace(next) && numberEnd + 1 < n && "巻卷册冊集권".indexOf(s.charAt(numberEnd + 1)) >= 0) {
                return UNKNOWN;
            }
        }
        groups[0] = i;
        groups[1] = numberEnd;
        groups[2] = numberStart;
        groups[3] = numberEnd;
        groups[4] = numberEnd;
        groups[5] = numberEnd;
        return MATCH;
    }

    /**
     * BARE_NUMBER at {@code i}, a digit after neither a letter nor a digit: one number ending the name or followed by
     * a character that neither continues it (range, letter or word suffix) nor forbids it. Fills the whole match, the
     * number, an empty range, and no suffix.
     */
    static int bareNumber(String s, int i, int[] groups) {
        int n = s.length();
        if (i > 0 && ".,#'’:-".indexOf(s.charAt(i - 1)) >= 0) {
            return UNKNOWN; // the look-behinds decide
        }
        int end = number(s, i);
        if (end < 0) {
            return UNKNOWN;
        }
        if (end < n) {
            char c0 = s.charAt(end);
            if (isSpace(c0)) {
                // a range (\s{0,2}-\s{0,2}NUM) could follow
                int dash = spaces(s, end, 3);
                if (dash - end <= 2 && dash < n && s.charAt(dash) == '-') {
                    int next = spaces(s, dash + 1, 3);
                    if (next - dash - 1 <= 2 && next < n && (isAsciiDigit(s.charAt(next)) || s.charAt(next) == '½')) {
                        return UNKNOWN;
                    }
                }
                // a word suffix (" extra", " omake", " special") could follow
                if (end + 1 < n && "eos".indexOf(s.charAt(end + 1)) >= 0) {
                    return UNKNOWN;
                }
            } else if (Character.isLetter(c0) || Character.isSurrogate(c0) || ".,-'’:".indexOf(c0) >= 0) {
                return UNKNOWN;
            }
        }
        groups[0] = i;
        groups[1] = end;
        groups[2] = i;
        groups[3] = end;
        groups[4] = end;
        groups[5] = end;
        groups[6] = -1;
        groups[7] = -1;
        groups[8] = -1;
        groups[9] = -1;
        return MATCH;
    }

    /**
     * CJK_VOLUME ({@code (?:(全)\s?|[第제]\s?)?(?=[\d½])(NUM)(?:\s?[-~]\s?(NUM))?\s?(?:[巻卷册冊集권]|том)}) at {@code i},
     * a digit: a number right before its counter, or with one space ({@code 5巻}, {@code 3 권}), is a match; a number
     * followed by none of a space, a range sign, a counter or {@code т}, whichever way NUM ends, is none (the series'
     * own number in "Title 3 5巻"). Groups: the match, 全 (never here), the number, the range's end (none here).
     */
    static int cjkVolume(String s, int i, int[] groups) {
        int n = s.length();
        if (!isAsciiDigit(s.charAt(i))) {
            return UNKNOWN; // 全, 第, 제 and ½ are the pattern's
        }
        // NUM can end in two places only: after the digits (five at most), or after a decimal part (three at most)
        int d = i;
        while (d < n && isAsciiDigit(s.charAt(d))) {
            d++;
        }
        int whole = d - i <= 5 ? d : -1;
        int decimal = -1;
        if (whole >= 0 && d + 1 < n && s.charAt(d) == '.' && isAsciiDigit(s.charAt(d + 1))) {
            int k = d + 1;
            while (k < n && isAsciiDigit(s.charAt(k))) {
                k++;
            }
            decimal = k - d - 1 <= 3 ? k : -1;
        }
        int first = decimal >= 0 ? decimal : whole; // greedy: the decimal part first
        if (first < 0) {
            return NONE;
        }
        if (first < n) {
            char c0 = s.charAt(first);
            char c1 = first + 1 < n ? s.charAt(first + 1) : 0;
            if (isCjkVolumeCounter(c0) || isSpace(c0) && isCjkVolumeCounter(c1)) {
                int end = isCjkVolumeCounter(c0) ? first + 1 : first + 2;
                groups[0] = i;
                groups[1] = end;
                groups[2] = -1;
                groups[3] = -1;
                groups[4] = i;
                groups[5] = first;
                groups[6] = -1;
                groups[7] = -1;
                return MATCH;
            }
        }
        // none if, wherever NUM ends, what follows cannot begin a range, a space or a counter
        return mayFollowCjkNumber(s, whole) || mayFollowCjkNumber(s, decimal) ? UNKNOWN : NONE;
    }

    private static boolean mayFollowCjkNumber(String s, int end) {
        if (end < 0 || end >= s.length()) {
            return false;
        }
        char ch = s.charAt(end);
        if (isSpace(ch)) { // one space, then a range sign or a counter
            ch = end + 1 < s.length() ? s.charAt(end + 1) : 0;
        }
        return ch == '-' || ch == '~' || isCjkVolumeCounter(ch) || ch == 'т';
    }

    private static boolean isCjkVolumeCounter(char ch) {
        return ch == '巻' || ch == '卷' || ch == '册' || ch == '冊' || ch == '集' || ch == '권';
    }

    /**
     * Where NUM ({@code \d{1,5}(?:\.\d{1,3})?(?![\d])}) ends when its greedy first path matches at {@code p}; -1 when
     * it does not (no digit, six digits, a decimal followed by a fourth digit: backtracking would decide).
     */
    private static int number(String s, int p) {
        int n = s.length();
        int q = p;
        while (q < n && q - p < 5 && isAsciiDigit(s.charAt(q))) {
            q++;
        }
        if (q == p) {
            return -1; // "½" and the rest are left to the pattern
        }
        if (q + 1 < n && s.charAt(q) == '.' && isAsciiDigit(s.charAt(q + 1))) {
            int d = q + 1;
            while (d < n && d - q - 1 < 3 && isAsciiDigit(s.charAt(d))) {
                d++;
            }
            q = d;
        }
        return q < n && isAsciiDigit(s.charAt(q)) ? -1 : q;
    }

    /** t(?=\.?\s?\d) */
    private static boolean tAhead(String s, int p) {
        // with a dot, the dot is taken (nothing else can be there); then one space or none
        int q = p < s.length() && s.charAt(p) == '.' ? p + 1 : p;
        return digitAt(s, q) || isSpaceAt(s, q) && digitAt(s, q + 1);
    }

    /** v(?=\s?\.?\s?\d) */
    private static boolean vAhead(String s, int p) {
        // every way the three optional parts can be taken: at most three characters before the digit
        for (int a = 0; a <= 1; a++) {
            for (int b = 0; b <= 1; b++) {
                for (int c = 0; c <= 1; c++) {
                    int q = p;
                    if (a == 1 && !isSpaceAt(s, q++)) {
                        continue;
                    }
                    if (b == 1 && !(q < s.length() && s.charAt(q++) == '.')) {
                        continue;
                    }
                    if (c == 1 && !isSpaceAt(s, q++)) {
                        continue;
                    }
                    if (digitAt(s, q)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** After up to {@code max} regex spaces from {@code p}. */
    private static int spaces(String s, int p, int max) {
        int q = p;
        while (q < s.length() && q - p < max && isSpace(s.charAt(q))) {
            q++;
        }
        return q;
    }

    private static boolean digitAt(String s, int p) {
        return p < s.length() && isAsciiDigit(s.charAt(p));
    }

    private static boolean isSpaceAt(String s, int p) {
        return p < s.length() && isSpace(s.charAt(p));
    }

    /** The regex class {@code \\s}. */
    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r';
    }

    private static boolean isAsciiDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    private static boolean isAsciiLetter(char ch) {
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z';
    }
}
