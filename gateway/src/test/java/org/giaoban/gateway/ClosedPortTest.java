package org.giaoban.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class ClosedPortTest {

    @Test
    void aConnectionIsRefusedAndNoServerCanTakeThePortWhileItIsHeld() {
        try (ClosedPort closed = ClosedPort.hold()) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", closed.port());

            assertThatThrownBy(() -> {
                        try (Socket client = new Socket()) {
                            client.connect(address, 10_000);
                        }
                    })
                    .isInstanceOf(ConnectException.class);
            assertThatThrownBy(() -> {
                        try (ServerSocket server = new ServerSocket()) {
                            server.setReuseAddress(true);
                            server.bind(address);
                        }
                    })
                    .isInstanceOf(BindException.class);
        }
    }
}
