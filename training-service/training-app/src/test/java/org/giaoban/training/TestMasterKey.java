package org.giaoban.training;

/**
 * The personal-data master key of the tests on PostgreSQL, given as a setting as production gives it (only the
 * embedded H2 store makes a key file of its own).
 */
final class TestMasterKey {

    static final String PROPERTY = "giaoban.personal-data.master-key=q83vEjRWeJASNFZ4kKvN7wEjRWeJq83vASNFZ4mrze8=";

    private TestMasterKey() {}
}
