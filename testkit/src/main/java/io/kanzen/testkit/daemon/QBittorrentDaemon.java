package io.kanzen.testkit.daemon;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * {@code qbittorrent-nox} on 127.0.0.1 with a known Web UI password, DHT, PeX, LSD, UPnP and GeoIP off and
 * BitTorrent bound to loopback, so no traffic leaves the machine. The recipe of {@code shared/design/clients.md}
 * §1.1, in Java so that tests can start, kill and restart it.
 */
public final class QBittorrentDaemon extends LocalDaemon {
    public static final String USER = "admin";
    public static final String PASSWORD = "kanzen-test-pw";

    private final int webUiPort;
    private final int torrentPort;

    public QBittorrentDaemon(Path directory) {
        this(directory, freePort(), freePort());
    }

    public QBittorrentDaemon(Path directory, int webUiPort, int torrentPort) {
        super("qbittorrent-nox", "qbittorrent-nox", directory);
        this.webUiPort = webUiPort;
        this.torrentPort = torrentPort;
    }

    public String url() {
        return "http://127.0.0.1:" + webUiPort;
    }

    public int torrentPort() {
        return torrentPort;
    }

    public Path downloads() {
        return directory.resolve("downloads");
    }

    @Override
    protected List<String> command() {
        return List.of("qbittorrent-nox", "--profile=" + directory);
    }

    @Override
    protected void writeConfiguration() throws IOException {
        Path config = directory.resolve("qBittorrent/config");
        Files.createDirectories(config);
        Files.createDirectories(downloads());
        String conf = String.join("\n",
                "[LegalNotice]", "Accepted=true", "",
                "[BitTorrent]",
                "Session\\DHTEnabled=false", "Session\\PeXEnabled=false", "Session\\LSDEnabled=false",
                "Session\\AddTrackersEnabled=false", "Session\\QueueingSystemEnabled=false",
                "Session\\Port=" + torrentPort, "Session\\Interface=lo", "Session\\InterfaceName=lo",
                "Session\\InterfaceAddress=127.0.0.1", "Session\\DefaultSavePath=" + downloads(), "",
                "[Network]", "PortForwardingEnabled=false", "",
                "[Preferences]",
                "Connection\\ResolvePeerCountries=false", "General\\Locale=en", "WebUI\\Enabled=true",
                "WebUI\\Address=127.0.0.1", "WebUI\\Port=" + webUiPort, "WebUI\\UseUPnP=false",
                "WebUI\\Username=" + USER, "WebUI\\Password_PBKDF2=\"@ByteArray(" + pbkdf2(PASSWORD) + ")\"",
                // no IP ban after failed logins: the wrong-password test would lock every later test out for an hour
                "WebUI\\MaxAuthenticationFailCount=0", "WebUI\\HostHeaderValidation=false", "WebUI\\CSRFProtection=false", "");
        Files.writeString(config.resolve("qBittorrent.conf"), conf, StandardCharsets.UTF_8);
    }

    @Override
    protected boolean isReady() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(1000);
            int code = c.getResponseCode();
            c.disconnect();
            return code == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** qBittorrent's {@code Password_PBKDF2}: base64 salt, a colon, base64 PBKDF2-HMAC-SHA512 (100,000 rounds, 64 bytes). */
    static String pbkdf2(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 100_000, 512)).getEncoded();
            return Base64.getEncoder().encodeToString(salt) + ":" + Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
