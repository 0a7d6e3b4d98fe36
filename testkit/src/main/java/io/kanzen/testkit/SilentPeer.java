package io.kanzen.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A peer that accepts every TCP connection and never says a word: what a hung server, a stuck proxy or a firewall
 * that swallows packets after the handshake looks like to a plugin. Works for any protocol (HTTP, SMTP), since it
 * never answers. Point a plugin at it and its call must end by the host's read timeout, or when its thread is
 * interrupted.
 */
public final class SilentPeer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** Listens on a free loopback port at once. */
    public SilentPeer() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept()); // read nothing, write nothing: the client waits
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "silent-peer-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The same as {@code new SilentPeer()}. */
    public static SilentPeer start() {
        return new SilentPeer();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT} */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** {@code http://127.0.0.1:PORT/}: a base address to resolve paths against. */
    public String address() {
        return url() + "/";
    }

    /** How many connections were accepted (and left unanswered) so far. */
    public int connections() {
        return held.size();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : held) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
