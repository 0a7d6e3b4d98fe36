package io.kanzen.core.internal.monitor;

import io.kanzen.api.VolumeRange;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name an imported volume file takes: from a pattern ({@code {Series} - Tome {vol:00}}), else like the series'
 * own files (the number of its highest volume file replaced, its zero padding kept), else the download's own name.
 */
final class ImportNames {
    private static final Pattern VOL = Pattern.compile("\\{vol(?::(0+))?}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern UNSAFE = Pattern.compile("[/\\\\:*?\"<>|\\x00-\\x1f]");

    private ImportNames() {}

    /**
     * @param pattern      the configured pattern, or null
     * @param series       the series title
     * @param volume       the volume the file holds
     * @param existing     file names of the series' single-volume files and their volumes, highest volume first
     * @param originalName the file's name in the download
     */
    static String name(String pattern, String series, VolumeRange volume, List<Named> existing, String originalName) {
        String ext = extension(originalName);
        if (pattern != null) {
            Matcher m = VOL.matcher(pattern);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                int width = m.group(1) == null ? 0 : m.group(1).length();
                m.appendReplacement(out, Matcher.quoteReplacement(number(volume, width)));
            }
            m.appendTail(out);
            return safe(out.toString().replace("{Series}", series).replace("{series}", series)) + ext;
        }
        for (Named e : existing) {
            String like = like(e, volume);
            if (like != null) {
                return safe(like) + ext;
            }
        }
        return originalName;
    }

    /** A name the series already uses, given as its file name and the whole volume it holds. */
    record Named(String fileName, double volume) {}

    private static String like(Named e, VolumeRange volume) {
        if (e.volume() != Math.floor(e.volume())) {
            return null;
        }
        String stem = stem(e.fileName());
        Matcher m = DIGITS.matcher(stem);
        int start = -1;
        int end = -1;
        while (m.find()) {
            if (Long.parseLong(m.group().length() > 9 ? "-1" : m.group()) == (long) e.volume()) {
                start = m.start(); // the last such run: a number in the title ("20th Century Boys T20") comes before the volume
                end = m.end();
            }
        }
        if (start < 0) {
            return null;
        }
        return stem.substring(0, start) + number(volume, end - start) + stem.substring(end);
    }

    private static String number(VolumeRange v, int width) {
        return v.isSingle() ? pad(v.from(), width) : pad(v.from(), width) + "-" + pad(v.to(), width);
    }

    private static String pad(double n, int width) {
        String s = VolumeRange.format(n);
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        StringBuilder b = new StringBuilder();
        for (int i = whole.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s).toString();
    }

    private static String safe(String name) {
        return UNSAFE.matcher(name).replaceAll("_").strip();
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(dot).toLowerCase(java.util.Locale.ROOT) : "";
    }
}
