package org.giaoban.training.api.contest;

import java.util.List;

/** What became of a batch of entries: how many were recorded, and the refused ones with their reason. */
public record ContestEntriesOutcome(int accepted, List<RefusedEntry> rejected) {

    /**
     * One refused entry: its position in the batch (from 0), the participant it named, a short stable {@code code}
     * (such as {@code unknown-unit} or {@code outside-contest-window}) and the reason in words.
     */
    public record RefusedEntry(int index, String participantId, String code, String reason) {}
}
