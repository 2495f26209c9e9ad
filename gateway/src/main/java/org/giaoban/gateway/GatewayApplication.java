package org.giaoban.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The gateway: the one entry point for web front-ends, in front of tasks-, training- and reporting-service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** Reactor Netty's switch between its native epoll transport and the JDK's NIO selector. */
    static final String NATIVE_TRANSPORT = "reactor.netty.native";

    public static void main(String[] args) {
        // Netty's native epoll transport waits for edge-triggered readiness events; in sandboxed kernels (gVisor) a
        // request was seen to wait unread for 30 s with every event loop idle. NIO's selector does not depend on them.
        // -Dreactor.netty.native=true brings the native transport back.
        if (System.getProperty(NATIVE_TRANSPORT) == null) {
            System.setProperty(NATIVE_TRANSPORT, "false");
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
