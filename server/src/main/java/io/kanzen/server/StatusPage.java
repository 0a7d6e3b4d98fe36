package io.kanzen.server;

import io.kanzen.core.Kanzen;
import io.kanzen.core.Library;
import io.kanzen.core.LoadedPlugin;
import io.kanzen.core.MissingVolumes;
import io.kanzen.core.PluginProblem;

/**
 * A read-only page of what Kanzen knows (libraries, missing volumes, plugins) until the web UI lands. Every
 * value is HTML-escaped: titles come from folder names.
 */
final class StatusPage {
    private StatusPage() {}

    static String render(Kanzen kanzen) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Kanzen</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}")
                .append("td,th{padding:.2rem .6rem;text-align:left}</style></head><body>")
                .append("<h1>Kanzen</h1><p>Serveur en marche. L'interface complète arrive bientôt ; en attendant, ")
                .append("utilisez la ligne de commande <code>kanzen</code>.</p>");
        b.append("<h2>Bibliothèques</h2><table><tr><th>Nom</th><th>Dossier</th><th>Dernier scan</th></tr>");
        for (Library l : kanzen.libraries()) {
            b.append("<tr><td>").append(esc(l.name())).append("</td><td>").append(esc(l.root().toString())).append("</td><td>")
                    .append(l.lastScan() == null ? "jamais" : esc(l.lastScan().toString())).append("</td></tr>");
        }
        b.append("</table><h2>Tomes manquants</h2><table><tr><th>Série</th><th>Manquants</th></tr>");
        for (MissingVolumes m : kanzen.missing()) {
            b.append("<tr><td>").append(esc(m.title())).append("</td><td>").append(esc(m.missing().toString())).append("</td></tr>");
        }
        b.append("</table><h2>Plugins</h2><ul>");
        for (LoadedPlugin p : kanzen.plugins()) {
            b.append("<li>").append(esc(p.name())).append(" (").append(p.origin()).append(")</li>");
        }
        for (PluginProblem p : kanzen.pluginProblems()) {
            b.append("<li>ignoré : ").append(esc(p.location())).append(" : ").append(esc(p.message())).append("</li>");
        }
        return b.append("</ul></body></html>").toString();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
