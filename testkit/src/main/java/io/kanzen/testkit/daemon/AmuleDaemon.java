package io.kanzen.testkit.daemon;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * {@code amuled} with External Connections on 127.0.0.1, a known password, and no ed2k server, Kad, UDP or UPnP,
 * so nothing leaves the machine. The recipe of {@code shared/design/clients.md} §1.2, in Java.
 */
public final class AmuleDaemon extends LocalDaemon {
    public static final String EC_PASSWORD = "kanzen-test-pw";

    private final int ecPort;
    private final int tcpPort;

    public AmuleDaemon(Path directory) {
        this(directory, freePort(), freePort());
    }

    public AmuleDaemon(Path directory, int ecPort, int tcpPort) {
        super("amuled", "amule-daemon", directory);
        this.ecPort = ecPort;
        this.tcpPort = tcpPort;
    }

    public int ecPort() {
        return ecPort;
    }

    public Path incoming() {
        return directory.resolve("Incoming");
    }

    @Override
    protected List<String> command() {
        return List.of("amuled", "--config-dir=" + directory, "--log-stdout");
    }

    @Override
    protected void writeConfiguration() throws IOException {
        if (listening(ecPort)) {
            throw new IllegalStateException("EC port " + ecPort + " is already taken by another process");
        }
        Files.createDirectories(directory.resolve("Temp"));
        Files.createDirectories(incoming());
        Files.deleteIfExists(directory.resolve("muleLock")); // left by a killed daemon
        String conf = String.join("\n",
                "[eMule]", "AppVersion=2.3.3", "Nick=kanzen-test", "MaxUpload=0", "MaxDownload=0",
                "Port=" + tcpPort, "UDPPort=" + (tcpPort + 10), "UDPEnable=0", "Address=127.0.0.1",
                "Autoconnect=0", "Reconnect=0", "ConnectToKad=0", "ConnectToED2K=0", "Serverlist=0",
                "AddServerListFromServer=0", "AddServerListFromClient=0", "UPnPEnabled=0", "IPFilterAutoLoad=0",
                "IPFilterURL=", "FilterLanIPs=0", "ParanoidFiltering=0", "GeoIPEnabled=0", "NewVersionCheck=0",
                "CheckDiskspace=0", "AddNewFilesPaused=0",
                "TempDir=" + directory.resolve("Temp"), "IncomingDir=" + incoming(), "OSDirectory=" + directory + "/",
                "[ExternalConnect]", "AcceptExternalConnections=1", "ECAddress=127.0.0.1", "ECPort=" + ecPort,
                "ECPassword=" + md5Hex(EC_PASSWORD), "UPnPECEnabled=0", "IpFilterClients=0", "IpFilterServers=0",
                "[WebServer]", "Enabled=0", "");
        Files.writeString(directory.resolve("amule.conf"), conf, StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("lastversion"), "2.3.3\n"); // skips the first-run banner
    }

    /**
     * Ready when the EC port listens. Checked in /proc rather than by connecting: a probe connection can make amuled
     * drop the next client (clients.md, G-A3).
     */
    @Override
    protected boolean isReady() {
        return listening(ecPort);
    }

    @Override
    protected void afterStop() {
        try {
            Files.deleteIfExists(directory.resolve("muleLock"));
        } catch (IOException ignored) {
            // the next start deletes it too
        }
    }

    static String md5Hex(String s) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, d));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
