package io.kanzen.core.internal.notify;

import io.kanzen.api.VolumeRange;
import io.kanzen.api.notify.Notification;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes an event for people, in French (the default: most users collect French editions) or in English. */
final class NotificationTexts {
    private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    private NotificationTexts() {}

    static Notification write(NotificationEvent e, String language) {
        boolean fr = !"en".equals(language);
        String subject = subject(e, fr);
        String title;
        String message;
        switch (e.type()) {
            case GRABBED -> {
                title = (fr ? "Envoyé : " : "Grabbed: ") + subject;
                message = join(e.detail(), e.client() == null ? null : (fr ? "Client : " : "Client: ") + e.client(),
                        e.source() == null ? null : (fr ? "Source : " : "Source: ") + e.source());
            }
            case IMPORTED -> {
                title = (fr ? "Importé : " : "Imported: ") + subject;
                message = join(e.detail());
            }
            case FAILED -> {
                title = (fr ? "Échec : " : "Failed: ") + subject;
                message = join(e.detail(), e.client() == null ? null : (fr ? "Client : " : "Client: ") + e.client());
            }
            case PEER_DOWN -> {
                boolean client = e.client() != null;
                String peer = client ? e.client() : e.source();
                title = fr ? (client ? "Client injoignable : " : "Source en échec : ") + peer
                        : (client ? "Download client down: " : "Source failing: ") + peer;
                message = join(e.detail());
            }
            case CHECK_PROBLEMS -> {
                title = fr ? "Vérification terminée avec des problèmes" : "Check finished with problems";
                message = join(e.detail());
            }
            case NEW_VOLUME -> {
                title = (fr ? "Nouveau tome : " : "New volume: ") + subject;
                message = announced(e.date(), fr);
            }
            case TEST -> {
                title = fr ? "Test de Kanzen" : "Kanzen test";
                message = fr ? "Si vous lisez ceci, le notificateur « " + e.detail() + " » fonctionne."
                        : "If you can read this, the notifier '" + e.detail() + "' works.";
            }
            default -> throw new IllegalStateException("no text for " + e.type());
        }
        return new Notification(e.type(), title, message, e.at(), e.series(), e.volume(), fr ? "fr" : "en");
    }

    /** "One Piece tome 3", "One Piece tomes 3-4", "One Piece". */
    private static String subject(NotificationEvent e, boolean fr) {
        String series = e.series() == null || e.series().isBlank() ? (fr ? "série inconnue" : "unknown series") : e.series();
        VolumeRange v = e.volume();
        if (v == null) {
            return series;
        }
        String word = v.isSingle() ? (fr ? "tome" : "volume") : (fr ? "tomes" : "volumes");
        return series + " " + word + " " + v;
    }

    /** For a new volume's detail: "Sortie prévue le 3 décembre 2026" or "Paru". */
    private static String announced(LocalDate date, boolean fr) {
        if (date == null) {
            return fr ? "Paru en français" : "Out in French";
        }
        return fr ? "Sortie prévue le " + FR_DATE.format(date) : "Expected on " + EN_DATE.format(date);
    }

    private static String join(String... lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            if (l != null && !l.isBlank()) {
                if (b.length() > 0) {
                    b.append('\n');
                }
                b.append(l.strip());
            }
        }
        return b.toString();
    }
}
