package org.giaoban.platform.problem;

/** A batch with more rows than one request may carry: answered {@code 413}, and nothing of it is stored. */
public class BatchTooLargeException extends RuntimeException {

    public BatchTooLargeException(int rows, int limit) {
        this("The batch has " + rows + " rows; one request takes at most " + limit + ".");
    }

    private BatchTooLargeException(String detail) {
        super(detail);
    }

    /** A batch read as it arrives and refused at its first row past the limit, before the rest was read. */
    public static BatchTooLargeException moreRowsThan(int limit) {
        return new BatchTooLargeException(
                "The batch has more than " + limit + " rows; one request takes at most " + limit + ".");
    }

    /** A batch refused at its first character past the limit, whatever its rows. */
    public static BatchTooLargeException longerThan(int characters) {
        return new BatchTooLargeException("The batch is longer than " + characters + " characters; one request takes at"
                + " most that, which is plenty for its most rows.");
    }
}
