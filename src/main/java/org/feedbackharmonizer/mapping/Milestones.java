package org.feedbackharmonizer.mapping;

import java.util.Arrays;
import java.util.List;
import org.feedbackharmonizer.schema.Outcome;

/** The outcomes a merged referral climbs ({@code files.merge.milestones}), lowest first; the rest are endings. */
final class Milestones {
    private final int[] rank = new int[Outcome.values().length];

    Milestones(List<Outcome> lowestFirst) {
        Arrays.fill(rank, -1);
        for (int i = 0; i < lowestFirst.size(); i++) {
            rank[lowestFirst.get(i).ordinal()] = i;
        }
    }

    boolean contains(Outcome o) {
        return rank[o.ordinal()] >= 0;
    }

    /** Higher is further; -1 for an outcome that is not a milestone. */
    int rank(Outcome o) {
        return rank[o.ordinal()];
    }
}
