"""How long this process waits to run again after a 1 ms sleep: sleeps 1 ms at a time for SECONDS,
then prints "stall_max_ms=X stalls_10ms=N", the longest sleep and how many passed 10 ms. A full run
queue shows here as well as a host that takes its cores away: on the two-core machine of the bench
runs, the longest sleep was up to 18 ms with both cores saturated and up to 12 ms beside a steady
row at half load, while the idle machine once slept 36 ms, which only the host can do.
usage: python3 host-stalls.py SECONDS"""
import sys
import time

end = time.monotonic() + float(sys.argv[1])
longest, over_10ms = 0.0, 0
before = time.monotonic()
while before < end:
    time.sleep(0.001)
    now = time.monotonic()
    longest = max(longest, now - before)
    over_10ms += now - before > 0.010
    before = now
print(f"stall_max_ms={longest * 1000:.1f} stalls_10ms={over_10ms}")
