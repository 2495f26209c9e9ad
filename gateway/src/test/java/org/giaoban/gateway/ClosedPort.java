package org.giaoban.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port where a connection is refused, and stays refused until {@link #close()}: the port is bound by a
 * socket that never listens. A port found free by binding and closing a socket is not enough: the next server in the
 * JVM that asks for any free port (a stub service) can be given it, and then answers.
 */
public final class ClosedPort implements AutoCloseable {

    private final Socket socket;

    private ClosedPort(Socket socket) {
        this.socket = socket;
    }

    public static ClosedPort hold() {
        Socket socket = new Socket();
        try {
            // Without SO_REUSEADDR on this socket, no other socket can bind the port, listening or not.
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return new ClosedPort(socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
