package org.giaoban.suite.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link RunningSuite} for every end-to-end class of a test run: the first class that asks for it starts it, and
 * it is stopped when the run ends. Four JVMs take 40 s and more to start on two cores, so classes share them; a class
 * gets it as a {@code RunningSuite} parameter of its {@code @BeforeAll} method.
 *
 * <p>A class that stops a module of the shared suite runs after the others ({@code @Order(}{@value #STOPS_A_MODULE}
 * {@code )}, with the class orderer of {@code junit-platform.properties}); the other classes need no order.
 */
public final class SharedSuite implements ParameterResolver {

    /** The order of a class that stops a module: after every class without an order. */
    public static final int STOPS_A_MODULE = Integer.MAX_VALUE;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSuite.class);

    /** Closed by JUnit when the root context closes, at the end of the run. */
    private record Started(RunningSuite suite) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            suite.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningSuite.class;
    }

    @Override
    public RunningSuite resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Started.class, key -> start(), Started.class)
                .suite();
    }

    private static Started start() {
        try {
            RunningSuite suite = RunningSuite.start();
            System.out.printf(
                    "The suite answered its health checks %d s after its start; data and logs in %s%n",
                    suite.startedIn().toSeconds(), suite.dataDir());
            return new Started(suite);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the suite was starting", e);
        } catch (IOException e) {
            throw new UncheckedIOException("The suite could not start", e);
        }
    }
}
