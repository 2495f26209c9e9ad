package org.giaoban.gateway.limit;

import org.springframework.util.unit.DataSize;

/** A request body turned out larger than the gateway lets through. */
public class RequestBodyTooLargeException extends RuntimeException {

    private final DataSize limit;

    public RequestBodyTooLargeException(DataSize limit) {
        super("The request body is larger than " + describe(limit) + ", the most the gateway accepts.");
        this.limit = limit;
    }

    public DataSize limit() {
        return limit;
    }

    static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }
}
