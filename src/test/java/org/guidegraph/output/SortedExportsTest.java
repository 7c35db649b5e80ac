package org.guidegraph.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class SortedExportsTest {

    /** The merge as a walk over every earlier subject makes it. */
    private static SortedExports.Merged walk(String[] old, Set<String> changed, List<String> now) {
        List<String> subjects = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        int j = 0;
        for (int i = 0; i < old.length; i++) {
            while (j < now.size() && now.get(j).compareTo(old[i]) < 0) {
                subjects.add(now.get(j++));
                from.add(-1);
            }
            if (!changed.contains(old[i])) {
                subjects.add(old[i]);
                from.add(i);
            }
        }
        while (j < now.size()) {
            subjects.add(now.get(j++));
            from.add(-1);
        }
        return new SortedExports.Merged(subjects.toArray(String[]::new),
                from.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void mergingChangedSubjectsGivesWhatAWalkOverEverySubjectGives() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            TreeSet<String> all = new TreeSet<>();
            int size = random.nextInt(40);
            while (all.size() < size) {
                all.add("s" + random.nextInt(100));
            }
            String[] old = all.toArray(String[]::new);
            // changed: some earlier subjects (kept, changed or gone) and some new ones; now: those that remain
            TreeSet<String> changed = new TreeSet<>();
            int changes = random.nextInt(8);
            for (int c = 0; c < changes; c++) {
                changed.add(random.nextBoolean() && old.length > 0 ? old[random.nextInt(old.length)]
                        : "s" + random.nextInt(100));
            }
            List<String> now = new ArrayList<>();
            for (String c : changed) {
                if (random.nextInt(3) > 0) {
                    now.add(c);
                }
            }
            SortedExports.Merged expected = walk(old, changed, now);
            SortedExports.Merged actual = SortedExports.merge(old, changed, now);
            String what = "round " + round + ": " + List.of(old) + " changed " + changed + " now " + now;
            assertArrayEquals(expected.subjects(), actual.subjects(), what);
            assertArrayEquals(expected.from(), actual.from(), what);
        }
    }
}
