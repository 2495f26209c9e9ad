package org.giaoban.suite.reference;

/** The audience of a training class, as the training API names it, with its Vietnamese name. */
public enum Bloc {
    PARTY("khối Đảng"),
    MASS_ORGANISATIONS("khối Đoàn thể"),
    STATE("khối Nhà nước"),
    OTHER("lớp khác");

    private final String vietnamese;

    Bloc(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }
}
