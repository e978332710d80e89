package dev.crmsync.testkit.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Creates the JDK {@link HttpServer} the simulators (and bench helpers) listen on, on the loopback address.
 * The JDK server writes an answer's headers and body separately and leaves Nagle's algorithm on unless
 * {@code sun.net.httpserver.nodelay} is set, so every keep-alive answer waited ~40 ms for the client's
 * delayed ACK: a simulator looked forty times slower than the API it stands for. The property is read once,
 * when the JDK's server first starts in a JVM, so it is set here before any server is created.
 */
public final class LoopbackServer {
    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private LoopbackServer() {
    }

    /** A server on the loopback address; port 0 picks a free one. */
    public static HttpServer create(int port, int backlog) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
    }
}
