package org.giaoban.identity;

/** What a caller may do (API.md, "Identity and roles"). */
public enum Role {
    /** Everything. */
    ADMIN,
    /** Writes for its own unit and the units under it; reads. */
    OFFICER,
    /** Reads, and the audit endpoints. */
    AUDITOR,
    /** Reads. */
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
