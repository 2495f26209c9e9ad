package org.giaoban.suite.reference;

import java.util.Arrays;
import java.util.Comparator;

/** Sharing a published total out over units or classes so that the shares add up to it exactly. */
final class Shares {

    private Shares() {}

    /** {@code total} shared out in proportion to the weights, rounding by largest remainder: the shares add up. */
    static int[] allocate(int total, double[] weights) {
        double sum = Arrays.stream(weights).sum();
        int[] shares = new int[weights.length];
        Integer[] order = new Integer[weights.length];
        double[] remainders = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            shares[i] = (int) Math.floor(exact);
            remainders[i] = exact - shares[i];
            given += shares[i];
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -remainders[i]));
        for (int k = 0; k < total - given; k++) {
            shares[order[k % order.length]]++;
        }
        return shares;
    }
}
