package io.kanzen.client.amule;

import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/** One logged-in EC connection to amuled: strictly one request, one reply. Not thread-safe; the client serialises. */
final class EcConnection implements Closeable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final String serverVersion;

    private EcConnection(Socket socket, String password) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new BufferedOutputStream(socket.getOutputStream());
        this.serverVersion = authenticate(password);
    }

    /**
     * Connects and logs in. amuled sometimes drops a fresh connection during the handshake when the previous one
     * closed just before (clients.md, G-A3): an end of stream there is retried twice, 150 ms apart.
     */
    static EcConnection open(String host, int port, String password, Duration connectTimeout, Duration readTimeout) {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            if (attempt > 0) {
                pause(150L * attempt);
            }
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
                socket.setSoTimeout((int) readTimeout.toMillis());
                socket.setTcpNoDelay(true);
                return new EcConnection(socket, password);
            } catch (ConnectException e) {
                closeQuietly(socket);
                throw new PluginException(ErrorKind.UNAVAILABLE, "aMule does not answer at " + host + ":" + port
                        + " (is amuled running with external connections on?)", e);
            } catch (EOFException | SocketException e) {
                closeQuietly(socket);
                last = e;
            } catch (IOException e) {
                closeQuietly(socket);
                throw new PluginException(ErrorKind.UNAVAILABLE, "cannot reach aMule at " + host + ":" + port + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                closeQuietly(socket);
                throw e;
            }
        }
        throw new PluginException(ErrorKind.UNAVAILABLE, "aMule at " + host + ":" + port + " closed the connection during login", last);
    }

    String serverVersion() {
        return serverVersion;
    }

    EcPacket request(EcPacket packet) throws IOException {
        out.write(EcCodec.encode(packet));
        out.flush();
        int flags = in.readInt();
        EcCodec.checkFlags(flags);
        int length = in.readInt();
        if (length < 0 || length > EcCodec.MAX_BODY) {
            throw new EcProtocolException("an EC frame claims " + Integer.toUnsignedString(length) + " bytes");
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return EcCodec.decode(flags, body);
    }

    private String authenticate(String password) throws IOException {
        EcPacket salt = request(EcPacket.of(Ec.OP_AUTH_REQ,
                EcTag.string(Ec.TAG_CLIENT_NAME, "Kanzen"),
                EcTag.string(Ec.TAG_CLIENT_VERSION, "0.1"),
                EcTag.uint16(Ec.TAG_PROTOCOL_VERSION, Ec.PROTOCOL_VERSION)));
        refuseFailure(salt);
        if (salt.opcode() != Ec.OP_AUTH_SALT || salt.tag(Ec.TAG_PASSWD_SALT).isEmpty()) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "aMule answered the login with opcode 0x" + Integer.toHexString(salt.opcode()));
        }
        long saltValue = salt.tag(Ec.TAG_PASSWD_SALT).get().asLong();
        EcPacket reply = request(EcPacket.of(Ec.OP_AUTH_PASSWD, EcTag.hash16(Ec.TAG_PASSWD_HASH, passwordHash(password, saltValue))));
        refuseFailure(reply);
        if (reply.opcode() != Ec.OP_AUTH_OK) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "aMule answered the password with opcode 0x" + Integer.toHexString(reply.opcode()));
        }
        return reply.tag(Ec.TAG_SERVER_VERSION).map(EcTag::asString).orElse("unknown");
    }

    private static void refuseFailure(EcPacket reply) {
        if (reply.opcode() != Ec.OP_AUTH_FAIL) {
            return;
        }
        String why = reply.tag(Ec.TAG_STRING).map(EcTag::asString).orElse("");
        if (why.isEmpty()) {
            throw new PluginException(ErrorKind.AUTHENTICATION, "aMule refused the login: it has no external-connection password set (ECPassword)");
        }
        if (why.toLowerCase(Locale.ROOT).contains("password")) {
            throw new PluginException(ErrorKind.AUTHENTICATION, "aMule refused the password");
        }
        throw new PluginException(ErrorKind.CONFIGURATION, "aMule refused the login: " + why);
    }

    /**
     * {@code MD5(md5hex(password) + md5hex("%lX" of the salt))}: the salt in upper-case hex <em>without</em> leading
     * zeros, as aMule's printf writes it (padding it breaks about one login in sixteen).
     */
    static byte[] passwordHash(String password, long salt) {
        String saltText = Long.toHexString(salt).toUpperCase(Locale.ROOT);
        return md5((md5Hex(password) + md5Hex(saltText)).getBytes(StandardCharsets.US_ASCII));
    }

    private static String md5Hex(String s) {
        return HexFormat.of().formatHex(md5(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] md5(byte[] b) {
        try {
            return MessageDigest.getInstance("MD5").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing more to do with a socket being dropped
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(ErrorKind.UNAVAILABLE, "interrupted while connecting to aMule", e);
        }
    }
}
