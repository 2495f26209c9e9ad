package org.giaoban.platform.problem;

/** A batch with more rows than one request may carry: answered {@code 413}, and nothing of it is stored. */
public class BatchTooLargeException extends RuntimeException {

    public BatchTooLargeException(int rows, int limit) {
        super("The batch has " + rows + " rows; one request takes at most " + limit + ".");
    }
}
