package com.edutrack.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Real concurrent requests, for the races the database must settle. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Sends {@code n} requests at once from {@code n} threads, released together by one latch. */
    public static <T> List<T> send(int n, IntFunction<T> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.apply(index);
                }));
            }
            ready.await();
            go.countDown();
            List<T> responses = new ArrayList<>();
            for (Future<T> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }

    public static long statusCount(List<ApiResponse> responses, int status) {
        return responses.stream().filter(r -> r.status() == status).count();
    }
}
