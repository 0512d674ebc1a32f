package dev.switchyard.app.replay.engine;

/**
 * Progress of a running replay (sent after every item, from a worker thread).
 *
 * @param done         items finished, including those finished before a resume
 * @param total        items in the dataset
 * @param spentUsd     money spent by this replay's live calls so far (route and baseline calls)
 * @param judgeSpentUsd money spent on judge calls so far
 * @param etaMillis    estimated time left, -1 until one item is done
 * @param unpricedCalls live answers of models with no price: {@code spentUsd} is then only the known part
 */
public record ReplayProgress(int done, int total, double spentUsd, double judgeSpentUsd, long etaMillis,
                             int unpricedCalls) {

    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }
}
