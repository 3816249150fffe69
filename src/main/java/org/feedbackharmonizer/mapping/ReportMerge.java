package org.feedbackharmonizer.mapping;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.feedbackharmonizer.config.FileSpec;

/**
 * One file's rows taken together per report number ({@code files.repeated_report: merge}): an event log gives a
 * referral on many rows, interleaved with other referrals' rows, and its answer needs them all. Each row is mapped
 * and checked alone as usual, then merged into its report number's {@link MergedReport}; after the file's last row
 * every report number's merged record is handed on, in the order of their last rows.
 *
 * <p>The merge is per file and in memory, before anything is stored: the store keeps months and day counts, not the
 * dates a later row needs. Memory grows with the report numbers of the file, not its rows: about 220 bytes each
 * (measured), and a file naming more than {@code ReadLimits.maxMergedReports} ({@link #MAX_REPORTS}) is refused
 * ({@code TOO_MANY_REPORTS}), so a file of any length loads in {@code -Xmx256m} beside another loading at the same
 * time. Spilling to disk was not chosen: what a merge holds until the file ends includes birth dates, which are
 * never written anywhere.
 */
public final class ReportMerge {
    /** Report numbers one file may name under a merge by default: about 22 MB of merge state at most. */
    public static final int MAX_REPORTS = 100_000;

    private final Milestones milestones;
    private final int maxReports;

    /** By referral key; in access order, so the last row of each decides its place. */
    private final LinkedHashMap<String, MergedReport> reports = new LinkedHashMap<>(1024, 0.75f, true);

    /** @param maxReports the most report numbers the file may name, {@link #MAX_REPORTS} but in tests */
    public ReportMerge(FileSpec.Merge rule, int maxReports) {
        this.milestones = new Milestones(rule.milestones());
        this.maxReports = maxReports;
    }

    /** A file names more report numbers than a merge holds. */
    public static final class LimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int limit;

        LimitReached(int limit) {
            super(null, null, false, false);
            this.limit = limit;
        }

        public int limit() {
            return limit;
        }
    }

    /**
     * Merges one row, mapped and derived alone, into each of its referrals; or rejects it, merging nothing, when it
     * would make one of them disagree with itself ({@link MergedReport#check}).
     *
     * @throws LimitReached when the row names a report number beyond the {@code maxReports}th
     */
    void add(List<String> referralKeys, Observation row, String sheet, long rowNumber) throws ValueRejected {
        List<MergedReport> targets = new ArrayList<>(referralKeys.size());
        for (String key : referralKeys) {
            MergedReport m = reports.get(key);
            if (m == null) {
                if (reports.size() >= maxReports) {
                    throw new LimitReached(maxReports);
                }
                m = new MergedReport();
            }
            m.check(row);
            targets.add(m);
        }
        for (int i = 0; i < targets.size(); i++) {
            targets.get(i).add(row, sheet, rowNumber, milestones);
            reports.putIfAbsent(referralKeys.get(i), targets.get(i));
        }
    }

    /** Report numbers merged so far. */
    public int size() {
        return reports.size();
    }

    /**
     * Hands on each report number's merged record ({@link RowResult.MergedRecord}), in the order of their last rows,
     * and forgets it.
     */
    public void drainTo(AgencyFileContext context, Consumer<RowResult> sink) {
        Iterator<Map.Entry<String, MergedReport>> it = reports.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, MergedReport> e = it.next();
            MergedReport m = e.getValue();
            Observation o = m.observation();
            try {
                Derivations.applyToMerged(o);
            } catch (ValueRejected bug) {
                // add() checked every row against the rows before it, so the merge agrees with itself
                throw new IllegalStateException("merged rows disagree: " + bug.reason(), bug);
            }
            it.remove();
            sink.accept(new RowResult.MergedRecord(o.record(context, e.getKey(), m.sheet, m.row), m.rows));
        }
    }
}
