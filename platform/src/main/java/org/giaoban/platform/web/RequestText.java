package org.giaoban.platform.web;

import java.text.Normalizer;

/**
 * What every text a request carries is held to, in JSON and in CSV alike. Text is kept in Unicode NFC, so that a name
 * typed with combining marks ("Nguyễn" as NFD, as some keyboards and macOS file names send it) and the same name
 * typed precomposed are one name: equal, unique together, found by the same search. Control characters have no place
 * in a name, a title or an id; free text that may run over several lines keeps its line breaks and tabs. Half of a
 * surrogate pair is not text at all.
 */
public final class RequestText {

    private RequestText() {}

    /** The text in NFC; the same instance when it is NFC already, as almost every request's text is. */
    public static String normalized(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * Why the text is refused, in words for the caller, or null when it is acceptable.
     *
     * @param multiline whether line breaks and tabs are part of the text (descriptions, notes, reasons)
     */
    public static String refusalOf(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "is not valid Unicode text (half of a surrogate pair at position " + (i + 1) + ")";
            }
            if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return "may not contain the control character U+" + String.format("%04X", (int) c)
                        + (multiline ? "; only line breaks and tabs are allowed" : "")
                        + " (position " + (i + 1) + ")";
            }
        }
        return null;
    }
}
